package org.juryroom.demo;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The demo's sample files as the app carries them on its class path (the embedded build copies
 * uploads-sample/ there), written out to a directory for the seed: the demo then works from
 * wherever the app is started, not only from the repository root.
 */
final class DemoSamples {

    private DemoSamples() {
    }

    /**
     * Writes {@code resourceDir}'s manifest.csv and every file it names into {@code target};
     * false when the class path carries no samples.
     */
    static boolean extract(String resourceDir, Path target) throws IOException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (!copy(loader, resourceDir + "manifest.csv", target.resolve("manifest.csv"))) {
            return false;
        }
        try (Reader in = Files.newBufferedReader(target.resolve("manifest.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                String file = r.get("file");
                Path to = target.resolve(file).normalize();
                if (!to.startsWith(target) || !copy(loader, resourceDir + file, to)) {
                    throw new IOException("the demo samples on the class path lack " + file);
                }
            }
        }
        return true;
    }

    private static boolean copy(ClassLoader loader, String resource, Path to) throws IOException {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return false;
            }
            Files.createDirectories(to.getParent());
            Files.copy(in, to);
            return true;
        }
    }

    static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
