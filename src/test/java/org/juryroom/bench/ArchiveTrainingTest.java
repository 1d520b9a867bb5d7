package org.juryroom.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The archive's training runs the documented JVM options, and trains the archive those options name. */
class ArchiveTrainingTest {

    private static final Path DOCUMENTED = Path.of("src/main/jvm/juryroom.jvm");

    @Test
    void theTrainingRunsEveryDocumentedOptionButTheArchiveItIsWriting() throws IOException {
        List<String> documented = Files.readAllLines(DOCUMENTED);
        List<String> options = documented.stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertTrue(options.contains("-XX:SharedArchiveFile=" + ArchiveTraining.ARCHIVE),
                "juryroom.jvm maps the archive the build trains: " + options);

        List<String> training = ArchiveTraining.trainingOptions(documented);

        assertEquals(options.stream().filter(o -> !o.startsWith("-XX:SharedArchiveFile=")).toList(), training);
        assertEquals(options.size() - 1, training.size());
    }

    @Test
    void commentsBlankLinesAndIndentationAreNotOptions() {
        assertEquals(List.of("-Xmx128m", "-XX:+UseSerialGC"), ArchiveTraining.trainingOptions(List.of(
                "# heap", "  -Xmx128m  ", "", "-XX:SharedArchiveFile=other.jsa", "\t-XX:+UseSerialGC")));
    }
}
