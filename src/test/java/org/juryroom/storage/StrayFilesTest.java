package org.juryroom.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Which temp files {@link StrayFiles} removes: old and not held by an upload in flight. */
class StrayFilesTest {

    @Test
    void removesOnlyFilesOlderThanTheCutoffThatNoUploadHolds(@TempDir Path dir) throws Exception {
        Instant cutoff = Instant.now().minus(Duration.ofMinutes(10));
        FileTime old = FileTime.from(cutoff.minus(Duration.ofMinutes(1)));
        Path crashed = old(dir.resolve("upload-1.tmp"), old);
        Path nested = old(Files.createDirectories(dir.resolve("sub")).resolve("clean-2.tmp"), old);
        Path held = old(dir.resolve("upload-3.tmp"), old);
        Path fresh = Files.write(dir.resolve("upload-4.tmp"), new byte[1]);

        int removed = StrayFiles.clean(dir, cutoff, p -> p.equals(held));

        assertThat(removed).isEqualTo(2);
        assertThat(crashed).doesNotExist();
        assertThat(nested).doesNotExist();
        assertThat(held).exists();
        assertThat(fresh).exists();
        assertThat(dir.resolve("sub")).isDirectory();
    }

    @Test
    void aMissingDirectoryHasNothingToClean(@TempDir Path dir) {
        assertThat(StrayFiles.clean(dir.resolve("none"), Instant.now(), p -> false)).isZero();
    }

    private static Path old(Path file, FileTime time) throws Exception {
        Files.write(file, new byte[8]);
        Files.setLastModifiedTime(file, time);
        return file;
    }
}
