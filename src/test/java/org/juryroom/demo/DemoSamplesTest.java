package org.juryroom.demo;

import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The samples the embedded build carries on its class path come out whole, wherever the app runs. */
class DemoSamplesTest {

    @Test
    void extractsTheManifestAndEveryFileItNamesFromTheClassPath() throws Exception {
        Path classes = Files.createTempDirectory("classes-");
        Path shipped = classes.resolve("demo-samples");
        try (Stream<Path> files = Files.walk(Path.of("uploads-sample"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path to = shipped.resolve(Path.of("uploads-sample").relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        }
        Path target = Files.createTempDirectory("samples-");
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            Thread.currentThread().setContextClassLoader(loader);
            assertThat(DemoSamples.extract("demo-samples/", target)).isTrue();
            assertThat(DemoSamples.extract("no-such-samples/", Files.createTempDirectory("none-"))).isFalse();
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
        for (String line : Files.readAllLines(target.resolve("manifest.csv")).subList(1, 4)) {
            String file = line.substring(0, line.indexOf(','));
            assertThat(target.resolve(file)).hasSameBinaryContentAs(Path.of("uploads-sample", file));
        }
        DemoSamples.delete(target);
        DemoSamples.delete(classes);
        assertThat(target).doesNotExist();
    }
}
