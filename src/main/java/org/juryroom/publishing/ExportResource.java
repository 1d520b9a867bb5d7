package org.juryroom.publishing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.juryroom.access.Roles;

/** Organisers' downloads: shortlist and full ranking, CSV and printable PDF, and the sealed snapshot. */
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
        return download(exports.shortlist(cid, false));
    }

    @GET
    @Path("/competitions/{cid}/exports/shortlist.pdf")
    @Produces("application/pdf")
    public Response shortlistPdf(@PathParam("cid") long cid) {
        return download(exports.shortlist(cid, true));
    }

    @GET
    @Path("/competitions/{cid}/exports/ranking.csv")
    @Produces("text/csv")
    public Response rankingCsv(@PathParam("cid") long cid) {
        return download(exports.ranking(cid, false));
    }

    @GET
    @Path("/competitions/{cid}/exports/ranking.pdf")
    @Produces("application/pdf")
    public Response rankingPdf(@PathParam("cid") long cid) {
        return download(exports.ranking(cid, true));
    }

    /** The sealed snapshot exactly as hashed: {@code sha256sum} of this body is the shortlist's digest. */
    @GET
    @Path("/competitions/{cid}/shortlist/snapshot.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response snapshot(@PathParam("cid") long cid) {
        return download(exports.snapshot(cid));
    }

    /** An export as a download; the organiser's pages send the same response. */
    public static Response download(ExportService.Export export) {
        Response.ResponseBuilder r = Response.ok(export.body(), export.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + export.fileName() + "\"")
                .header("Cache-Control", "private, no-store");
        if (export.etag() != null) {
            r.header("ETag", "\"" + export.etag() + "\"");
        }
        return r.build();
    }
}
