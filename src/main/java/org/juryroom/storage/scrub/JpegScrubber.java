package org.juryroom.storage.scrub;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Lossless JPEG clean-up by segment filtering: the image data is copied byte for byte, every
 * APPn and COM segment is dropped except the JFIF header (its thumbnail removed), the ICC colour
 * profile and Adobe's colour-transform marker, and anything after EOI (phone "motion photo"
 * trailers) is cut. The EXIF Orientation is the one tag kept, in a minimal EXIF segment, so the
 * poster stays upright without re-encoding.
 */
final class JpegScrubber {

    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int COM = 0xFE;

    private JpegScrubber() {
    }

    /** Writes the clean copy of {@code in} to {@code out}; returns the EXIF orientation (1 if none). */
    static int scrub(Path in, Path out) throws IOException {
        try (InputStream src = Files.newInputStream(in);
             OutputStream dst = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            return scrub(new DataInputStream(new BufferedInputStream(src, 1 << 16)), dst, false);
        } catch (EOFException e) {
            throw new Rejected("the JPEG is truncated");
        }
    }

    /**
     * As above, for JPEG data inside another file (an image in a PDF); neither stream is closed. Leniently, as
     * PDF readers take such data: a scan that ends without its end-of-image marker is ended with one, and stray
     * bytes before a marker are skipped (both are common in real PDFs, and neither can carry a segment).
     */
    static int scrub(InputStream in, OutputStream out) throws IOException {
        try {
            return scrub(new DataInputStream(new BufferedInputStream(in, 1 << 16)), out, true);
        } catch (EOFException e) {
            throw new Rejected("the JPEG is truncated");
        }
    }

    private static int scrub(DataInputStream src, OutputStream dst, boolean lenient) throws IOException {
        if (src.readUnsignedByte() != 0xFF || src.readUnsignedByte() != SOI) {
            throw new Rejected("not a JPEG (no start-of-image marker)");
        }
        dst.write(0xFF);
        dst.write(SOI);
        int orientation = 1;
        boolean orientationWritten = false;
        int marker = nextMarker(src, lenient);
        while (true) {
            if (marker == EOI) {
                dst.write(0xFF);
                dst.write(EOI);
                return orientation; // trailing bytes after EOI are dropped on purpose
            }
            if ((marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
                dst.write(0xFF);
                dst.write(marker);
                marker = nextMarker(src, lenient);
                continue;
            }
            int length = src.readUnsignedShort();
            if (length < 2) {
                throw new Rejected("the JPEG has a malformed segment");
            }
            byte[] payload = new byte[length - 2];
            src.readFully(payload);
            boolean metadata = (marker >= 0xE0 && marker <= 0xEF) || marker == COM;
            if (metadata) {
                if (marker == 0xE1 && startsWith(payload, "Exif\0\0")) {
                    orientation = Exif.orientation(payload, 6);
                }
                byte[] kept = keptPayload(marker, payload);
                if (kept != null) {
                    writeSegment(dst, marker, kept);
                }
                marker = nextMarker(src, lenient);
                continue;
            }
            if (!orientationWritten && orientation != 1) {
                writeSegment(dst, 0xE1, Exif.orientationOnly(orientation));
            }
            orientationWritten = true;
            writeSegment(dst, marker, payload);
            if (marker != SOS) {
                marker = nextMarker(src, lenient);
                continue;
            }
            try {
                marker = copyEntropyData(src, dst);
            } catch (EOFException unterminated) {
                if (!lenient) {
                    throw unterminated;
                }
                dst.write(0xFF);
                dst.write(EOI);
                return orientation;
            }
        }
    }

    /** The payload to keep for an APPn/COM segment, or null to drop it. */
    private static byte[] keptPayload(int marker, byte[] payload) {
        if (marker == 0xE0 && startsWith(payload, "JFIF\0") && payload.length >= 14) {
            byte[] jfif = java.util.Arrays.copyOf(payload, 14);
            jfif[12] = 0; // no embedded thumbnail
            jfif[13] = 0;
            return jfif;
        }
        if (marker == 0xE2 && startsWith(payload, "ICC_PROFILE\0")) {
            return payload;
        }
        if (marker == 0xEE && startsWith(payload, "Adobe")) {
            return payload;
        }
        return null;
    }

    /** Copies scan data up to the next real marker and returns that marker. */
    private static int copyEntropyData(DataInputStream src, OutputStream dst) throws IOException {
        while (true) {
            int b = src.readUnsignedByte();
            if (b != 0xFF) {
                dst.write(b);
                continue;
            }
            int next = src.readUnsignedByte();
            while (next == 0xFF) {
                next = src.readUnsignedByte();
            }
            if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
                dst.write(0xFF);
                dst.write(next);
            } else {
                return next;
            }
        }
    }

    private static int nextMarker(InputStream src, boolean lenient) throws IOException {
        int b = read(src);
        while (b != 0xFF && lenient) {
            b = read(src);
        }
        if (b != 0xFF) {
            throw new Rejected("the JPEG has data where a marker should be");
        }
        int marker;
        do {
            marker = read(src);
        } while (marker == 0xFF);
        return marker;
    }

    private static int read(InputStream src) throws IOException {
        int b = src.read();
        if (b < 0) {
            throw new EOFException();
        }
        return b;
    }

    private static void writeSegment(OutputStream dst, int marker, byte[] payload) throws IOException {
        if (payload.length + 2 > 0xFFFF) {
            throw new Rejected("the JPEG has an oversized segment");
        }
        dst.write(0xFF);
        dst.write(marker);
        dst.write((payload.length + 2) >> 8);
        dst.write((payload.length + 2) & 0xFF);
        dst.write(payload);
    }

    static boolean startsWith(byte[] data, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.ISO_8859_1);
        return data.length >= p.length && java.util.Arrays.equals(data, 0, p.length, p, 0, p.length);
    }
}
