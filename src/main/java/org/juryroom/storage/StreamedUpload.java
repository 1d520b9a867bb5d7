package org.juryroom.storage;

import org.juryroom.common.ProblemException;

import java.io.InputStream;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * One file sent as the raw request body, read once while it arrives: the client's name for it
 * (from Content-Disposition), the length it declared (-1 when the body is chunked), and the
 * SHA-256 the client computed, if it sent one (hex; checked against what arrived).
 */
public record StreamedUpload(InputStream body, String fileName, long declaredBytes, String sha256) {

    /** RFC 9530: the digest of the file as sent, e.g. {@code Repr-Digest: sha-256=:<base64>:}. */
    public static final String DIGEST_HEADER = "Repr-Digest";

    /** The upload as the request's headers describe it; 400 when they cannot be read. */
    public static StreamedUpload of(InputStream body, String contentDisposition, Long contentLength, String reprDigest) {
        String name = FileNames.fromContentDisposition(contentDisposition);
        if (name == null || name.isBlank()) {
            throw ProblemException.badRequest("Name the file in a Content-Disposition header, e.g. "
                    + "Content-Disposition: attachment; filename*=UTF-8''poster.jpg");
        }
        return new StreamedUpload(body, name, contentLength == null ? -1 : contentLength, sha256(reprDigest));
    }

    /** The hex SHA-256 in a Repr-Digest header (a structured-field dictionary), or null without one. */
    static String sha256(String reprDigest) {
        if (reprDigest == null || reprDigest.isBlank()) {
            return null;
        }
        for (String member : reprDigest.split(",")) {
            int eq = member.indexOf('=');
            if (eq > 0 && member.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals("sha-256")) {
                String value = member.substring(eq + 1).strip();
                try {
                    byte[] digest = value.length() > 2 && value.startsWith(":") && value.endsWith(":")
                            ? Base64.getDecoder().decode(value.substring(1, value.length() - 1)) : new byte[0];
                    if (digest.length == 32) {
                        return HexFormat.of().formatHex(digest);
                    }
                } catch (IllegalArgumentException e) {
                    // not base64: refused below
                }
                throw ProblemException.badRequest(DIGEST_HEADER + " sha-256 must be the 32-byte digest in base64 "
                        + "between colons, e.g. sha-256=:" + Base64.getEncoder().encodeToString(new byte[32]) + ":");
            }
        }
        throw ProblemException.badRequest(DIGEST_HEADER + " must carry a sha-256 member (the only algorithm checked)");
    }
}
