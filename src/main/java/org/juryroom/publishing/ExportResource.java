package org.juryroom.publishing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.juryroom.access.Roles;

import java.util.Locale;

/**
 * Organisers' downloads: shortlist and full ranking, CSV and printable PDF, and the sealed snapshot. The exports
 * are in the language of {@code ?lang=} (en, hi, bn) or else of Accept-Language.
 */
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
    public Response shortlistCsv(@PathParam("cid") long cid, @QueryParam("lang") String lang,
                                @Context HttpHeaders headers) {
        return download(exports.shortlist(cid, false, language(lang, headers)));
    }

    @GET
    @Path("/competitions/{cid}/exports/shortlist.pdf")
    @Produces("application/pdf")
    public Response shortlistPdf(@PathParam("cid") long cid, @QueryParam("lang") String lang,
                                @Context HttpHeaders headers) {
        return download(exports.shortlist(cid, true, language(lang, headers)));
    }

    @GET
    @Path("/competitions/{cid}/exports/ranking.csv")
    @Produces("text/csv")
    public Response rankingCsv(@PathParam("cid") long cid, @QueryParam("lang") String lang,
                                @Context HttpHeaders headers) {
        return download(exports.ranking(cid, false, language(lang, headers)));
    }

    @GET
    @Path("/competitions/{cid}/exports/ranking.pdf")
    @Produces("application/pdf")
    public Response rankingPdf(@PathParam("cid") long cid, @QueryParam("lang") String lang,
                                @Context HttpHeaders headers) {
        return download(exports.ranking(cid, true, language(lang, headers)));
    }

    /** Every screening round's YES / NO / ABSTAIN per entry and whether it advanced (docs/judging.md). */
    @GET
    @Path("/competitions/{cid}/exports/screening-votes.csv")
    @Produces("text/csv")
    public Response screeningVotesCsv(@PathParam("cid") long cid, @QueryParam("lang") String lang,
                                      @Context HttpHeaders headers) {
        return download(exports.screeningVotes(cid, language(lang, headers)));
    }

    /** The sealed snapshot exactly as hashed: {@code sha256sum} of this body is the shortlist's digest. */
    @GET
    @Path("/competitions/{cid}/shortlist/snapshot.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response snapshot(@PathParam("cid") long cid) {
        return download(exports.snapshot(cid));
    }

    /** The export's language: {@code ?lang=} first, then Accept-Language; the organiser's pages use it too. */
    public static Locale language(String lang, HttpHeaders headers) {
        return ExportLanguage.pick(lang, headers == null ? null : headers.getAcceptableLanguages());
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
