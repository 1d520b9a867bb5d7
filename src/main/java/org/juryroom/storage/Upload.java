package org.juryroom.storage;

import java.nio.file.Path;

/**
 * One uploaded file as the HTTP layer received it: a temp file on disk, the client's name for it,
 * and optionally the SHA-256 the client computed (checked against what arrived).
 */
public record Upload(Path path, String fileName, String sha256) {
}
