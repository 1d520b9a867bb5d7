package org.juryroom.storage.scrub;

import java.awt.image.BufferedImage;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Derives what jurors and the public get from an accepted upload: a clean copy without
 * identifying metadata and a thumbnail made from it. Pure file-to-file work, no Quarkus; see
 * docs/privacy.md for what is removed from which format. Every refusal is a {@link Rejected}.
 */
public final class PrivacyScrubber {

    /**
     * Limits for the work on one file. {@code decodeBudget}: the bytes a decoder that cannot work in parts may
     * take for one image: TwelveMonkeys decodes a WebP whole (4 bytes a pixel, whatever the thumbnail needs), and
     * PDFBox decodes a Deflate/LZW/uncompressed image in a PDF whole before drawing it. The heap is small
     * (src/main/jvm/juryroom.jvm), so such an image over the budget is refused, not tried.
     */
    public record Limits(long maxPixels, int thumbnailSize, long decodeBudget) {

        /** 48 MiB: a 12-megapixel WebP (a phone photo), an A4 page scanned at 300 dpi in colour. */
        public static final long DEFAULT_DECODE_BUDGET = 48L << 20;

        public Limits(long maxPixels, int thumbnailSize) {
            this(maxPixels, thumbnailSize, DEFAULT_DECODE_BUDGET);
        }
    }

    /**
     * The derived files, in the work directory, owned by the caller. {@code clean} is null when
     * the original is already clean (nothing to remove); {@code thumbnail} is null for videos;
     * {@code reviewNote} says why an organiser must look at the file before jurors see it.
     */
    public record Derived(Path clean, Path thumbnail, String reviewNote) {

        public void delete() {
            for (Path p : new Path[] {clean, thumbnail}) {
                deleteQuietly(p);
            }
        }
    }

    private PrivacyScrubber() {
    }

    public static Derived derive(Path original, String contentType, Limits limits, Path workDir) {
        List<Path> created = new ArrayList<>();
        try {
            Derived derived = switch (contentType) {
                case "image/jpeg", "image/png", "image/webp" -> image(original, contentType, limits, workDir, created);
                case "application/pdf" -> pdf(original, limits, workDir, created);
                case "video/mp4" -> mp4(original, workDir, created);
                case "video/webm" -> webm(original, workDir, created);
                default -> throw new Rejected("type", "files of type " + contentType + " cannot be checked");
            };
            created.clear();
            return derived;
        } catch (Rejected e) {
            throw e;
        } catch (EOFException e) {
            // Whichever reader ran out of bytes, the upload is cut off: the school's to mend, not a server error.
            throw (Rejected) new Rejected("unreadable", "the file is incomplete (cut off); upload it again").initCause(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // A parser tripping over hostile input is a refusal of that input, not a server error.
            throw new Rejected("unreadable", "the file could not be read as " + contentType);
        } catch (StackOverflowError e) {
            throw new Rejected("unreadable", "the file is nested too deeply to be read");
        } finally {
            created.forEach(PrivacyScrubber::deleteQuietly);
        }
    }

    private static Derived image(Path original, String type, Limits limits, Path workDir, List<Path> created)
            throws IOException {
        Images.checkPixels(original, limits.maxPixels());
        if (type.equals("image/webp")) {
            Images.checkWholeDecode(original, "the WebP", limits.decodeBudget());
        }
        Path clean = temp(workDir, created, "clean");
        int orientation = 1;
        switch (type) {
            case "image/jpeg" -> orientation = JpegScrubber.scrub(original, clean);
            case "image/png" -> PngScrubber.scrub(original, clean);
            default -> WebpScrubber.scrub(original, clean);
        }
        // From the clean copy: the thumbnail can only show what the clean copy has.
        BufferedImage thumb = Images.thumbnail(clean, orientation, limits.thumbnailSize());
        Path thumbnail = temp(workDir, created, "thumb");
        Images.writeJpeg(thumb, thumbnail);
        return new Derived(clean, thumbnail, null);
    }

    private static Derived pdf(Path original, Limits limits, Path workDir, List<Path> created) throws IOException {
        Path clean = temp(workDir, created, "clean");
        BufferedImage page = PdfScrubber.scrub(original, clean, limits.thumbnailSize(), limits.maxPixels(),
                limits.decodeBudget());
        Path thumbnail = temp(workDir, created, "thumb");
        Images.writeJpeg(Images.fit(page, limits.thumbnailSize()), thumbnail);
        return new Derived(clean, thumbnail, null);
    }

    private static Derived mp4(Path original, Path workDir, List<Path> created) throws IOException {
        Path clean = temp(workDir, created, "clean");
        Mp4Scrubber.Outcome outcome = Mp4Scrubber.scrub(original, clean);
        if (!outcome.changed()) {
            deleteQuietly(clean);
            return new Derived(null, null, outcome.reviewNote());
        }
        return new Derived(clean, null, null);
    }

    private static Derived webm(Path original, Path workDir, List<Path> created) throws IOException {
        Path clean = temp(workDir, created, "clean");
        if (!WebmScrubber.scrub(original, clean)) {
            deleteQuietly(clean);
            return new Derived(null, null, null);
        }
        return new Derived(clean, null, null);
    }

    private static Path temp(Path workDir, List<Path> created, String kind) throws IOException {
        Files.createDirectories(workDir);
        Path p = Files.createTempFile(workDir, kind + "-", ".tmp");
        created.add(p);
        return p;
    }

    static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover in the work directory is removed with it
        }
    }
}
