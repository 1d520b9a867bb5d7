package org.juryroom.web;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.juryroom.common.ProblemException;
import org.juryroom.entry.EntryService;
import org.juryroom.storage.FileDownloads;

/**
 * Entry files for the signed-in pages (the API's file route is HTTP Basic only). The same
 * service call as the API decides who may fetch what and under which name: the owning school
 * and organisers get the file as uploaded, an assigned juror the blind name; anyone else 404.
 */
@Path("/files")
@Authenticated
public class FilePages {

    private final EntryService entries;
    private final FileDownloads downloads;
    private final PdfPreviews previews;
    private final WebErrors errors;

    public FilePages(EntryService entries, FileDownloads downloads, PdfPreviews previews, WebErrors errors) {
        this.entries = entries;
        this.downloads = downloads;
        this.previews = previews;
        this.errors = errors;
    }

    @ServerExceptionMapper
    public Response failed(Exception e) {
        return errors.page(e);
    }

    @GET
    @Path("{eid}/{fid}")
    @Produces(MediaType.WILDCARD)
    public Response download(@PathParam("eid") long eid, @PathParam("fid") long fid,
                             @HeaderParam("Range") String range) {
        return downloads.respond(entries.download(eid, fid), range);
    }

    /** The first page of a PDF as an image, for the juror's viewer. */
    @GET
    @Path("{eid}/{fid}/preview")
    @Produces("image/png")
    public Response preview(@PathParam("eid") long eid, @PathParam("fid") long fid) {
        FileDownloads.Download d = entries.download(eid, fid);
        if (!"application/pdf".equals(d.contentType())) {
            throw ProblemException.notFound("Preview of file " + fid);
        }
        return Response.ok(previews.firstPage(d.objectKey()), "image/png")
                .header("Cache-Control", "private, max-age=600")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}
