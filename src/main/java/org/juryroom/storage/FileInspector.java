package org.juryroom.storage;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.tika.Tika;
import org.juryroom.common.ProblemException;
import org.juryroom.competition.Category;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/**
 * Intake check of one uploaded file, before anything is written: the size against the
 * category, the type by content (magic bytes, never the name or the client's Content-Type),
 * and the name's extension against that type.
 */
@ApplicationScoped
public class FileInspector {

    /** What an accepted upload is, as the rest of the system will know it. */
    public record Inspected(Path path, String displayName, String contentType, long size, String sha256) {
    }

    private final Tika tika = new Tika();

    public Inspected inspect(Path path, String clientName, Category category) {
        String displayName = FileNames.sanitise(clientName);
        long size = sizeOf(path);
        if (size == 0) {
            throw ProblemException.unprocessable("files", displayName + " is empty");
        }
        if (size > category.maxFileBytes) {
            throw ProblemException.tooLarge(displayName + " is " + size + " bytes; the " + category.code
                    + " category accepts at most " + category.maxFileBytes + " bytes", category.maxFileBytes);
        }
        String detected = detect(path);
        if (!category.allowedTypes().contains(detected)) {
            throw ProblemException.unsupportedType(displayName + " is " + detected + " by its content; the "
                    + category.code + " category accepts " + String.join(", ", category.allowedTypes()));
        }
        Set<String> extensions = FileTypes.EXTENSIONS.get(detected);
        String extension = FileNames.extension(displayName);
        if (!extensions.contains(extension)) {
            throw ProblemException.unsupportedType(displayName + " has content of type " + detected
                    + " but its name ends in '." + extension + "'; expected " + String.join(" or ",
                    extensions.stream().sorted().map(e -> "." + e).toList()));
        }
        return new Inspected(path, displayName, detected, size, sha256(path));
    }

    private String detect(Path path) {
        // Detection from the bytes alone: passing the name would let "x.png" sway the verdict.
        try (InputStream in = Files.newInputStream(path)) {
            return VideoContainers.refine(tika.detect(in), path);
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
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
