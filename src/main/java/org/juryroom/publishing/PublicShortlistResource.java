package org.juryroom.publishing;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The only public API: published shortlists. */
@Path("/api/public/competitions/{cid}/shortlist")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class PublicShortlistResource {

    private final PublicShortlistService shortlists;

    public PublicShortlistResource(PublicShortlistService shortlists) {
        this.shortlists = shortlists;
    }

    @GET
    public PublicShortlistService.PublicShortlist get(@PathParam("cid") long cid) {
        return shortlists.shortlist(cid);
    }
}
