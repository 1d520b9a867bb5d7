package org.juryroom.safeguarding;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.juryroom.access.Roles;
import org.juryroom.storage.FileDownloads;

import java.util.List;

/** The safeguarding desk's API (leads only; an organiser without the role gets 403). */
@Path("/api/safeguarding")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SAFEGUARDING)
public class SafeguardingResource {

    private final ConcernService concerns;
    private final EvidencePackage evidence;
    private final SafeguardingAudit record;
    private final FileDownloads downloads;

    public SafeguardingResource(ConcernService concerns, EvidencePackage evidence, SafeguardingAudit record,
                                FileDownloads downloads) {
        this.concerns = concerns;
        this.evidence = evidence;
        this.record = record;
        this.downloads = downloads;
    }

    @GET
    @Path("/concerns")
    public List<ConcernService.QueueItem> queue(@QueryParam("status") String status) {
        return concerns.queue(status);
    }

    @GET
    @Path("/concerns/{id}")
    public ConcernService.ConcernRecord concern(@PathParam("id") long id) {
        return concerns.detail(id);
    }

    @POST
    @Path("/concerns/{id}/actions")
    public ConcernService.ConcernRecord act(@PathParam("id") long id, ConcernService.ActionRequest request) {
        return concerns.act(id, request);
    }

    /** A held entry's clean copy, for the lead's review; 404 for suspected abuse material. */
    @GET
    @Path("/concerns/{id}/files/{fid}")
    @Produces(MediaType.WILDCARD)
    public Response file(@PathParam("id") long id, @PathParam("fid") long fid) {
        return downloads.respond(concerns.file(id, fid), null);
    }

    @GET
    @Path("/concerns/{id}/evidence")
    @Produces("application/zip")
    public Response evidence(@PathParam("id") long id) {
        return evidence.of(id).response();
    }

    /** The safeguarding record's own audit trail, newest first. */
    @GET
    @Path("/audit")
    public List<SafeguardingAudit.Line> audit(@QueryParam("concern") Long concernId) {
        return record.lines(concernId, 500);
    }
}
