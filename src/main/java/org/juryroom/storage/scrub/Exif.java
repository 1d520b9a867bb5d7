package org.juryroom.storage.scrub;

/** The two things JuryRoom reads or writes of EXIF: the Orientation tag, and an EXIF block holding only it. */
final class Exif {

    private static final int ORIENTATION = 0x0112;

    private Exif() {
    }

    /** The Orientation (1..8) in the TIFF structure starting at {@code tiff}, or 1 when absent or unreadable. */
    static int orientation(byte[] data, int tiff) {
        if (data.length < tiff + 8) {
            return 1;
        }
        boolean little = data[tiff] == 'I' && data[tiff + 1] == 'I';
        boolean big = data[tiff] == 'M' && data[tiff + 1] == 'M';
        if (!little && !big) {
            return 1;
        }
        long ifd = u32(data, tiff + 4, little);
        if (ifd < 8 || tiff + ifd + 2 > data.length) {
            return 1;
        }
        int at = (int) (tiff + ifd);
        int entries = u16(data, at, little);
        for (int i = 0; i < entries; i++) {
            int entry = at + 2 + i * 12;
            if (entry + 12 > data.length) {
                return 1;
            }
            if (u16(data, entry, little) == ORIENTATION && u16(data, entry + 2, little) == 3) {
                int value = u16(data, entry + 8, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    /** An APP1 payload with a one-entry IFD0: Orientation = {@code orientation}, nothing else. */
    static byte[] orientationOnly(int orientation) {
        return new byte[] {
                'E', 'x', 'i', 'f', 0, 0,
                'M', 'M', 0, 42, 0, 0, 0, 8,   // big-endian TIFF header, IFD0 at 8
                0, 1,                           // one entry
                0x01, 0x12, 0, 3, 0, 0, 0, 1,   // Orientation, SHORT, count 1
                0, (byte) orientation, 0, 0,    // value, left-justified
                0, 0, 0, 0};                    // no next IFD
    }

    private static int u16(byte[] d, int at, boolean little) {
        int a = d[at] & 0xff;
        int b = d[at + 1] & 0xff;
        return little ? a | b << 8 : a << 8 | b;
    }

    private static long u32(byte[] d, int at, boolean little) {
        long v = 0;
        for (int i = 0; i < 4; i++) {
            int b = d[at + (little ? 3 - i : i)] & 0xff;
            v = v << 8 | b;
        }
        return v;
    }
}
