package org.juryroom.storage;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Container signatures that magic-byte detection leaves ambiguous: MP4 vs QuickTime (the ISO
 * base media {@code ftyp} brands) and WebM vs other Matroska (the EBML {@code DocType}).
 */
final class VideoContainers {

    private static final Set<String> MP4_BRANDS = Set.of("isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41",
            "mp42", "avc1", "M4V ", "M4VH", "M4VP", "dash", "mp71", "MSNV");
    private static final byte[] EBML_MAGIC = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3};
    private static final int HEAD = 64;

    private VideoContainers() {
    }

    /** The precise video type for what Tika detected from the file's first bytes, or {@code detected} unchanged. */
    static String refine(String detected, byte[] fileHead) {
        boolean isoCandidate = detected.equals("video/quicktime") || detected.equals("application/mp4");
        boolean matroskaCandidate = detected.equals("application/x-matroska") || detected.equals("video/x-matroska");
        if (!isoCandidate && !matroskaCandidate) {
            return detected;
        }
        byte[] head = java.util.Arrays.copyOf(fileHead, Math.min(HEAD, fileHead.length));
        if (isoCandidate && hasMp4Brand(head)) {
            return "video/mp4";
        }
        if (matroskaCandidate && isWebm(head)) {
            return "video/webm";
        }
        return detected;
    }

    private static boolean hasMp4Brand(byte[] head) {
        if (head.length < 16 || !"ftyp".equals(new String(head, 4, 4, StandardCharsets.ISO_8859_1))) {
            return false;
        }
        int boxSize = ((head[0] & 0xff) << 24) | ((head[1] & 0xff) << 16) | ((head[2] & 0xff) << 8) | (head[3] & 0xff);
        int end = Math.min(Math.max(boxSize, 16), head.length);
        // major brand at 8, minor version at 12, compatible brands from 16, four bytes each
        for (int offset = 8; offset + 4 <= end; offset += offset == 8 ? 8 : 4) {
            if (MP4_BRANDS.contains(new String(head, offset, 4, StandardCharsets.ISO_8859_1))) {
                return true;
            }
        }
        return false;
    }

    /** The EBML header's DocType element (ID 0x4282) says "webm". */
    private static boolean isWebm(byte[] head) {
        if (head.length < 8 || !java.util.Arrays.equals(head, 0, 4, EBML_MAGIC, 0, 4)) {
            return false;
        }
        for (int i = 4; i + 7 <= head.length; i++) {
            if (head[i] == 0x42 && head[i + 1] == (byte) 0x82) {
                int size = head[i + 2] & 0x7f; // one-byte EBML size (0x84 → 4)
                return size == 4 && "webm".equals(new String(head, i + 3, 4, StandardCharsets.ISO_8859_1));
            }
        }
        return false;
    }
}
