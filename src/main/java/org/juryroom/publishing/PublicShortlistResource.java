package org.juryroom.publishing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import java.io.UncheckedIOException;

/** The published shortlists as JSON, from memory (PublicShortlistCache). */
@Path("/api/public/competitions/{cid}/shortlist")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@PublicAnswer
public class PublicShortlistResource {

    /** The name of the JSON representation in a snapshot. */
    static final String FORM = "json";

    private final PublicShortlistCache shortlists;
    private final ObjectMapper json;

    public PublicShortlistResource(PublicShortlistCache shortlists, ObjectMapper json) {
        this.shortlists = shortlists;
        this.json = json;
    }

    @GET
    public Response get(@PathParam("cid") long cid, @Context Request request) {
        PublicShortlistCache.Snapshot<PublicShortlistService.PublicShortlist> s = shortlists.shortlist(cid);
        return PublicCaching.respond(request, s.body(FORM, () -> {
            try {
                return PublicShortlistCache.Body.of(json.writeValueAsBytes(s.value()));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }), MediaType.APPLICATION_JSON_TYPE);
    }
}
