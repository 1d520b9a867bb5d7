package org.juryroom.storage.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.juryroom.common.ProblemException;
import org.juryroom.storage.FileInspector;
import org.juryroom.storage.FileTypes;
import org.juryroom.storage.scrub.PrivacyScrubber;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the whole intake (size, type by content, extension, format rules, scrubbing): whatever
 * the bytes and the name, the answer is an accepted file or a documented refusal (413, 415, 422).
 * In a normal build it replays the seed corpus (the files of uploads-sample/, copied by the pom);
 * with JAZZER_FUZZ=1 it searches for new inputs.
 */
class IntakeFuzzTest {

    static final List<String> NAMES = List.of("poster.jpg", "poster.png", "poster.webp", "essay.pdf", "clip.mp4",
            "clip.webm", "notes.txt");
    static final Set<Integer> DOCUMENTED = Set.of(413, 415, 422);
    static final Path WORK = FuzzFiles.workDir("intake");
    static final FileInspector INSPECTOR = new FileInspector(new PrivacyScrubber.Limits(4_000_000, 64), WORK);
    static final FileInspector.Rules RULES = new FileInspector.Rules("any", FileTypes.SUPPORTED, 8L << 20);

    @FuzzTest(maxDuration = "60s")
    void inspect(byte[] data) throws IOException {
        Path file = FuzzFiles.write(WORK, data);
        try {
            for (String name : NAMES) {
                try {
                    INSPECTOR.inspect(file, name, RULES, null).discard();
                } catch (ProblemException e) {
                    assertThat(DOCUMENTED).contains(e.status());
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
