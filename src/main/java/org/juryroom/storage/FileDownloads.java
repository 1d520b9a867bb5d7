package org.juryroom.storage;

import io.minio.GetObjectResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.juryroom.common.ProblemException;

import java.io.InputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * File responses: streamed from the store (never buffered whole), with a server-derived type,
 * an attachment disposition, no sniffing, a sandbox CSP, and byte ranges for video players.
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

    private final ObjectStore store;

    public FileDownloads(ObjectStore store) {
        this.store = store;
    }

    public Response respond(Download d, String rangeHeader) {
        long[] range = parseRange(rangeHeader, d.size());
        Response.ResponseBuilder response;
        if (range == null) {
            response = Response.ok(stream(store.get(d.objectKey())), d.contentType())
                    .header("Content-Length", d.size());
        } else {
            long length = range[1] - range[0] + 1;
            response = Response.status(206).entity(stream(store.getRange(d.objectKey(), range[0], length)))
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

    private static StreamingOutput stream(GetObjectResponse object) {
        return out -> {
            try (InputStream in = object) {
                in.transferTo(out);
            }
        };
    }

    /** {start, end} inclusive, or null for the whole file; an unsatisfiable range is 416. */
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
            long suffix = Long.parseLong(m.group(2));
            start = Math.max(0, size - suffix);
            end = size - 1;
        } else {
            start = Long.parseLong(m.group(1));
            end = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
        }
        if (start >= size || start > end) {
            throw new ProblemException(416, "Range not satisfiable", "The file has " + size + " bytes",
                    java.util.List.of(), java.util.Map.of("size", size));
        }
        return new long[] {start, end};
    }
}
