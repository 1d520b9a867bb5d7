package org.juryroom.storage.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.juryroom.storage.scrub.PrivacyScrubber;
import org.juryroom.storage.scrub.Rejected;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Fuzzes the metadata scrubber of every format on the same bytes: each call either derives a
 * clean copy or throws {@link Rejected}; anything else (a parser's NullPointerException, an
 * OutOfMemoryError from a forged size) fails the test.
 */
class ScrubberFuzzTest {

    static final List<String> TYPES = List.of("image/jpeg", "image/png", "image/webp", "application/pdf",
            "video/mp4", "video/webm");
    static final Path WORK = FuzzFiles.workDir("scrub");
    static final PrivacyScrubber.Limits LIMITS = new PrivacyScrubber.Limits(4_000_000, 64);

    @FuzzTest(maxDuration = "60s")
    void derive(byte[] data) throws IOException {
        Path file = FuzzFiles.write(WORK, data);
        try {
            for (String type : TYPES) {
                try {
                    PrivacyScrubber.derive(file, type, LIMITS, WORK).delete();
                } catch (Rejected expected) {
                    // a documented refusal
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
