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
import org.juryroom.storage.FileVariant;

/**
 * Entry files for the signed-in pages (the API's file route is HTTP Basic only). The same
 * service call as the API decides who may fetch what and under which name: everyone gets the
 * clean copy (metadata removed), a juror under the entry code; only organisers get the original
 * upload; a file held for privacy review reaches no juror; anyone else gets 404.
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
        return downloads.respond(entries.download(eid, fid, FileVariant.CLEAN), range);
    }

    @GET
    @Path("{eid}/{fid}/thumbnail")
    @Produces(MediaType.WILDCARD)
    public Response thumbnail(@PathParam("eid") long eid, @PathParam("fid") long fid) {
        return downloads.respond(entries.download(eid, fid, FileVariant.THUMBNAIL), null);
    }

    /** The upload exactly as it arrived, for disputes: organisers only (the service says 404 to others). */
    @GET
    @Path("{eid}/{fid}/original")
    @Produces(MediaType.WILDCARD)
    public Response original(@PathParam("eid") long eid, @PathParam("fid") long fid,
                             @HeaderParam("Range") String range) {
        return downloads.respond(entries.download(eid, fid, FileVariant.ORIGINAL), range);
    }

    /**
     * A page of a PDF's clean copy as an image ({@code page} from 1, the first by default), for the
     * viewer: larger than the stored thumbnail, so an essay can be read on a projector.
     */
    @GET
    @Path("{eid}/{fid}/preview")
    @Produces("image/png")
    public Response preview(@PathParam("eid") long eid, @PathParam("fid") long fid,
                            @jakarta.ws.rs.QueryParam("page") Integer page) {
        FileDownloads.Download d = entries.download(eid, fid, FileVariant.CLEAN);
        if (!"application/pdf".equals(d.contentType())) {
            throw ProblemException.notFound("Preview of file " + fid);
        }
        PdfPreviews.Page rendered = previews.page(d.objectKey(), page == null ? 0 : page - 1);
        // The viewer's pager reads the page count; pages are numbered from 1 in the URL. Never kept by the
        // browser: a hold, a withdrawal or an erasure must take the page away at once (PdfPreviews keeps it cheap).
        return Response.ok(rendered.png(), "image/png")
                .header("X-Page-Count", rendered.count())
                .header("Cache-Control", org.juryroom.publishing.PublicCaching.PERSONAL)
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}
