package org.juryroom.entry;

import java.security.SecureRandom;

/** Anonymous entry codes like {@code E-7K3QM}: random, so a code says nothing about who sent it or when. */
public final class EntryCodes {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private EntryCodes() {
    }

    /** A code not yet used (32^5 ≈ 33 million codes, so collisions are rare and retried). */
    public static String next() {
        while (true) {
            StringBuilder sb = new StringBuilder("E-");
            for (int i = 0; i < 5; i++) {
                sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
            }
            String code = sb.toString();
            if (!Entry.codeTaken(code)) {
                return code;
            }
        }
    }
}
