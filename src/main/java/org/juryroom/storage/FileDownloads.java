package org.juryroom.storage;

import io.minio.GetObjectResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.juryroom.common.ProblemException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * File responses: streamed from the store (never buffered whole), with a server-derived type,
 * an attachment disposition, no sniffing, a sandbox CSP, and byte ranges for video players.
 * The store's response is closed when the HTTP exchange ends, however it ends: a body that is
 * never written (HEAD, a client gone before the first byte) would otherwise hold a pooled
 * connection of the MinIO client until the garbage collector finds it ("connection leaked").
 */
@ApplicationScoped
public class FileDownloads {

    /** What to send: which object, under which name and type. */
    public record Download(String objectKey, String name, String contentType, long size) {

        /** The {@code variant} of a STORED file, sent under {@code name}; 404 for a video's thumbnail. */
        public static Download of(EntryFile f, FileVariant variant, String name) {
            return switch (variant) {
                case CLEAN -> new Download(f.cleanKey, name, f.contentType, f.cleanSize);
                case ORIGINAL -> new Download(f.objectKey, name, f.contentType, f.size);
                case THUMBNAIL -> {
                    if (f.thumbKey == null) {
                        throw ProblemException.notFound("A thumbnail of file " + f.id);
                    }
                    String base = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
                    yield new Download(f.thumbKey, base + "-thumbnail.jpg", FileService.THUMBNAIL_TYPE, f.thumbSize);
                }
            };
        }
    }

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private static final Logger LOG = Logger.getLogger(FileDownloads.class);

    private final ObjectStore store;

    public FileDownloads(ObjectStore store) {
        this.store = store;
    }

    public Response respond(Download d, String rangeHeader) {
        long[] range = parseRange(rangeHeader, d.size());
        Response.ResponseBuilder response;
        if (range == null) {
            response = Response.ok(stream(closedAtEnd(store.get(d.objectKey())), d.name()), d.contentType())
                    .header("Content-Length", d.size());
        } else {
            long length = range[1] - range[0] + 1;
            response = Response.status(206).entity(stream(closedAtEnd(store.getRange(d.objectKey(), range[0], length)), d.name()))
                    .type(d.contentType())
                    .header("Content-Range", "bytes " + range[0] + "-" + range[1] + "/" + d.size())
                    .header("Content-Length", length);
        }
        return response.header("Accept-Ranges", "bytes")
                .header("Content-Disposition", FileNames.contentDisposition(d.name()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .header("Cache-Control", "private, no-store")
                .build();
    }

    /** Closes the store's response when the request completes, or its connection closes, whichever is first. */
    private static GetObjectResponse closedAtEnd(GetObjectResponse object) {
        ResteasyReactiveRequestContext request = CurrentRequestManager.get();
        if (request != null) {
            request.registerCompletionCallback(failure -> closeQuietly(object));
            request.serverResponse().addCloseHandler(() -> closeQuietly(object));
        }
        return object;
    }

    /**
     * Copies the object to the client. A client that goes away (a closed tab, a video player
     * seeking elsewhere) is an everyday event, not a server error: one debug line, no stack trace.
     * A store that fails mid-way still fails the response, so the client sees a cut-off transfer.
     */
    private static StreamingOutput stream(GetObjectResponse object, String name) {
        return out -> {
            try (InputStream in = object) {
                byte[] buffer = new byte[64 << 10];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    if (!write(out, buffer, n, name)) {
                        return;
                    }
                }
            }
        };
    }

    private static boolean write(OutputStream out, byte[] buffer, int length, String name) {
        try {
            out.write(buffer, 0, length);
            return true;
        } catch (IOException | IllegalStateException clientGone) {
            LOG.debugf("Download of %s stopped: the client went away (%s)", name, clientGone.getMessage());
            return false;
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException | RuntimeException e) {
            LOG.debugf("Closing a store response: %s", e.getMessage());
        }
    }

    /**
     * {start, end} inclusive, or null for the whole file (no range, several, or one RFC 9110 calls invalid:
     * a last position before the first); a range that starts at or past the end is 416. Positions longer
     * than a long are past the end of any file, not an error.
     */
    static long[] parseRange(String header, long size) {
        if (header == null || header.isBlank()) {
            return null;
        }
        Matcher m = RANGE.matcher(header.trim());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return null; // multi-range or malformed: RFC 9110 lets us send the whole file
        }
        long start;
        long end;
        if (m.group(1).isEmpty()) {
            long suffix = position(new BigInteger(m.group(2)));
            start = Math.max(0, size - suffix);
            end = size - 1;
        } else {
            BigInteger first = new BigInteger(m.group(1));
            BigInteger last = m.group(2).isEmpty() ? null : new BigInteger(m.group(2));
            if (last != null && last.compareTo(first) < 0) {
                return null;
            }
            start = position(first);
            end = last == null ? size - 1 : Math.min(position(last), size - 1);
        }
        if (start >= size) {
            throw new ProblemException(416, "Range not satisfiable", "The file has " + size + " bytes",
                    java.util.List.of(), java.util.Map.of("size", size));
        }
        return new long[] {start, end};
    }

    /** A position as written; one past a long is past the end of any file. */
    private static long position(BigInteger written) {
        return written.bitLength() < Long.SIZE ? written.longValueExact() : Long.MAX_VALUE;
    }
}
