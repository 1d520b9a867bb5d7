package org.juryroom.storage.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The fuzz targets work on files, like the upload path does. */
final class FuzzFiles {

    private FuzzFiles() {
    }

    static Path workDir(String name) {
        try {
            return Files.createDirectories(Path.of("target", "fuzz-work", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path dir, byte[] data) throws IOException {
        Path file = Files.createTempFile(dir, "input-", ".bin");
        Files.write(file, data);
        return file;
    }
}
