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
import java.util.Set;

/**
 * Lossless WebP clean-up in the RIFF container: the EXIF and XMP chunks (and any chunk we do not
 * know) are dropped, the VP8X flags that announce them are cleared, and the RIFF size is fixed.
 */
final class WebpScrubber {

    private static final Set<String> KEPT = Set.of("VP8 ", "VP8L", "VP8X", "ALPH", "ANIM", "ANMF", "ICCP");
    /** The chunks that carry pixels: a still image (lossy or lossless) or an animation's frames. */
    private static final Set<String> IMAGE = Set.of("VP8 ", "VP8L", "ANMF");
    private static final int EXIF_FLAG = 0x08;
    private static final int XMP_FLAG = 0x04;

    private WebpScrubber() {
    }

    static void scrub(Path in, Path out) throws IOException {
        long fileSize = Files.size(in);
        // First pass: the size of what is kept, so the RIFF header can be written first while streaming.
        long kept = 4; // "WEBP"
        boolean image = false;
        try (DataInputStream src = open(in)) {
            long riffEnd = header(src, fileSize);
            long at = 12;
            while (at < riffEnd) {
                if (at + 8 > riffEnd) {
                    throw new Rejected("the WebP is truncated");
                }
                String type = fourCc(src);
                long size = le32(src);
                long padded = size + (size & 1);
                if (at + 8 + padded > riffEnd + (size & 1)) {
                    throw new Rejected("the WebP has a chunk larger than the file");
                }
                if (KEPT.contains(type)) {
                    kept += 8 + padded;
                }
                image |= IMAGE.contains(type);
                skip(src, padded);
                at += 8 + padded;
            }
        } catch (EOFException e) {
            throw new Rejected("the WebP is truncated");
        }
        if (!image) {
            // A VP8X header alone announces a canvas but draws nothing: a cut-off file, not a blank poster.
            throw new Rejected("image-corrupt", "the WebP has no image data");
        }
        try (DataInputStream src = open(in);
             OutputStream dst = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            long riffEnd = header(src, fileSize);
            dst.write("RIFF".getBytes(StandardCharsets.ISO_8859_1));
            writeLe32(dst, kept);
            dst.write("WEBP".getBytes(StandardCharsets.ISO_8859_1));
            long at = 12;
            while (at + 8 <= riffEnd) {
                String type = fourCc(src);
                long size = le32(src);
                long padded = size + (size & 1);
                if (!KEPT.contains(type)) {
                    skip(src, padded);
                } else {
                    dst.write(type.getBytes(StandardCharsets.ISO_8859_1));
                    writeLe32(dst, size);
                    if (type.equals("VP8X") && size >= 1) {
                        dst.write(src.readUnsignedByte() & ~(EXIF_FLAG | XMP_FLAG));
                        PngScrubber.copyOrSkip(src, dst, padded - 1);
                    } else {
                        PngScrubber.copyOrSkip(src, dst, padded);
                    }
                }
                at += 8 + padded;
            }
        } catch (EOFException e) {
            throw new Rejected("the WebP is truncated");
        }
    }

    private static DataInputStream open(Path in) throws IOException {
        return new DataInputStream(new BufferedInputStream(Files.newInputStream(in), 1 << 16));
    }

    /** Reads "RIFF" size "WEBP"; returns where the RIFF payload ends (bytes after it are dropped). */
    private static long header(DataInputStream src, long fileSize) throws IOException {
        if (!fourCc(src).equals("RIFF")) {
            throw new Rejected("not a WebP (no RIFF header)");
        }
        long size = le32(src);
        if (!fourCc(src).equals("WEBP")) {
            throw new Rejected("not a WebP (RIFF type is not WEBP)");
        }
        if (8 + size > fileSize) {
            throw new Rejected("the WebP is truncated"); // the RIFF header announces more than arrived
        }
        return 8 + size;
    }

    private static String fourCc(DataInputStream src) throws IOException {
        byte[] b = new byte[4];
        src.readFully(b);
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private static long le32(DataInputStream src) throws IOException {
        byte[] b = new byte[4];
        src.readFully(b);
        return (b[0] & 0xffL) | (b[1] & 0xffL) << 8 | (b[2] & 0xffL) << 16 | (b[3] & 0xffL) << 24;
    }

    private static void writeLe32(OutputStream dst, long v) throws IOException {
        dst.write((int) v);
        dst.write((int) (v >>> 8));
        dst.write((int) (v >>> 16));
        dst.write((int) (v >>> 24));
    }

    private static void skip(DataInputStream src, long n) throws IOException {
        PngScrubber.copyOrSkip(src, OutputStream.nullOutputStream(), n);
    }
}
