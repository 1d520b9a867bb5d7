package org.juryroom.publishing;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.juryroom.entry.EntryService;
import org.juryroom.storage.FileDownloads;
import org.juryroom.storage.FileVariant;

/** The public gallery's files: clean copies and thumbnails of published, consented shortlist entries. */
@Path("/api/public/competitions/{cid}/shortlist/{rank}/files/{fid}")
@Produces(MediaType.WILDCARD)
@PermitAll
@PublicAnswer
public class PublicFileResource {

    private final EntryService entries;
    private final FileDownloads downloads;

    public PublicFileResource(EntryService entries, FileDownloads downloads) {
        this.entries = entries;
        this.downloads = downloads;
    }

    @GET
    public Response file(@PathParam("cid") long cid, @PathParam("rank") int rank, @PathParam("fid") long fid,
                         @HeaderParam("Range") String range) {
        return downloads.respond(entries.publicDownload(cid, rank, fid, FileVariant.CLEAN), range);
    }

    @GET
    @Path("/thumbnail")
    public Response thumbnail(@PathParam("cid") long cid, @PathParam("rank") int rank, @PathParam("fid") long fid) {
        return downloads.respond(entries.publicDownload(cid, rank, fid, FileVariant.THUMBNAIL), null);
    }
}
