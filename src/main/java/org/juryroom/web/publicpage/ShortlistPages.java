package org.juryroom.web.publicpage;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.juryroom.competition.Competition;
import org.juryroom.entry.EntryService;
import org.juryroom.storage.FileDownloads;
import org.juryroom.storage.FileVariant;
import io.quarkus.security.identity.SecurityIdentity;
import org.juryroom.publishing.PublicCaching;
import org.juryroom.publishing.PublicShortlistCache;
import org.juryroom.publishing.PublicShortlistService;
import org.juryroom.publishing.PublicShortlistService.PublicShortlist;
import org.juryroom.web.WebErrors;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * The only public pages: published shortlists as a gallery. They read no session (see
 * application.properties) and hold nothing personal beyond what guardians agreed to publish, so
 * shared caches may keep them, but must revalidate every use (PublicCaching): a withdrawn consent,
 * a hold or an unpublication shows at once, and the ETag makes revalidation cheap (304).
 */
@Path("/shortlist")
@PermitAll
public class ShortlistPages {

    public record Published(long id, String title, String theme) {
    }

    /**
     * {@code pictureId}: the file whose thumbnail the card shows, or null (no consent, or a video);
     * {@code workUrl} and {@code kind} (image, pdf, video): the work itself, opened large or played.
     */
    public record Card(int rank, String title, String schoolName, String names, String category, Long pictureId,
                       String workUrl, String kind) {
    }

    /**
     * {@code commission}: who publishes the shortlist, as an organiser set it or else as configured
     * (settings/CommissionSettings); read when the page is rendered, which a change of it causes (V39).
     */
    public record Gallery(long id, PublicShortlist shortlist, List<Card> cards,
                          org.juryroom.settings.CommissionSettings.Commission commission) {
    }

    @CheckedTemplate(basePath = "publicpage")
    static class Templates {
        static native TemplateInstance index(List<Published> competitions);

        static native TemplateInstance gallery(Gallery gallery);
    }

    private final PublicShortlistService shortlists;
    private final PublicShortlistCache cache;
    private final EntryService entries;
    private final FileDownloads downloads;
    private final WebErrors errors;
    private final SecurityIdentity identity;
    private final org.juryroom.settings.CommissionSettings commission;

    public ShortlistPages(PublicShortlistService shortlists, PublicShortlistCache cache, EntryService entries,
                          FileDownloads downloads, WebErrors errors, SecurityIdentity identity,
                          org.juryroom.settings.CommissionSettings commission) {
        this.commission = commission;
        this.shortlists = shortlists;
        this.cache = cache;
        this.entries = entries;
        this.downloads = downloads;
        this.errors = errors;
        this.identity = identity;
    }

    @ServerExceptionMapper
    public Response failed(Exception e) {
        return errors.page(e);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response index(Request request, @jakarta.ws.rs.QueryParam(org.juryroom.i18n.Languages.QUERY) String lang) {
        PublicShortlistCache.Snapshot<List<Published>> s = cache.published(() -> shortlists.publishedCompetitions()
                .stream().map((Competition c) -> new Published(c.id, c.title, c.theme)).toList());
        return cacheable(request, lang, s, () -> Templates.index(s.value()));
    }

    @GET
    @Path("{cid}")
    @Produces(MediaType.TEXT_HTML)
    public Response gallery(@PathParam("cid") long cid, Request request,
                            @jakarta.ws.rs.QueryParam(org.juryroom.i18n.Languages.QUERY) String lang) {
        PublicShortlistCache.Snapshot<PublicShortlist> snapshot = cache.shortlist(cid);
        return cacheable(request, lang, snapshot, () -> {
            PublicShortlist s = snapshot.value();
            List<Card> cards = s.entries().stream().map(e -> {
                PublicShortlistService.PublicFile work = e.files().isEmpty() ? null : e.files().get(0);
                return new Card(e.rank(), e.title(), e.schoolName(), String.join(", ", e.participants()), e.category(),
                        e.files().stream().filter(f -> f.thumbnailUrl() != null).map(PublicShortlistService.PublicFile::id)
                                .findFirst().orElse(null),
                        work == null ? null : work.url(), work == null ? null : org.juryroom.web.FileRow.kind(work.contentType()));
            }).toList();
            return Templates.gallery(new Gallery(cid, s, cards, commission.current()));
        });
    }

    /**
     * The thumbnail of a shortlisted work's clean copy (made by storage), only with consent to
     * publish the work, else 404 (the same check as the public API). A published file never changes,
     * so its object key is its version; whether it may still be shown is asked on every revalidation.
     */
    @GET
    @Path("{cid}/works/{rank}/{fid}.jpg")
    @Produces("image/jpeg")
    public Response picture(@PathParam("cid") long cid, @PathParam("rank") int rank, @PathParam("fid") long fid,
                            Request request) {
        FileDownloads.Download d = entries.publicDownload(cid, rank, fid, FileVariant.THUMBNAIL);
        EntityTag tag = new EntityTag(sha256(d.objectKey()).substring(0, 32));
        Response.ResponseBuilder unchanged = PublicCaching.unchanged(request, tag, PublicCaching.REVALIDATE);
        if (unchanged != null) {
            return unchanged.build();
        }
        return Response.fromResponse(downloads.respond(d, null)).tag(tag)
                .header("Cache-Control", null).header("Cache-Control", PublicCaching.REVALIDATE)
                .header("Content-Disposition", null).header("Content-Disposition", "inline").build();
    }

    /**
     * The commission's logo (set by an organiser, else configured); 404 when there is none. The gallery
     * asks for it under its version ({@code ?v=}), and the ETag lets a cache revalidate cheaply.
     */
    @GET
    @Path("logo")
    public Response logo(Request request) {
        // A revalidation is answered from the version alone; the bytes are read only to send them.
        String version = commission.logoVersion();
        Response.ResponseBuilder unchanged = version == null ? null
                : PublicCaching.unchanged(request, new EntityTag(version), PublicCaching.REVALIDATE);
        if (unchanged != null) {
            return unchanged.build();
        }
        org.juryroom.settings.CommissionSettings.Logo logo = commission.logo();
        if (logo == null) {
            throw org.juryroom.common.ProblemException.notFound("Logo");
        }
        return Response.ok(logo.bytes(), logo.contentType()).tag(new EntityTag(logo.version())).header("Cache-Control", PublicCaching.REVALIDATE)
                .header("X-Content-Type-Options", "nosniff").build();
    }

    /**
     * The page of this snapshot, rendered once per language for everyone (304 when the browser or a
     * cache holds it), in the request's language (en, hi or bn, as the language filter decided).
     * Rendered as a stranger sees it: a caller who sent Basic credentials gets a page of their own, never kept.
     * A {@code ?lang=} URL is one language whoever asks; without it the language comes from the cookie or
     * {@code Accept-Language}, and a shared cache must key its copies on both ({@code Vary}).
     */
    private Response cacheable(Request request, String lang, PublicShortlistCache.Snapshot<?> snapshot,
                               Supplier<TemplateInstance> page) {
        // Rendered here, not by Qute's REST integration, so the page's language is set here too.
        String language = org.juryroom.i18n.Languages.ofCurrentRequest();
        java.util.Locale locale = org.juryroom.i18n.Languages.localeOf(language);
        Supplier<PublicShortlistCache.Body> render =
                () -> PublicShortlistCache.Body.of(page.get().setLocale(locale).render());
        PublicShortlistCache.Body body = identity.isAnonymous()
                ? snapshot.body(PublicCaching.pageForm(language), render) : render.get();
        Response.ResponseBuilder response = Response.fromResponse(PublicCaching.respond(request, body,
                MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")));
        return (org.juryroom.i18n.Languages.supported(lang) ? response
                : response.header("Vary", PublicCaching.PAGE_VARY)).build();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
