package org.juryroom.publishing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.juryroom.access.Roles;

/** Organisers' downloads: shortlist and full ranking, CSV and printable PDF. */
@Path("/api")
@RolesAllowed(Roles.ORGANISER)
public class ExportResource {

    private final ExportService exports;

    public ExportResource(ExportService exports) {
        this.exports = exports;
    }

    @GET
    @Path("/competitions/{cid}/exports/shortlist.csv")
    @Produces("text/csv")
    public Response shortlistCsv(@PathParam("cid") long cid) {
        return respond(exports.shortlist(cid, false));
    }

    @GET
    @Path("/competitions/{cid}/exports/shortlist.pdf")
    @Produces("application/pdf")
    public Response shortlistPdf(@PathParam("cid") long cid) {
        return respond(exports.shortlist(cid, true));
    }

    @GET
    @Path("/competitions/{cid}/exports/ranking.csv")
    @Produces("text/csv")
    public Response rankingCsv(@PathParam("cid") long cid) {
        return respond(exports.ranking(cid, false));
    }

    @GET
    @Path("/competitions/{cid}/exports/ranking.pdf")
    @Produces("application/pdf")
    public Response rankingPdf(@PathParam("cid") long cid) {
        return respond(exports.ranking(cid, true));
    }

    private static Response respond(ExportService.Export export) {
        return Response.ok(export.body(), export.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + export.fileName() + "\"")
                .header("Cache-Control", "private, no-store")
                .build();
    }
}
