package org.juryroom.storage.scrub;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.juryroom.support.TestWebps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file cut off anywhere is a refusal ({@link Rejected}), never an I/O error that would be a 500:
 * each format's sample cut at fixed-seed random points, and a WebP that has a header but no image.
 */
public class TruncatedFilesTest {

    static final PrivacyScrubber.Limits LIMITS = new PrivacyScrubber.Limits(40_000_000, 64);

    @TempDir
    Path work;

    /** The samples by content type: one of each format with metadata to remove. */
    public static Map<String, byte[]> samples() throws Exception {
        Map<String, byte[]> samples = new LinkedHashMap<>();
        samples.put("image/jpeg", Files.readAllBytes(PrivacyScrubberTest.SAMPLES.resolve("posters/poster-03-phone-gps.jpg")));
        samples.put("image/png", Files.readAllBytes(PrivacyScrubberTest.SAMPLES.resolve("posters/poster-08-png-author-exif-gps.png")));
        samples.put("image/webp", webp());
        samples.put("application/pdf", Files.readAllBytes(PrivacyScrubberTest.SAMPLES.resolve("essays/essay-02-with-author.pdf")));
        samples.put("video/mp4", Files.readAllBytes(PrivacyScrubberTest.SAMPLES.resolve("videos/video-01-location.mp4")));
        return samples;
    }

    /** The WebP sample made with ffmpeg and exiftool (lossy, EXIF GPS and XMP). */
    public static byte[] webp() throws Exception {
        try (var in = TruncatedFilesTest.class.getResourceAsStream("/org/juryroom/storage/poster-webp-gps.webp")) {
            return in.readAllBytes();
        }
    }

    /** {@code count} cut points in {@code 1..length-1}, the same on every run. */
    public static int[] cuts(int length, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return random.ints(count, 1, length).toArray();
    }

    @Test
    void everyPrefixOfEverySampleIsRefused() throws Exception {
        for (Map.Entry<String, byte[]> sample : samples().entrySet()) {
            byte[] whole = sample.getValue();
            PrivacyScrubber.derive(write(whole), sample.getKey(), LIMITS, work).delete(); // the whole file is fine
            for (int cut : cuts(whole.length, 60, 20260501L)) {
                Path file = write(Arrays.copyOf(whole, cut));
                assertThatThrownBy(() -> PrivacyScrubber.derive(file, sample.getKey(), LIMITS, work))
                        .as(sample.getKey() + " cut at " + cut + " of " + whole.length).isInstanceOf(Rejected.class);
            }
        }
    }

    /**
     * Bytes after a PDF's last end-of-file marker: leftovers (padding, a gateway's junk) are taken as readers take
     * them; the first bytes of an appended update, however few, are a cut-off file.
     */
    @Test
    void aPdfMayEndInLeftoversButNotInTheStartOfAnUpdate() throws Exception {
        byte[] pdf = samples().get("application/pdf");
        byte[] junk = "\r\n\0\0<html><body>Download complete</body></html>\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] padded = Arrays.copyOf(pdf, pdf.length + junk.length);
        System.arraycopy(junk, 0, padded, pdf.length, junk.length);
        PrivacyScrubber.derive(write(padded), "application/pdf", LIMITS, work).delete();

        int firstEnd = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("%%EOF") + 5;
        assertThat(firstEnd).isLessThan(pdf.length - 100); // the sample has an update after its first revision
        for (int extra = 2; extra <= 40; extra++) { // after the line end: "%BeginExifToolUpdate", "1 0 obj", ...
            Path cut = write(Arrays.copyOf(pdf, firstEnd + extra));
            assertThatThrownBy(() -> PrivacyScrubber.derive(cut, "application/pdf", LIMITS, work))
                    .isInstanceOf(Rejected.class);
        }
        for (String start : List.of("1", "12 0 o", "%BeginExif", "%%EO", "x", "xre", "trail", "startx")) {
            assertThat(PdfBytes.startsAnUpdate("\r\n" + start)).as(start).isTrue();
        }
        for (String leftover : List.of("", " \r\n\0", "<html>", "garbage")) {
            assertThat(PdfBytes.startsAnUpdate(leftover)).as(leftover).isFalse();
        }
    }

    @Test
    void aWebpWithAHeaderButNoImageIsRefused() throws Exception {
        byte[] header = TestWebps.headerOnly(300, 200);
        assertThat(header).hasSize(30);
        Path file = write(header);
        assertThatThrownBy(() -> PrivacyScrubber.derive(file, "image/webp", LIMITS, work))
                .isInstanceOf(Rejected.class).extracting(e -> ((Rejected) e).rule()).isEqualTo("image-corrupt");
        PrivacyScrubber.derive(write(TestWebps.lossless(300, 200)), "image/webp", LIMITS, work).delete();
    }

    private Path write(byte[] bytes) throws Exception {
        return Files.write(Files.createTempFile(work, "in-", ".bin"), bytes);
    }
}
