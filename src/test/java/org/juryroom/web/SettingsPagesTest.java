package org.juryroom.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.juryroom.support.RealStack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commission's name and logo set by an organiser (settings/CommissionSettings): through the API and the
 * settings page, shown on every published gallery at once, audited; a logo only as the scrubbed copy of an
 * image; bad input refused with a clear 4xx and nothing changed.
 */
@QuarkusTest
class SettingsPagesTest {

    private static final String API = "/api/settings/commission";

    @Inject
    EntityManager em;

    /** Other tests (the authorisation matrices) expect no logo and no name: each test leaves none. */
    @AfterEach
    void reset() {
        Fixtures.organiser().delete(API + "/logo").then().statusCode(200);
        Fixtures.organiser().contentType(ContentType.JSON).body(Map.of("name", "")).put(API).then().statusCode(200);
    }

    @Test
    void aNameSetByAnOrganiserIsInNfcAuditedAndOnEveryPublishedGalleryAtOnce() {
        long cid = published();
        long other = published();
        Response first = given().get("/shortlist/" + cid);
        assertThat(first.statusCode()).isEqualTo(200);
        given().get("/shortlist/" + other).then().statusCode(200);

        // Decomposed as some keyboards type it: stored and shown composed.
        String typed = "  Child Safety Comisio\u0301n of Test District  ";
        String name = "Child Safety Comisi\u00f3n of Test District";
        Fixtures.organiser().contentType(ContentType.JSON).body(Map.of("name", typed)).put(API).then().statusCode(200);
        assertThat(Fixtures.organiser().get(API).jsonPath().getString("name")).isEqualTo(name);
        Response after = given().get("/shortlist/" + cid);
        assertThat(after.asString()).contains(name).doesNotContain("Comisio\u0301n");
        assertThat(after.header("ETag")).isNotEqualTo(first.header("ETag"));
        assertThat(given().get("/shortlist/" + other).asString()).contains(name);

        // Every instance learns of it: a public_change row of each published competition, in the same transaction.
        Number sameTransaction = (Number) io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                em.createNativeQuery("select count(*) from public_change p, commission_settings s"
                        + " where p.competition_id in (:a, :b)"
                        + " and cast(cast(p.xid as text) as bigint) % 4294967296 = cast(cast(s.xmin as text) as bigint)")
                        .setParameter("a", cid).setParameter("b", other).getSingleResult());
        assertThat(sameTransaction.intValue()).isEqualTo(2);
        Object audited = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                em.createNativeQuery("select after_value ->> 'name' from audit_event where action = 'COMMISSION_CHANGED'"
                        + " order by id desc limit 1").getSingleResult());
        assertThat(audited).isEqualTo(name);

        // Too long, or not text: a 422 on the field, and the name stays.
        Response tooLong = Fixtures.organiser().contentType(ContentType.JSON).body(Map.of("name", "x".repeat(121))).put(API);
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.jsonPath().getString("violations[0].field")).isEqualTo("name");
        assertThat(tooLong.jsonPath().getString("detail")).isEqualTo("at most 120 characters");
        assertThat(Fixtures.organiser().contentType(ContentType.JSON).body(Map.of("name", "a\u0000b")).put(API)
                .statusCode()).isIn(400, 422);
        assertThat(Fixtures.organiser().get(API).jsonPath().getString("name")).isEqualTo(name);
        // 120 characters are accepted (counted as characters, not bytes: Bengali is 3 bytes a character in UTF-8).
        String bengali = "শ".repeat(120);
        Fixtures.organiser().contentType(ContentType.JSON).body(Map.of("name", bengali)).put(API).then().statusCode(200);
        assertThat(given().get("/shortlist/" + cid).asString()).contains(bengali);
    }

    @Test
    void aLogoIsKeptOnlyAsItsScrubbedCopyReplacedAndRemovedAndABadOneChangesNothing() throws IOException {
        long cid = published();
        given().get("/shortlist/logo").then().statusCode(404);
        byte[] png = sample("posters/poster-08-png-author-exif-gps.png");
        assertThat(new String(png, StandardCharsets.ISO_8859_1)).contains("Author").contains("eXIf");

        Response set = putLogo("poster-08.png", "image/png", png);
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(set.jsonPath().getString("logoType")).isEqualTo("image/png");
        Response logo = given().get("/shortlist/logo");
        assertThat(logo.statusCode()).isEqualTo(200);
        assertThat(logo.contentType()).isEqualTo("image/png");
        byte[] kept = logo.asByteArray();
        assertThat(new String(kept, StandardCharsets.ISO_8859_1)).doesNotContain("Author").doesNotContain("eXIf")
                .doesNotContain("xmpmeta");
        given().header("If-None-Match", logo.header("ETag")).get("/shortlist/logo").then().statusCode(304);
        String gallery = given().get("/shortlist/" + cid).asString();
        assertThat(gallery).containsPattern("<img src=\"/shortlist/logo\\?v=[0-9a-f]{16}\"");

        // Refused, each with a clear status, and the logo stays as it was.
        Response pdfLogo = putLogo("essay.pdf", "application/pdf", sample("essays/essay-01.pdf"));
        assertThat(pdfLogo.statusCode()).isEqualTo(415);
        assertThat(pdfLogo.jsonPath().getString("detail"))
                .isEqualTo("essay.pdf is a PDF document; the logo accepts JPEG, PNG or WebP images");
        // The refusal names the logo in the reader's language, never a category code.
        assertThat(org.juryroom.common.ProblemTexts.localise(pdfLogo.jsonPath().getString("detail"), "hi"))
                .contains("लोगो").doesNotContain("logo").doesNotContain("श्रेणी");
        assertThat(org.juryroom.common.ProblemTexts.localise(pdfLogo.jsonPath().getString("detail"), "bn"))
                .contains("লোগো").doesNotContain("logo").doesNotContain("বিভাগ");
        assertThat(putLogo("poster.png", "image/png", sample("posters/poster-01.jpg")).statusCode()).isEqualTo(415);
        Response empty = putLogo("empty.png", "image/png", new byte[0]);
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.jsonPath().getString("detail")).isEqualTo("empty.png is empty");
        byte[] big = java.util.Arrays.copyOf(png, (1 << 20) + 1);
        Response tooBig = putLogo("big.png", "image/png", big);
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(tooBig.jsonPath().getString("detail"))
                .isEqualTo("big.png is 1048577 bytes; the logo accepts at most 1048576 bytes");
        assertThat(given().get("/shortlist/logo").asByteArray()).isEqualTo(kept);

        // Replaced: the gallery asks for the new version.
        putLogo("poster-01.jpg", "image/jpeg", sample("posters/poster-01.jpg")).then().statusCode(200);
        assertThat(given().get("/shortlist/logo").contentType()).isEqualTo("image/jpeg");
        String replaced = given().get("/shortlist/" + cid).asString();
        assertThat(replaced).containsPattern("/shortlist/logo\\?v=").isNotEqualTo(gallery);

        // Removed: no logo, on the gallery either.
        assertThat(Fixtures.organiser().delete(API + "/logo").jsonPath().getString("logoType")).isNull();
        given().get("/shortlist/logo").then().statusCode(404);
        assertThat(given().get("/shortlist/" + cid).asString()).doesNotContain("/shortlist/logo");
        Number audited = (Number) io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                em.createNativeQuery("select count(*) from audit_event where action = 'COMMISSION_CHANGED'"
                        + " and before_value ->> 'logo' = 'JPEG' and after_value is null").getSingleResult());
        assertThat(audited.intValue()).isPositive();
    }

    /** Bodies the parsers cannot read are the sender's to mend: a 400 page saying how, as the API's 400, and nothing saved. */
    @Test
    void aFormOrMultipartBodyThatCannotBeParsedIsA400PageAndSavesNothing() {
        WebSession web = WebSession.signIn("organiser", RealStack.ORGANISER_PASSWORD);
        String before = Fixtures.organiser().get(API).jsonPath().getString("name");
        Response form = web.postBody("/organiser/settings/name", "application/x-www-form-urlencoded",
                "_csrf=" + web.token("/organiser/settings") + "&name=%ZZ");
        assertThat(form.statusCode()).isEqualTo(400);
        assertThat(form.contentType()).startsWith("text/html");
        assertThat(form.asString()).contains("two hexadecimal digits");
        Response multipart = web.postBody("/organiser/settings/logo", "multipart/form-data; boundary=x",
                "--x\r\nno header here\r\n\r\nlogo\r\n--x--\r\n");
        assertThat(multipart.statusCode()).isEqualTo(400);
        assertThat(multipart.contentType()).startsWith("text/html");
        assertThat(multipart.asString()).contains("Content-Disposition");
        Response truncated = web.postBody("/organiser/settings/logo", "multipart/form-data; boundary=x",
                "--x\r\nContent-Disposition: form-data; name=\"logo\"; filename=\"a.png\"\r\n\r\nabc");
        assertThat(truncated.statusCode()).isEqualTo(400);
        assertThat(truncated.asString()).contains("Content-Disposition");
        assertThat(Fixtures.organiser().get(API).jsonPath().getString("name")).isEqualTo(before);
        assertThat(Fixtures.organiser().get(API).jsonPath().getString("logoType")).isNull();
    }

    @Test
    void theSettingsPageSavesNameAndLogoAndShowsARefusalNextToItsFieldKeepingWhatWasTyped() throws IOException {
        WebSession web = WebSession.signIn("organiser", RealStack.ORGANISER_PASSWORD);
        Response page = web.get("/organiser/settings");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.asString()).contains("The commission&#39;s name").contains("No logo yet.");

        Response saved = web.post("/organiser/settings", "/organiser/settings/name", Map.of("name", "District Commission"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.header("Location")).endsWith("/organiser/settings?saved=name");
        assertThat(web.get("/organiser/settings?saved=name").asString()).contains("value=\"District Commission\"")
                .contains("The name is saved.");

        String tooLong = "Commission ".repeat(12);
        Response refused = web.post("/organiser/settings", "/organiser/settings/name", Map.of("name", tooLong));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.asString()).contains("value=\"" + tooLong + "\"").contains("field invalid")
                .contains("at most 120 characters");
        assertThat(Fixtures.organiser().get(API).jsonPath().getString("name")).isEqualTo("District Commission");

        Response pdf = web.postMultipart("/organiser/settings", "/organiser/settings/logo", "logo", "essay.pdf",
                "application/pdf", sample("essays/essay-01.pdf"));
        assertThat(pdf.statusCode()).isEqualTo(415);
        assertThat(pdf.asString()).contains("field invalid").contains("essay.pdf is a PDF document")
                .contains("JPEG, PNG or WebP images");
        Response empty = web.postMultipart("/organiser/settings", "/organiser/settings/logo", "logo", "empty.png",
                "image/png", new byte[0]);
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.asString()).contains("empty.png is empty");
        assertThat(Fixtures.organiser().get(API).jsonPath().getString("logoType")).isNull();

        Response logo = web.postMultipart("/organiser/settings", "/organiser/settings/logo", "logo", "poster-12.png",
                "image/png", sample("posters/poster-12.png"));
        assertThat(logo.statusCode()).isEqualTo(303);
        assertThat(web.get("/organiser/settings?saved=logo").asString()).contains("The logo is saved.")
                .contains("id=\"logo-facts\"").contains("Remove the logo");
        assertThat(Fixtures.organiser().get(API).jsonPath().getString("logoType")).isEqualTo("image/png");

        Response removed = web.post("/organiser/settings", "/organiser/settings/logo/remove", Map.of());
        assertThat(removed.statusCode()).isEqualTo(303);
        assertThat(web.get("/organiser/settings").asString()).contains("No logo yet.");
        assertThat(Fixtures.organiser().get(API).jsonPath().getString("logoType")).isNull();
    }

    /**
     * Organisers changing the name at once: every change lands, and the audit trail is one chain, each line's
     * "before" what the line before it left (the row is locked for each change). Three rounds of eight, the
     * names drawn from a fixed seed.
     */
    @Test
    void namesSetAtOnceAreAuditedAsOneChainEachBeforeWhatItReplaced() throws Exception {
        java.util.Random random = new java.util.Random(16);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 3; round++) {
                String previous = Fixtures.organiser().get(API).jsonPath().getString("name");
                long from = ((Number) io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                        em.createNativeQuery("select coalesce(max(id), 0) from audit_event").getSingleResult())).longValue();
                java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<Integer>> puts = new java.util.ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    String name = "Commission " + round + "." + i + " " + random.nextInt(1000);
                    puts.add(pool.submit(() -> {
                        start.await();
                        return Fixtures.organiser().contentType(ContentType.JSON).body(Map.of("name", name)).put(API)
                                .statusCode();
                    }));
                }
                start.countDown();
                for (var put : puts) {
                    assertThat(put.get()).isEqualTo(200);
                }
                @SuppressWarnings("unchecked")
                List<Object[]> chain = (List<Object[]>) io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                        em.createNativeQuery("select before_value ->> 'name', after_value ->> 'name' from audit_event"
                                + " where action = 'COMMISSION_CHANGED' and id > :from"
                                + " and after_value ->> 'name' is not null order by id").setParameter("from", from)
                                .getResultList());
                assertThat(chain).hasSize(8);
                assertThat(chain.get(0)[0]).isEqualTo(previous == null ? "" : previous);
                for (int i = 1; i < chain.size(); i++) {
                    assertThat(chain.get(i)[0]).as("round %d, change %d", round, i).isEqualTo(chain.get(i - 1)[1]);
                }
                assertThat(Fixtures.organiser().get(API).jsonPath().getString("name")).isEqualTo(chain.get(7)[1]);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Response putLogo(String name, String type, byte[] bytes) {
        return Fixtures.organiser().contentType(type).queryParam("name", name).body(bytes).put(API + "/logo");
    }

    private static byte[] sample(String path) throws IOException {
        return Files.readAllBytes(Path.of("uploads-sample", path));
    }

    /** A competition in PUBLISHED with one shortlisted poster. */
    static long published() {
        return Fixtures.publishedPoster("Settings gallery", "Neem School", "Ask First", "Tanvi");
    }
}
