package org.juryroom.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Lossless WebP files made in the test (there is no WebP writer on the classpath and no WebP
 * sample): one colour, any declared size, a few dozen bytes whatever the size, because every
 * prefix code has a single symbol and so each pixel takes no bits (WebP lossless bitstream, 3.7.2.1.1).
 */
public final class TestWebps {

    private TestWebps() {
    }

    /** A simple-format lossless WebP ({@code RIFF WEBP VP8L}) of one colour. */
    public static byte[] lossless(int width, int height) {
        return riff(chunk("VP8L", vp8l(width, height)));
    }

    /** An extended-format WebP: a VP8X header with EXIF and XMP chunks (a GPS position and an author) and the image. */
    public static byte[] withExifAndXmp(int width, int height) {
        byte[] exif = "Exif\0\0MM GPSLatitude 22.5726 Arindam Dey".getBytes(StandardCharsets.ISO_8859_1);
        byte[] xmp = "<x:xmpmeta><dc:creator>Arindam Dey</dc:creator></x:xmpmeta>".getBytes(StandardCharsets.UTF_8);
        return riff(chunk("VP8X", vp8x(0x08 | 0x04, width, height)), chunk("VP8L", vp8l(width, height)),
                chunk("EXIF", exif), chunk("XMP ", xmp));
    }

    /** A VP8X header alone: a canvas size and no image chunk. */
    public static byte[] headerOnly(int width, int height) {
        return riff(chunk("VP8X", vp8x(0, width, height)));
    }

    private static byte[] vp8x(int flags, int width, int height) {
        byte[] b = new byte[10];
        b[0] = (byte) flags;
        le24(b, 4, width - 1);
        le24(b, 7, height - 1);
        return b;
    }

    private static byte[] vp8l(int width, int height) {
        Bits bits = new Bits();
        bits.put(0x2f, 8); // signature
        bits.put(width - 1, 14);
        bits.put(height - 1, 14);
        bits.put(0, 1); // alpha_is_used
        bits.put(0, 3); // version
        bits.put(0, 1); // no transform
        bits.put(0, 1); // no colour cache
        bits.put(0, 1); // no meta prefix codes
        int[] symbols = {0x80, 0x20, 0xC0, 0xFF, 0}; // green, red, blue, alpha, distance
        for (int symbol : symbols) {
            bits.put(1, 1); // simple code
            bits.put(0, 1); // one symbol
            bits.put(1, 1); // an 8-bit symbol
            bits.put(symbol, 8);
        }
        return bits.bytes();
    }

    private static byte[] riff(byte[]... chunks) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("WEBP".getBytes(StandardCharsets.ISO_8859_1));
        for (byte[] c : chunks) {
            body.writeBytes(c);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("RIFF".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(le32(body.size()));
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    private static byte[] chunk(String type, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(type.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(le32(data.length));
        out.writeBytes(data);
        if ((data.length & 1) == 1) {
            out.write(0);
        }
        return out.toByteArray();
    }

    private static byte[] le32(int v) {
        return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }

    private static void le24(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
    }

    /** Least significant bit first, as the VP8L bitstream is read. */
    private static final class Bits {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private long acc;
        private int count;

        void put(int value, int n) {
            acc |= ((long) value & ((1L << n) - 1)) << count;
            count += n;
            while (count >= 8) {
                out.write((int) (acc & 0xff));
                acc >>>= 8;
                count -= 8;
            }
        }

        byte[] bytes() {
            if (count > 0) {
                out.write((int) (acc & 0xff));
                acc = 0;
                count = 0;
            }
            return out.toByteArray();
        }
    }
}
