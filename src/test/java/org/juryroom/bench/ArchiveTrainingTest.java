package org.juryroom.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The build trains the archive the documented options map, and trains it with the rest of those options. */
class ArchiveTrainingTest {

    @Test
    void theDocumentedOptionsMapTheArchiveTheBuildTrains() throws IOException {
        List<String> documented = Files.readAllLines(Path.of("src/main/jvm/juryroom.jvm"));
        assertTrue(documented.stream().map(String::strip)
                .anyMatch(("-XX:SharedArchiveFile=" + ArchiveTraining.ARCHIVE)::equals), documented::toString);
        List<String> training = ArchiveTraining.trainingOptions(documented);
        assertTrue(training.stream().noneMatch(o -> o.contains("SharedArchiveFile")), training::toString);
        assertTrue(training.stream().anyMatch(o -> o.startsWith("-Xmx")), training::toString);
    }

    @Test
    void commentsBlankLinesAndSeveralOptionsOnALine() {
        assertEquals(List.of("-Xmx128m", "-XX:+UseSerialGC", "-Xss512k"), ArchiveTraining.trainingOptions(List.of(
                "# heap -XX:SharedArchiveFile=commented.jsa", "  -Xmx128m  ", "", "-XX:SharedArchiveFile=other.jsa",
                "\t-XX:+UseSerialGC -XX:SharedArchiveFile=app-cds.jsa  -Xss512k")));
    }
}
