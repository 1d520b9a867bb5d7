package org.juryroom.publishing;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.juryroom.storage.FileDownloads;

/** The only public API: published shortlists and the files their guardians agreed to publish. */
@Path("/api/public/competitions/{cid}/shortlist")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class PublicShortlistResource {

    private final PublicShortlistService shortlists;
    private final FileDownloads downloads;

    public PublicShortlistResource(PublicShortlistService shortlists, FileDownloads downloads) {
        this.shortlists = shortlists;
        this.downloads = downloads;
    }

    @GET
    public PublicShortlistService.PublicShortlist get(@PathParam("cid") long cid) {
        return shortlists.shortlist(cid);
    }

    @GET
    @Path("/{rank}/files/{fid}")
    @Produces(MediaType.WILDCARD)
    public Response file(@PathParam("cid") long cid, @PathParam("rank") int rank, @PathParam("fid") long fid,
                         @HeaderParam("Range") String range) {
        return downloads.respond(shortlists.file(cid, rank, fid), range);
    }
}
