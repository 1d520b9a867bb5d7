package org.juryroom.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The web session key of the embedded mode: generated once per data directory and kept there,
 * so a restart keeps everyone signed in, and a fresh data directory never shares a key with
 * another. Production sets JURYROOM_SESSION_KEY instead (checked by ops/Preflight).
 */
final class SessionKey {

    static final String PROPERTY = "quarkus.http.auth.session.encryption-key";

    private SessionKey() {
    }

    static void provide(Path dataDir) {
        String fromEnv = System.getenv("JURYROOM_SESSION_KEY");
        if (System.getProperty(PROPERTY) != null || (fromEnv != null && !fromEnv.isBlank())) {
            return;
        }
        System.setProperty(PROPERTY, readOrCreate(dataDir.resolve("session.key")));
    }

    static String readOrCreate(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                String key = Files.readString(file, StandardCharsets.US_ASCII).strip();
                if (key.length() >= 32) {
                    return key;
                }
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String key = Base64.getEncoder().encodeToString(random);
            Files.writeString(file, key + "\n", StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the data directory's own permissions apply
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or create the session key " + file, e);
        }
    }
}
