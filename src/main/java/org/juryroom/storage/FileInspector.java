package org.juryroom.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.tika.Tika;
import org.jboss.logging.Logger;
import org.juryroom.common.Problem;
import org.juryroom.common.ProblemException;
import org.juryroom.competition.Category;
import org.juryroom.ops.JuryRoomConfig;
import org.juryroom.storage.scrub.PrivacyScrubber;
import org.juryroom.storage.scrub.PrivacyScrubber.Derived;
import org.juryroom.storage.scrub.Rejected;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Intake of one uploaded file, before anything is written: the size against the category, the
 * type by content (magic bytes, never the name or the client's Content-Type), the name's
 * extension against that type, the format's own rules (pixel count, PDF active content,
 * container structure), and the derived clean copy and thumbnail (see {@link PrivacyScrubber}).
 */
@ApplicationScoped
public class FileInspector {

    private static final Logger LOG = Logger.getLogger(FileInspector.class);

    /** What a category accepts; {@code category} null: the commission's logo (its refusals name the logo). */
    public record Rules(String category, List<String> allowedTypes, long maxFileBytes) {
        public static Rules of(Category c) {
            return new Rules(c.code, c.allowedTypes(), c.maxFileBytes);
        }
    }

    /** A file on disk with its size and SHA-256. */
    public record Blob(Path path, long size, String sha256) {
        static Blob of(Path path) {
            return path == null ? null : new Blob(path, sizeOf(path), FileInspector.sha256(path));
        }
    }

    /**
     * An accepted upload as the rest of the system will know it, with its derived files
     * ({@code clean} null when the original needs no cleaning). Call {@link #discard()} when done.
     */
    public record Inspected(Path path, String displayName, String contentType, long size, String sha256,
                            Blob clean, Blob thumbnail, String reviewNote) {
        /** Deletes the derived files (the upload itself belongs to the HTTP layer). */
        public void discard() {
            new Derived(clean == null ? null : clean.path(), thumbnail == null ? null : thumbnail.path(), null).delete();
        }
    }

    /** As many first bytes as type detection ever reads (Tika's magic-byte window). */
    public static final int HEAD_BYTES = 64 * 1024;

    private final Tika tika = new Tika();
    private final PrivacyScrubber.Limits limits;
    private final Path workDir;

    @Inject
    public FileInspector(JuryRoomConfig config) {
        this(new PrivacyScrubber.Limits(config.storage().maxImagePixels(), config.storage().thumbnailSize(),
                        config.storage().decodeBudget()),
                Path.of(config.storage().workDir()));
    }

    public FileInspector(PrivacyScrubber.Limits limits, Path workDir) {
        this.limits = limits;
        this.workDir = workDir;
    }

    public Inspected inspect(Path path, String clientName, Category category) {
        return inspect(path, clientName, Rules.of(category), null);
    }

    /** {@code expectedSha256}, when the client sent one, must match the bytes received. */
    public Inspected inspect(Path path, String clientName, Rules rules, String expectedSha256) {
        return inspect(path, clientName, rules, expectedSha256, null);
    }

    /**
     * As above; {@code receivedSha256} is the file's SHA-256 when the caller computed it while the
     * file arrived (the streaming upload), so that a large file is not read a second time for it.
     */
    public Inspected inspect(Path path, String clientName, Rules rules, String expectedSha256, String receivedSha256) {
        long began = System.nanoTime();
        String displayName = FileNames.sanitise(clientName);
        checkName(clientName, displayName);
        long size = sizeOf(path);
        if (size > rules.maxFileBytes()) {
            throw tooLarge(displayName, size, rules);
        }
        String detected = checkType(head(path), displayName, rules);
        String sha256 = receivedSha256 != null ? receivedSha256 : sha256(path);
        if (expectedSha256 != null && !expectedSha256.isBlank() && !expectedSha256.strip().equalsIgnoreCase(sha256)) {
            throw new ProblemException(422, "Checksum mismatch", displayName + " arrived with SHA-256 " + sha256
                    + ", not the " + expectedSha256.strip() + " that was sent with it; upload it again",
                    List.of(new Problem.Violation("sha256", "does not match the file")), Map.of("rule", "checksum"));
        }
        Derived derived = derive(path, detected, displayName, size);
        LOG.debugf("Inspected an upload (%s, %d bytes) in %d ms", detected, size,
                (System.nanoTime() - began) / 1_000_000);
        try {
            Blob clean = Blob.of(derived.clean());
            if (clean != null && clean.sha256().equals(sha256)) {
                // Nothing was removed: the original serves as its own clean copy, stored once.
                Files.deleteIfExists(clean.path());
                clean = null;
            }
            return new Inspected(path, displayName, detected, size, sha256, clean, Blob.of(derived.thumbnail()),
                    derived.reviewNote());
        } catch (IOException e) {
            derived.delete();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            derived.delete();
            throw e;
        }
    }

    /** Refuses a name that hides another type ({@link FileNames#hiddenType}): needs nothing but the name. */
    public void checkName(String clientName, String displayName) {
        String hidden = FileNames.hiddenType(clientName);
        if (hidden != null) {
            throw ProblemException.unsupportedType(displayName + " is refused: " + hidden + "; rename the file");
        }
    }

    /**
     * The checks that need only the file's first bytes ({@link #HEAD_BYTES} of them, or all of a
     * shorter file): not empty, type by content allowed in the category and matching the name's
     * extension. Returns the detected type. A streamed upload runs them before anything is stored.
     */
    public String checkType(byte[] head, String displayName, Rules rules) {
        if (head.length == 0) {
            throw ProblemException.unprocessable("files", displayName + " is empty");
        }
        String detected = detect(head);
        checkAllowed(detected, displayName, rules);
        Set<String> extensions = FileTypes.EXTENSIONS.get(detected);
        String extension = FileNames.extension(displayName);
        if (extensions == null || !extensions.contains(extension)) {
            throw ProblemException.unsupportedType(displayName + " is " + FileTypes.phrase(detected)
                    + " but its name ends in '." + extension + "'; name it " + String.join(" or ",
                    (extensions == null ? Set.<String>of() : extensions).stream().sorted().map(e -> "." + e).toList()));
        }
        return detected;
    }

    /**
     * The category's own rules for a file of a known type and size (0: not known yet): 415 for a type it does not
     * accept, 413 over its size limit. Intake's first checks, and the entry's last one when the file is recorded.
     */
    public static void checkFits(String displayName, String contentType, long size, Rules rules) {
        checkAllowed(contentType, displayName, rules);
        if (size > rules.maxFileBytes()) {
            throw tooLarge(displayName, size, rules);
        }
    }

    private static void checkAllowed(String detected, String displayName, Rules rules) {
        if (!rules.allowedTypes().contains(detected) && rules.category() == null) {
            throw ProblemException.unsupportedType(displayName + " is " + FileTypes.phrase(detected)
                    + "; the logo accepts " + FileTypes.describe(rules.allowedTypes()));
        }
        if (!rules.allowedTypes().contains(detected)) {
            throw ProblemException.unsupportedType(displayName + " is " + FileTypes.phrase(detected) + "; the "
                    + rules.category() + " category accepts " + FileTypes.describe(rules.allowedTypes()));
        }
    }

    private static ProblemException tooLarge(String displayName, long size, Rules rules) {
        if (rules.category() == null) {
            return ProblemException.tooLarge(displayName + " is " + size + " bytes; the logo accepts at most "
                    + rules.maxFileBytes() + " bytes", rules.maxFileBytes());
        }
        return ProblemException.tooLarge(displayName + " is " + size + " bytes; the " + rules.category()
                + " category accepts at most " + rules.maxFileBytes() + " bytes", rules.maxFileBytes());
    }

    /**
     * The log names the upload by its type, size and work file only: the name a school gives a file is often a
     * child's ("Riya_poster.jpg"), and no log line names a child. The refusal itself tells the school which file.
     */
    private Derived derive(Path path, String type, String displayName, long size) {
        try {
            return PrivacyScrubber.derive(path, type, limits, workDir);
        } catch (Rejected e) {
            LOG.debugf("Refused an upload (%s, %d bytes): rule %s", type, size, e.rule());
            throw rejected(displayName, e.rule(), e.getMessage());
        } catch (OutOfMemoryError e) {
            // The scrubber's temp files are gone (its finally); the heap it held is free again. Not the school's
            // fault (other uploads share the heap) nor a 500 page: a 503 to try again, and nothing is kept.
            LOG.errorf(e, "Out of memory while checking an upload (%s, %d bytes, work file %s)", type, size,
                    path.getFileName());
            throw ProblemException.unavailable("The server could not check " + displayName
                    + " right now (it ran short of memory); nothing was saved, please try again later");
        }
    }

    private static ProblemException rejected(String displayName, String rule, String message) {
        return new ProblemException(422, "Unprocessable entity", displayName + ": " + message,
                List.of(new Problem.Violation("files", message)), Map.of("rule", rule));
    }

    private String detect(byte[] head) {
        // Detection from the bytes alone: passing the name would let "x.png" sway the verdict.
        return VideoContainers.refine(tika.detect(head), head);
    }

    private static byte[] head(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes(HEAD_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long sizeOf(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sha256(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return sha256(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the stream to its end; the heap holds one buffer, never the whole stream. */
    public static String sha256(InputStream stream) throws IOException {
        try (DigestInputStream in = new DigestInputStream(stream, newSha256())) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        }
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
