package org.juryroom.access;

import io.quarkus.elytron.security.common.BcryptUtil;

import java.security.SecureRandom;

/** Issues sign-ins: generated passwords are shown once and stored only as bcrypt hashes. */
public final class Credentials {

    /** No look-alike characters: a teacher copies this from a screen or a letter. */
    private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Credentials() {
    }

    public record Issued(AppUser user, String password) {
    }

    /**
     * Stored instead of a hash for an invited account until it accepts the invitation: no password
     * matches it, and an import of many invited accounts pays no bcrypt per line.
     */
    static final String NO_PASSWORD = "!invited";

    /** Whether the account has a password at all (an invited one has none until it accepts). */
    static boolean hasPassword(AppUser user) {
        return !NO_PASSWORD.equals(user.passwordHash);
    }

    public static String generatePassword() {
        StringBuilder sb = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }

    /**
     * Creates and persists a user; the caller's transaction owns it. {@code password} null: an invited
     * account, without a password until it accepts.
     */
    public static AppUser create(String username, String password, String role, Long schoolId, Long jurorId) {
        return create(username, password, role, schoolId, jurorId, null);
    }

    /** The same, for an account that is also (or only) a designated safeguarding lead. */
    public static AppUser create(String username, String password, String role, Long schoolId, Long jurorId,
                                 Long safeguardingLeadId) {
        AppUser user = new AppUser();
        user.safeguardingLeadId = safeguardingLeadId;
        user.username = username;
        user.passwordHash = password == null ? NO_PASSWORD : BcryptUtil.bcryptHash(password);
        user.role = role;
        user.schoolId = schoolId;
        user.jurorId = jurorId;
        user.persist();
        return user;
    }

    /** A readable unique username from a display name, e.g. "Hill View School" → "hill-view-school-2". */
    public static String uniqueUsername(String displayName, String fallback) {
        String base = java.text.Normalizer.normalize(displayName, java.text.Normalizer.Form.NFKD)
                .replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-|-$)", "").toLowerCase(java.util.Locale.ROOT);
        if (base.length() > 40) {
            base = base.substring(0, 40).replaceAll("-$", "");
        }
        if (base.isEmpty()) {
            base = fallback;
        }
        String candidate = base;
        for (int n = 2; AppUser.findByUsername(candidate).isPresent(); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }
}
