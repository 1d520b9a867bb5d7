package org.juryroom.storage;

import java.nio.file.Path;

/** One uploaded file as the HTTP layer received it: a temp file on disk and the client's name for it. */
public record Upload(Path path, String fileName) {
}
