package org.juryroom.storage.scrub;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

/**
 * Lossless PNG clean-up: the chunks that draw the image are copied unchanged (pixels, palette,
 * transparency, colour); every other chunk — tEXt/zTXt/iTXt (author, XMP), eXIf (GPS), tIME and
 * anything unknown — is dropped, and so is whatever follows IEND.
 */
final class PngScrubber {

    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final Set<String> KEPT = Set.of("IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB",
            "iCCP", "sBIT", "pHYs", "bKGD");
    private static final int MAX_CHUNK = 1 << 30;

    private PngScrubber() {
    }

    static void scrub(Path in, Path out) throws IOException {
        try (DataInputStream src = new DataInputStream(new BufferedInputStream(Files.newInputStream(in), 1 << 16));
             OutputStream dst = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            byte[] signature = src.readNBytes(8);
            if (!Arrays.equals(signature, SIGNATURE)) {
                throw new Rejected("not a PNG (bad signature)");
            }
            dst.write(SIGNATURE);
            boolean first = true;
            while (true) {
                int length = src.readInt();
                byte[] typeBytes = src.readNBytes(4);
                if (length < 0 || length > MAX_CHUNK || typeBytes.length < 4) {
                    throw new Rejected("the PNG has a malformed chunk");
                }
                String type = new String(typeBytes, StandardCharsets.ISO_8859_1);
                if (first && !type.equals("IHDR")) {
                    throw new Rejected("the PNG does not start with IHDR");
                }
                first = false;
                boolean keep = KEPT.contains(type);
                if (keep) {
                    dst.write(length >>> 24);
                    dst.write(length >>> 16);
                    dst.write(length >>> 8);
                    dst.write(length);
                    dst.write(typeBytes);
                }
                copyOrSkip(src, keep ? dst : OutputStream.nullOutputStream(), length + 4L); // data + CRC
                if (type.equals("IEND")) {
                    return;
                }
            }
        } catch (EOFException e) {
            throw new Rejected("the PNG is truncated");
        }
    }

    static void copyOrSkip(DataInputStream src, OutputStream dst, long n) throws IOException {
        byte[] buffer = new byte[8192];
        long left = n;
        while (left > 0) {
            int read = src.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new EOFException();
            }
            dst.write(buffer, 0, read);
            left -= read;
        }
    }
}
