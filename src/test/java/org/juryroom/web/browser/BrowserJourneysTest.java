package org.juryroom.web.browser;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.juryroom.support.RealStack;
import org.juryroom.web.Fixtures;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three journeys of issue 5 in a real browser (Debian's Chromium, headless) against the real
 * stack with the demo seeded: a school on a phone enters a poster and submits it; a juror scores
 * two entries and never sees a school or a child; an organiser assigns, ranks, freezes and
 * publishes, and the public page shows the shortlist. Screenshots of each main page go to
 * target/screenshots/.
 */
@QuarkusTest
@TestProfile(BrowserProfile.class)
class BrowserJourneysTest {

    static final Path SHOTS = Path.of("target", "screenshots");
    static final String DEMO = "Stay Safe Online";
    /** The demo's jurors by username (DemoSeed). */
    static final java.util.Map<String, String> DEMO_JURORS = java.util.Map.of("designer", "Ananya Roy",
            "juror2", "Prof. Suresh Iyer", "juror3", "Dr. Meera Sen", "juror4", "Rahul Bose", "juror5", "Fatima Khan");

    @TestHTTPResource("/")
    URL base;

    @jakarta.inject.Inject
    jakarta.persistence.EntityManager em;

    static Chromium chromium;

    @BeforeAll
    static void startBrowser() throws Exception {
        Files.createDirectories(SHOTS);
        chromium = Chromium.shared();
    }

    @Test
    void aSchoolOnAPhoneEntersAPosterWithAProgressBarAndSubmitsIt() {
        String round = "Safer Internet Day 2027";
        long cid = Fixtures.openCompetition(round, 10);
        try (BrowserContext phone = chromium.browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(390, 844).setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true))) {
            Page page = phone.newPage();
            watch(page);
            signIn(page, "school01", "school01");
            page.waitForURL(url("/school"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Our entries")))
                    .isVisible();
            assertThat(page.locator("body")).containsText(round);
            assertThat(page.locator("body")).containsText("Closes in");
            shot(page, "school-portal-phone", true);
            Axe.check(page, "school portal (phone)");
            assertThat(cutOff(page)).as("school portal cut off on a phone").isEmpty();

            page.locator("a[href='/school/competitions/" + cid + "/new']").click();
            page.waitForURL(url("/school/competitions/" + cid + "/new"));
            page.fill("#title", "Ask Before You Post");
            page.selectOption("#categoryCode", "poster");
            page.fill("#statement", "A poster that reminds friends to ask before posting a photo of someone.");
            page.fill("#firstName-0", "Riya");
            page.selectOption("#grade-0", "7");
            page.fill("#firstName-1", "Kabir");
            page.selectOption("#grade-1", "8");
            // Each child's guardian consent, with the child (the notice they read is on the form).
            String[][] guardians = {{"Sunita", "+91 98300 12345", "7B-14"}, {"Rakesh", "+91 98300 54321", "7B-15"}};
            for (int i = 0; i < guardians.length; i++) {
                page.fill("#guardianName-" + i, guardians[i][0]);
                page.selectOption("#relationship-" + i, "PARENT");
                page.fill("#guardianPhone-" + i, guardians[i][1]);
                page.fill("#verificationReference-" + i, guardians[i][2]);
                page.check("#scope-judging-" + i);
                page.check("#scope-publishWork-" + i);
            }
            page.fill("#attestedBy", "Mrs. Das, class teacher");

            // The browser checks type and size against the category before anything is sent.
            page.setInputFiles("#files-input", Path.of("uploads-sample/essays/essay-01.pdf"));
            Locator wrong = page.locator(".file-row.bad");
            assertThat(wrong).containsText("not accepted here");
            Axe.check(page, "school entry form with a refused file (phone)");
            wrong.getByRole(AriaRole.BUTTON).click();
            assertThat(page.locator(".file-row")).hasCount(0);

            page.setInputFiles("#files-input", Path.of("uploads-sample/posters/poster-12.png"));
            assertThat(page.locator(".file-row")).containsText("Ready to send");
            shot(page, "school-entry-form-phone", true);

            // A slow phone connection, so that the progress bar is seen moving.
            CDPSession cdp = phone.newCDPSession(page);
            cdp.send("Network.enable");
            JsonObject slow = new JsonObject();
            slow.addProperty("offline", false);
            slow.addProperty("latency", 40);
            slow.addProperty("downloadThroughput", 512 * 1024);
            slow.addProperty("uploadThroughput", 12 * 1024);
            cdp.send("Network.emulateNetworkConditions", slow);

            page.click("button[data-submit]");
            Locator bar = page.locator(".file-row progress");
            assertThat(bar).isVisible();
            page.waitForFunction("() => { const p = document.querySelector('.file-row progress');"
                    + " return p && !p.hidden && p.value > 0; }");
            shot(page, "school-upload-progress-phone", false);

            page.waitForURL(Pattern.compile(".*/school/entries/\\d+\\?created"));
            JsonObject fast = new JsonObject();
            fast.addProperty("offline", false);
            fast.addProperty("latency", 0);
            fast.addProperty("downloadThroughput", -1);
            fast.addProperty("uploadThroughput", -1);
            cdp.send("Network.emulateNetworkConditions", fast);
            assertThat(page.locator("body")).containsText("poster-12.png");
            assertThat(page.locator("body")).containsText("Riya (grade 7)");
            shot(page, "school-entry-phone", true);
            Axe.check(page, "school entry (phone)");
            assertThat(cutOff(page)).as("school entry cut off on a phone").isEmpty();

            // One more file on the entry's page: the script sends it as the raw body, streamed to storage.
            page.setInputFiles("#files-input", Path.of("uploads-sample/posters/poster-10.png"));
            page.click("form.upload-more button[data-submit]");
            page.waitForURL(Pattern.compile(".*/school/entries/\\d+\\?uploaded"));
            assertThat(page.locator("body")).containsText("poster-10.png");

            summary(page, "Submit entry").click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, submit it")).click();
            page.waitForURL(Pattern.compile(".*\\?submitted"));
            assertThat(page.locator("h1 .badge")).hasText("Submitted");
            shot(page, "school-submitted-phone", false);
            Axe.check(page, "school entry submitted (phone)");
        }
    }

    @Test
    void aJurorScoresTwoEntriesAndNeverSeesASchoolOrAChild() {
        List<String> schools = Fixtures.organiser().get("/api/schools?size=500").jsonPath().getList("items.name");
        assertThat(schools).isNotEmpty();
        try (BrowserContext desktop = desktop()) {
            Page page = desktop.newPage();
            watch(page);
            page.navigate(url("/login"));
            shot(page, "sign-in", false);
            Axe.check(page, "sign-in");
            signIn(page, "designer", "designer");
            page.waitForURL(Pattern.compile(".*/jury.*"));
            long demo = Fixtures.organiser().get("/api/competitions").jsonPath()
                    .getLong("find { it.title == '" + DEMO + "' }.id");
            page.navigate(url("/jury/competitions/" + demo));
            assertThat(page.locator("body")).containsText("0 of ");
            shot(page, "jury-queue", true);
            Axe.check(page, "jury queue");

            page.locator("ul.queue li a").first().click();
            for (int scored = 1; scored <= 2; scored++) {
                page.waitForURL(Pattern.compile(".*/jury/entries/\\d+.*"));
                long entryId = Long.parseLong(page.url().replaceAll(".*/jury/entries/(\\d+).*", "$1"));
                assertBlind(page, schools, entryId);
                if (scored == 1) {
                    page.waitForLoadState();
                    shot(page, "jury-entry", false);
                    Axe.check(page, "jury entry viewer");
                }
                for (Locator criterion : page.locator("fieldset.criterion").all()) {
                    criterion.locator("label").filter(new Locator.FilterOptions().setHasText(
                            Pattern.compile("^" + (5 + scored) + "$"))).click();
                }
                page.fill("#comment", "Clear message, well made.");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                        .setName(scored == 1 ? "Submit and next" : "Submit scores").setExact(true)).click();
                if (scored == 2) {
                    page.waitForURL(Pattern.compile(".*\\?scored"));
                    assertThat(page.locator(".alert.ok")).containsText("Your scores are saved");
                    Axe.check(page, "jury entry scored");
                    assertBlind(page, schools, entryId);
                }
            }
            page.locator(".crumbs a").first().click();
            assertThat(page.locator("body")).containsText("2 of ");
            assertThat(page.locator(".tabs")).containsText("Done2");
            assertBlind(page, schools, 0);

            // The one page where a juror sees school names: the conflict declaration's picker, by district.
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Conflicts").setExact(true)).click();
            page.waitForURL(url("/jury/conflicts"));
            assertThat(page.locator("#schoolId optgroup").first()).hasAttribute("label", Pattern.compile(".+"));
            assertThat(page.locator("#schoolId")).containsText(schools.get(0));
            assertThat(page.locator("main")).not().containsText(Pattern.compile("E-[A-Z0-9]{5}"));
            shot(page, "jury-conflicts", true);
            Axe.check(page, "jury conflicts");
        }
    }

    @Test
    void anOrganiserAssignsRanksFreezesAndPublishesAndThePublicSeesTheShortlist() {
        String title = "District Final 2027";
        long cid = districtFinal(title);
        try (BrowserContext desktop = desktop()) {
            Page page = desktop.newPage();
            watch(page);
            signIn(page, "organiser", RealStack.ORGANISER_PASSWORD);
            page.waitForURL(url("/organiser"));
            assertThat(page.locator("body")).containsText(DEMO);
            shot(page, "organiser-competitions", false);
            Axe.check(page, "organiser competitions");

            long demo = Fixtures.organiser().get("/api/competitions").jsonPath()
                    .getLong("find { it.title == '" + DEMO + "' }.id");
            page.navigate(url("/organiser/competitions/" + demo + "/ranking"));
            assertThat(page.locator(".cut-line")).containsText("Shortlist cut (25)");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("organiser-ranking-demo.png"))
                    .setFullPage(true).setClip(0, 0, 1366, 1700));
            Axe.check(page, "organiser ranking (demo, 25 shortlisted)");

            page.navigate(url("/organiser"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
            page.waitForURL(url("/organiser/competitions/" + cid));
            summary(page, "Start judging").click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, go ahead")).click();
            page.waitForURL(Pattern.compile(".*\\?moved=JUDGING"));
            page.fill("#jurorsPerEntry", "3");
            page.fill("#seed", "2027");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Run the assignment")).click();
            page.waitForURL(Pattern.compile(".*\\?assigned=.*"));
            assertThat(page.locator(".alert.ok")).containsText("30 new assignments for 10 submitted entries");
            shot(page, "organiser-dashboard-assigned", true);
            Axe.check(page, "organiser dashboard after assignment");

            // A juror knows one of the schools: the organiser records the conflict, and the school's entry
            // moves to another juror at once.
            JsonPath known = new Fixtures.Account(0, "school02", "school02", "school02").api()
                    .get("/api/competitions/" + cid + "/entries").jsonPath();
            long knownEntry = known.getLong("items[0].id");
            String conflicted = firstJurorWith(cid, knownEntry);
            page.navigate(url("/organiser/competitions/" + cid));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Conflicts of interest")).click();
            page.waitForURL(url("/organiser/competitions/" + cid + "/conflicts"));
            page.selectOption("#jurorId", new com.microsoft.playwright.options.SelectOption().setLabel(
                    DEMO_JURORS.get(conflicted)));
            page.selectOption("#schoolId", known.getString("items[0].school.id"));
            page.fill("#reason", "Her daughter studies there");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record a conflict")).click();
            // The count covers every competition still judging: the demo has entries of this school too.
            page.waitForURL(Pattern.compile(".*/conflicts\\?left=[1-9].*"));
            assertThat(page.locator("#conflict-outcome")).containsText("The conflict is recorded.");
            assertThat(page.locator("#conflict-outcome")).containsText(Pattern.compile(
                    "Other jurors assigned in their place: [1-9]"));
            assertThat(page.locator("table.conflicts")).containsText("Her daughter studies there");
            shot(page, "organiser-conflicts", true);
            Axe.check(page, "organiser conflicts");
            assertThat(jurorQueue(conflicted, cid)).doesNotContain(knownEntry);

            scoreEverything(cid);
            page.navigate(url("/organiser/competitions/" + cid));
            assertThat(page.locator(".stat").last()).containsText("100%");
            shot(page, "organiser-dashboard", true);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ranking").setExact(true)).click();
            assertThat(page.locator(".cut-line")).containsText("Shortlist cut (4)");
            assertThat(page.locator("svg.chart")).hasCount(2);
            shot(page, "organiser-ranking", true);
            Axe.check(page, "organiser ranking");

            // The harsh and lenient jurors disagree by more than 30 points on entries near the cut: the freeze
            // is refused until the organiser has decided on each, on this page.
            Locator waiting = page.locator("form.decide-form");
            assertThat(waiting.first()).isVisible();
            summary(page, "Freeze the shortlist").click();
            // Jurors of other tests were given work here too: excused, with the reason the seal keeps.
            Locator excuses = page.locator("input[name=excuse]");
            for (int i = 0; i < excuses.count(); i++) {
                excuses.nth(i).check();
            }
            if (excuses.count() > 0) {
                page.locator("#excuse-reason").fill("Jurors of other tests take no part in this one");
            }
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, freeze it")).click();
            assertThat(page.locator(".alert.error")).containsText("have jurors who disagree");
            assertThat(page.locator("#freeze-blocked")).containsText("Waiting for your decision");
            Axe.check(page, "organiser ranking with the freeze refused");
            int decided = 0;
            while (waiting.count() > 0) {
                Locator control = waiting.first();
                control.getByLabel("Confirm: the scores stand").check();
                control.getByLabel("Note").fill("Both jurors read the poster carefully; the scores stand.");
                if (decided == 0) {
                    page.locator("#freeze-title").scrollIntoViewIfNeeded();
                    shot(page, "organiser-ranking-adjudication", false);
                }
                control.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record the decision"))
                        .click();
                page.waitForURL(Pattern.compile(".*decided=\\d+.*"));
                assertThat(page.locator(".alert.ok")).containsText("is recorded: its scores stand");
                decided++;
            }
            assertThat(decided).isPositive();
            assertThat(page.locator("#freeze-blocked")).hasCount(0);
            assertThat(page.locator("table.decisions tbody tr")).hasCount(decided);

            summary(page, "Freeze the shortlist").click();
            // Jurors of other tests were given work here too: excused, with the reason the seal keeps.
            Locator toExcuse = page.locator("input[name=excuse]");
            for (int i = 0; i < toExcuse.count(); i++) {
                toExcuse.nth(i).check();
            }
            if (toExcuse.count() > 0) {
                page.locator("#excuse-reason").fill("Jurors of other tests take no part in this one");
            }
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, freeze it")).click();
            page.waitForURL(Pattern.compile(".*/shortlist\\?frozen"));
            assertThat(page.locator("#digest")).hasText(Pattern.compile("[0-9a-f]{64}"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Verify the seal")).click();
            page.waitForURL(Pattern.compile(".*/shortlist/verify"));
            assertThat(page.locator(".verification")).containsText("The record matches its seal.");
            shot(page, "organiser-shortlist-verified", false);
            Axe.check(page, "organiser shortlist verified");
            summary(page, "Publish the shortlist").click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, go ahead")).click();
            page.waitForURL(Pattern.compile(".*moved=PUBLISHED"));
            assertThat(page.locator(".alert.ok")).containsText("public");
            shot(page, "organiser-shortlist", true);
            Axe.check(page, "organiser shortlist published");

            page.navigate(url("/organiser/competitions/" + cid));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Audit log")).click();
            page.waitForURL(url("/organiser/competitions/" + cid + "/audit"));
            assertThat(page.locator("table.audit")).containsText("Shortlist published");
            assertThat(page.locator("table.audit")).containsText("Shortlist frozen");
            assertThat(page.locator("table.audit")).containsText("Decision on a disagreement");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("organiser-audit.png"))
                    .setFullPage(true).setClip(0, 0, 1366, 1500));
            Axe.check(page, "organiser audit log");
        }

        List<String> shortlisted = Fixtures.organiser().get("/api/competitions/" + cid + "/shortlist").jsonPath()
                .getList("entries.title");
        try (BrowserContext visitor = desktop()) {
            Page page = visitor.newPage();
            page.navigate(url("/shortlist/" + cid));
            assertThat(page.locator("h1")).hasText(title);
            assertThat(page.locator("li.work")).hasCount(4);
            for (String work : shortlisted) {
                assertThat(page.locator(".gallery")).containsText(work);
            }
            // The works' pictures (the large view's empty image fills only when a work is opened).
            page.waitForFunction("() => [...document.querySelectorAll('.gallery img')]"
                    + ".every(i => i.complete && i.naturalWidth > 0)");
            shot(page, "public-shortlist", true);
            Axe.check(page, "public shortlist");
            assertThat(page.locator("body")).not().containsText("Sign out");
            // A work opens large in a dialog, whole (the picture fits inside it), and Escape closes it.
            page.locator("a.open-large").first().click();
            Locator lightbox = page.locator("dialog[data-lightbox]");
            assertThat(lightbox).isVisible();
            page.waitForFunction("() => { const i = document.querySelector('dialog[data-lightbox] img');"
                    + " return i.complete && i.naturalWidth > 0; }");
            Object whole = page.evaluate("() => { const i = document.querySelector('dialog[data-lightbox] img')"
                    + ".getBoundingClientRect(); return i.width > 300 && i.right <= window.innerWidth + 1"
                    + " && i.bottom <= window.innerHeight + 1 && i.left >= -1 && i.top >= -1; }");
            assertThat(whole).as("the large picture is large and whole on the screen").isEqualTo(true);
            shot(page, "public-work-large", false);
            Axe.check(page, "public shortlist with a work opened large");
            page.keyboard().press("Escape");
            assertThat(lightbox).isHidden();
        }
        try (BrowserContext phone = chromium.browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(390, 844).setDeviceScaleFactor(2).setIsMobile(true))) {
            Page page = phone.newPage();
            page.navigate(url("/shortlist/" + cid));
            page.waitForFunction("() => [...document.querySelectorAll('.gallery img')]"
                    + ".every(i => i.complete && i.naturalWidth > 0)");
            shot(page, "public-shortlist-phone", false);
            Axe.check(page, "public shortlist (phone)");
        }
    }

    /**
     * Checks the page a juror sees for every school name and the entry's uploaded file names (the
     * whole page), and for the entry's children's first names (everything but the header, which
     * shows the juror's own name: a juror may share a first name with a child). Entry 0: a page of
     * no single entry (the queue), checked for school names only.
     */
    private static void assertBlind(Page page, List<String> schools, long entryId) {
        String html = page.content();
        String work = page.title() + page.locator("main").innerHTML();
        List<String> everywhere = new ArrayList<>(schools);
        List<String> children = List.of();
        if (entryId > 0) {
            JsonPath entry = Fixtures.organiser().get("/api/entries/" + entryId).jsonPath();
            everywhere.addAll(entry.getList("files.name"));
            children = entry.getList("participants.firstName");
        }
        for (String word : everywhere) {
            assertThat(contains(html, word)).as("the juror's page shows '%s'", word).isFalse();
        }
        for (String child : children) {
            assertThat(contains(work, child)).as("the juror's page shows the child '%s'", child).isFalse();
        }
        assertThat(html).doesNotContain("poster-").doesNotContain("essay-").doesNotContain("video-");
    }

    private static boolean contains(String text, String word) {
        return Pattern.compile("\\b" + Pattern.quote(word) + "\\b").matcher(text).find();
    }

    /** A round of ten entries from demo schools, open for entries. */
    private static long districtFinal(String title) {
        long cid = Fixtures.openCompetition(title, 4);
        String[][] works = {
                {"school02", "poster", "Think Before You Share!", "posters/poster-01.jpg", "Anaya"},
                {"school03", "poster", "Tell a Trusted Adult", "posters/poster-02.jpg", "Ishaan"},
                {"school04", "poster", "Block. Report. Talk.", "posters/poster-04-phone-gps-rotated.jpg", "Meera"},
                {"school05", "poster", "Keep Your Password a Secret", "posters/poster-06-author-only.jpg", "Arjun"},
                {"school06", "poster", "Not Everyone Is Who They Say They Are", "posters/poster-07.png", "Zoya"},
                {"school07", "poster", "Be Kind Online", "posters/poster-10.png", "Kabir"},
                {"school08", "poster", "It's OK to Say No", "posters/poster-11.png", "Tara"},
                {"school09", "essay", "Screenshots Last Forever", "essays/essay-04.pdf", "Rohan"},
                {"school10", "essay", "Talking to My Mum About the Internet", "essays/essay-07.pdf", "Sana"},
                {"school11", "poster", "Pause Think Then Click", "posters/poster-08-png-author-exif-gps.png", "Dev"}};
        for (String[] w : works) {
            Fixtures.Account school = new Fixtures.Account(0, w[0], w[0], w[0]);
            Fixtures.submittedEntry(school, cid, w[1], w[2], List.of(w[4]), w[3], true, true);
        }
        return cid;
    }

    /** The demo jurors score their queues; juror2 marks harshly and juror4 leniently, as in the demo. */
    private static void scoreEverything(long cid) {
        String[] jurors = {"designer", "juror2", "juror3", "juror4", "juror5"};
        int[] bias = {0, -2, 0, 2, 1};
        for (int j = 0; j < jurors.length; j++) {
            Fixtures.Account juror = new Fixtures.Account(0, jurors[j], jurors[j], jurors[j]);
            JsonPath queue = juror.api().get("/api/me/assignments?competition=" + cid + "&size=100").jsonPath();
            for (Object id : queue.getList("items.entryId")) {
                long eid = ((Number) id).longValue();
                int quality = 3 + (int) (eid * 7 % 6);
                Fixtures.score(juror, eid, clamp(quality + bias[j] + 1), clamp(quality + bias[j]),
                        clamp(quality + bias[j] - 1 + (int) (eid % 3)));
            }
        }
    }

    /** The first demo juror whose queue holds the entry. */
    private static String firstJurorWith(long cid, long entryId) {
        for (String juror : List.of("designer", "juror2", "juror3", "juror4", "juror5")) {
            if (jurorQueue(juror, cid).contains(entryId)) {
                return juror;
            }
        }
        throw new AssertionError("no juror has entry " + entryId);
    }

    private static List<Long> jurorQueue(String juror, long cid) {
        return new Fixtures.Account(0, juror, juror, juror).api().get("/api/me/assignments?competition=" + cid
                + "&size=100").jsonPath().getList("items.entryId", Long.class);
    }

    @Test
    void aJurorRaisesASafeguardingConcernAndTheLeadReleasesTheEntry() {
        Fixtures.OnePoster p = Fixtures.onePosterInJudging("Concern journey", 3, "Willow School", "Whisper", "Piu");
        String code = Fixtures.organiser().get("/api/entries/" + p.entryId()).jsonPath().getString("code");
        try (BrowserContext phone = chromium.browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(390, 844).setIsMobile(true).setHasTouch(true))) {
            Page page = phone.newPage();
            watch(page);
            signIn(page, p.juror().username(), p.juror().password());
            page.waitForURL(Pattern.compile(".*/jury.*"));
            page.navigate(url("/jury/entries/" + p.entryId()));
            summary(page, "Raise a safeguarding concern").click();
            page.getByLabel("The work tells of a child who may be at risk").check();
            page.getByLabel("What did you see?").fill("The poster's speech bubble describes a stranger asking for photos.");
            page.getByLabel("Where in the work? (optional)").fill("the speech bubble, top left");
            shot(page, "concern-dialog-phone", true);
            Axe.check(page, "jury entry with the concern dialog open (phone)");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send to the safeguarding lead")).click();
            page.waitForURL(Pattern.compile(".*/concerns/thanks"));
            assertThat(page.locator("main")).containsText("you do not need to do anything else");
            assertThat(page.locator("main")).not().containsText("stranger");
            Axe.check(page, "concern thanks (phone)");
        }
        try (BrowserContext desktop = desktop()) {
            Page page = desktop.newPage();
            watch(page);
            signIn(page, "safeguarding", "safeguarding");
            page.waitForURL(Pattern.compile(".*/safeguarding"));
            assertThat(page.locator("nav.mainnav")).containsText("open");
            Axe.check(page, "safeguarding desk with an open concern");
            page.locator("tr").filter(new Locator.FilterOptions().setHasText(code)).locator("a").click();
            page.waitForURL(Pattern.compile(".*/safeguarding/concerns/\\d+"));
            assertThat(page.locator("main")).containsText("stranger asking for photos");
            assertThat(page.locator("main")).containsText("Willow School");
            shot(page, "safeguarding-concern", true);
            Axe.check(page, "safeguarding concern");
            page.getByLabel("Triaged: I have read it and judged how urgent it is").check();
            page.locator("#note").fill("Read at once; not immediate. Calling the school's contact.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record it")).click();
            assertThat(page.locator(".alert.ok")).containsText("Recorded.");
            // Releasing the entry is asked apart, behind its confirmation.
            page.locator("summary", new Page.LocatorOptions().setHasText("Release the entry")).click();
            page.locator("#note-released").fill("The school confirms it is a made-up story for the poster.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, release it")).click();
            assertThat(page.locator("main")).containsText("the entry was released to judging");
            Axe.check(page, "safeguarding concern released");
        }
        p.juror().api().get("/api/entries/" + p.entryId()).then().statusCode(200);
    }

    private static int clamp(int score) {
        return Math.max(1, Math.min(10, score));
    }

    /**
     * Issue 16 in the browser: the viewer shows the whole poster (no inner scroll), zooms from the
     * keyboard on its focusable frame and offers full screen; the upload shows a thumbnail before
     * sending; the ranking table fits a 1366 px screen with its header sticky.
     */
    @Test
    void theViewerFitsTheWholeWorkAndTheRankingFitsTheScreen() {
        long demo = Fixtures.organiser().get("/api/competitions").jsonPath()
                .getLong("find { it.title == '" + DEMO + "' }.id");
        boolean sawImage = false;
        for (String juror : List.of("juror3", "juror5", "designer")) {
            if (sawImage) {
                break;
            }
            try (BrowserContext desktop = desktop()) {
            Page page = desktop.newPage();
            watch(page);
            signIn(page, juror, juror);
            page.waitForURL(Pattern.compile(".*/jury.*"));
            page.navigate(url("/jury/competitions/" + demo));
            List<String> entries = new ArrayList<>();
            for (Locator a : page.locator("ul.queue li a").all()) {
                entries.add(a.getAttribute("href"));
            }
            for (String href : entries) {
                page.navigate(url(href));
                if (page.locator(".viewer[data-viewer=image] .stage img").count() == 0) {
                    continue;
                }
                sawImage = true;
                page.waitForFunction("() => { const i = document.querySelector('.viewer .stage img');"
                        + " return i && i.complete && i.naturalWidth > 0; }");
                Object fits = page.evaluate("() => { const s = document.querySelector('.viewer .stage');"
                        + " const a = s.getBoundingClientRect(), b = s.querySelector('img').getBoundingClientRect();"
                        + " return b.top >= a.top - 1 && b.bottom <= a.bottom + 1 && b.left >= a.left - 1"
                        + " && b.right <= a.right + 1 && s.scrollHeight <= s.clientHeight + 1; }");
                assertThat(fits).isEqualTo(true);
                Locator stage = page.locator(".viewer .stage");
                assertThat(stage).hasAttribute("tabindex", "0");
                stage.focus();
                page.keyboard().press("+");
                assertThat(page.locator("[data-zoom-level]")).hasText(Pattern.compile("\\d+%"));
                Object scrolls = page.evaluate("() => { const s = document.querySelector('.viewer .stage');"
                        + " return s.scrollWidth > s.clientWidth || s.scrollHeight > s.clientHeight; }");
                assertThat(scrolls).isEqualTo(true);
                page.keyboard().press("0");
                assertThat(page.locator("[data-zoom-level]")).hasText("Fit");
                assertThat(page.locator("[data-fullscreen]")).isVisible();
                shot(page, "jury-viewer-fit", false);
                Axe.check(page, "jury viewer zoomed back to fit");
                break;
            }
            }
        }
        assertThat(sawImage).as("a demo queue has a poster").isTrue();
        try (BrowserContext desktop = desktop()) {
            Page page = desktop.newPage();
            watch(page);
            signIn(page, "organiser", RealStack.ORGANISER_PASSWORD);
            page.waitForURL(Pattern.compile(".*/organiser.*"));
            page.navigate(url("/organiser/competitions/" + demo + "/ranking"));
            Object fits = page.evaluate("() => { const t = document.querySelector('.ranking-scroll');"
                    + " return !t || (t.scrollWidth <= t.clientWidth + 1"
                    + " && document.documentElement.scrollWidth <= window.innerWidth); }");
            Object widths = page.evaluate("() => { const t = document.querySelector('.ranking-scroll');"
                    + " return JSON.stringify({ scroll: t && t.scrollWidth, client: t && t.clientWidth,"
                    + " page: document.documentElement.scrollWidth, window: window.innerWidth,"
                    + " columns: t ? [...t.querySelectorAll('thead th')].map(h => h.textContent.trim() + ':'"
                    + " + Math.round(h.getBoundingClientRect().width)) : [],"
                    + " wide: [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right"
                    + " > window.innerWidth + 1).slice(0, 6).map(e => e.tagName + '.' + e.className + ':'"
                    + " + Math.round(e.getBoundingClientRect().right)) }); }");
            assertThat(fits).as("the ranking table fits 1366 px: " + widths).isEqualTo(true);
            shot(page, "organiser-ranking-demo-1366", false);
            page.navigate(url("/organiser/competitions/" + demo + "/entries?sort=title&dir=desc"));
            assertThat(page.locator("th[aria-sort=descending]")).hasCount(1);
            shot(page, "organiser-entries-sorted", false);
            Axe.check(page, "organiser entries sorted");
        }
        long cid = Fixtures.openCompetition("Thumbnails " + System.nanoTime(), 10);
        try (BrowserContext desktop = desktop()) {
            Page page = desktop.newPage();
            watch(page);
            signIn(page, "school02", "school02");
            page.waitForURL(url("/school"));
            page.navigate(url("/school/competitions/" + cid + "/new"));
            // "Choose files" is a real button: focused from the keyboard, Enter opens the file picker.
            Locator pick = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Choose files"));
            assertThat(pick).isVisible();
            page.evaluate("() => { window.pickerOpened = 0; document.getElementById('files-input')"
                    + ".addEventListener('click', () => window.pickerOpened++); }");
            pick.focus();
            page.keyboard().press("Enter");
            assertThat(page.evaluate("() => window.pickerOpened")).as("Enter on the button opens the picker").isEqualTo(1);
            page.setInputFiles("#files-input", Path.of("uploads-sample/posters/poster-12.png"));
            assertThat(page.locator(".file-row img.thumb")).isVisible();
            // The thumbnail is a blob: URL made in the browser, which the page's CSP must allow.
            page.waitForFunction("() => document.querySelector('.file-row img.thumb').complete");
            assertThat(page.evaluate("() => document.querySelector('.file-row img.thumb').naturalWidth > 0"))
                    .as("the thumbnail shows (not refused by the page's CSP)").isEqualTo(true);
            shot(page, "school-upload-thumbnail", false);
            assertThat(Axe.check(page, "school entry form with a thumbnail")).doesNotContain("aria-allowed-role");
        }
    }

    /**
     * axe on the main pages the journeys above do not pass through, one signed-in context per role,
     * with data and with a form error shown (the journeys check the pages they visit where they are).
     */
    @Test
    void everyMainPageHasNoSeriousOrCriticalAccessibilityViolation() {
        long demo = Fixtures.organiser().get("/api/competitions").jsonPath()
                .getLong("find { it.title == '" + DEMO + "' }.id");
        long open = Fixtures.openCompetition(Fixtures.unique("Accessible round"), 5);
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Lotus School"));
        long eid = Fixtures.submittedEntry(school, open, "poster", "Kind Words Online", List.of("Nila"),
                "posters/poster-01.jpg");
        String token = org.juryroom.consent.ConsentFixtures.tokens(eid).get(0);
        try (BrowserContext visitor = desktop()) {
            Page page = visitor.newPage();
            watch(page);
            page.navigate(url("/login"));
            page.fill("#j_username", "organiser");
            page.fill("#j_password", "not the password");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            assertThat(page.locator(".alert.error")).isVisible();
            Axe.check(page, "sign-in with a wrong password");
            visit(page, "/shortlist", "public gallery of published competitions");
            visit(page, "/consent/" + token, "guardian consent");
            visit(page, "/reset", "password reset request");
        }
        try (BrowserContext desktop = desktop()) {
            Page page = desktop.newPage();
            watch(page);
            signIn(page, "organiser", RealStack.ORGANISER_PASSWORD);
            page.waitForURL(url("/organiser"));
            visit(page, "/organiser/competitions/new", "organiser new competition form");
            page.evaluate("() => document.querySelectorAll('form').forEach(f => f.noValidate = true)");
            page.locator("main form button[type=submit]").last().click();
            assertThat(page.locator(".alert.error")).isVisible();
            Axe.check(page, "organiser competition form with errors");
            visit(page, "/organiser/competitions/" + demo + "/edit", "organiser competition form (demo)");
            visit(page, "/organiser/competitions/" + demo, "organiser dashboard (demo)");
            visit(page, "/organiser/competitions/" + demo + "/entries", "organiser entries (demo)");
            visit(page, "/organiser/competitions/" + open + "/entries", "organiser entries (open)");
            visit(page, "/organiser/entries/" + eid, "organiser entry");
            visit(page, "/organiser/entries/" + eid + "/consents/0", "organiser consent record");
            visit(page, "/organiser/competitions/" + demo + "/audit", "organiser audit log (demo)");
            visit(page, "/organiser/competitions/" + demo + "/conflicts", "organiser conflicts (demo)");
            visit(page, "/organiser/schools", "organiser schools");
            visit(page, "/organiser/jurors", "organiser jurors");
            visit(page, "/organiser/schools/" + school.id() + "/edit", "organiser school edit");
            visit(page, "/organiser/jurors/import", "organiser jurors import");
            visit(page, "/organiser/schools/import", "organiser schools import");
            visit(page, "/organiser/outbox", "organiser outbox");
            visit(page, "/organiser/safeguarding-leads", "organiser safeguarding leads");
            visit(page, "/account", "account and tokens (organiser)");
            visit(page, "/organiser/competitions/999999999", "error page (not found)");
        }
        try (BrowserContext desktop = desktop()) {
            Page page = desktop.newPage();
            watch(page);
            signIn(page, school.username(), school.password());
            page.waitForURL(url("/school"));
            Axe.check(page, "school portal");
            visit(page, "/school/entries/" + eid, "school entry");
            visit(page, "/school/entries/" + eid + "/consents/0", "school consent record");
            visit(page, "/school/safeguarding-contact", "school safeguarding contact");
            visit(page, "/school/competitions/" + open + "/new", "school entry form");
            page.evaluate("() => document.querySelectorAll('form').forEach(f => f.noValidate = true)");
            page.click("button[data-submit]");
            // The script puts each refusal next to its field.
            assertThat(page.locator(".field.invalid").first()).isVisible();
            Axe.check(page, "school entry form with errors");
            // Correcting a field takes its error away at once; the other fields keep theirs.
            Locator titleField = page.locator(".field:has(#title)");
            Pattern invalid = Pattern.compile("(^|\\s)invalid(\\s|$)");
            assertThat(titleField).hasClass(invalid);
            int errors = page.locator(".field.invalid").count();
            page.fill("#title", "Kind Words Online, again");
            assertThat(titleField).not().hasClass(invalid);
            assertThat(page.locator("#title")).not().hasAttribute("aria-invalid", "true");
            assertThat(page.locator(".field.invalid")).hasCount(errors - 1);
            visit(page, "/account", "account and tokens (school)");
        }
        try (BrowserContext desktop = desktop()) {
            Page page = desktop.newPage();
            watch(page);
            signIn(page, "juror3", "juror3");
            page.waitForURL(Pattern.compile(".*/jury.*"));
            page.navigate(url("/jury"));
            assertThat(Axe.check(page, "jury desk")).doesNotContain("landmark-unique");
            visit(page, "/account", "account and tokens (juror)");
        }
        try (BrowserContext desktop = desktop()) {
            Page page = desktop.newPage();
            watch(page);
            signIn(page, "safeguarding", "safeguarding");
            page.waitForURL(Pattern.compile(".*/safeguarding"));
            Axe.check(page, "safeguarding desk");
        }
    }

    private void visit(Page page, String path, String what) {
        page.navigate(url(path));
        Axe.check(page, what);
    }

    /** Prints what went wrong in the browser: script errors and refused requests, for a failing run's log. */
    private static void watch(Page page) {
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                System.out.println("browser console: " + m.text());
            }
        });
        page.onResponse(r -> {
            if (r.status() >= 400) {
                System.out.println("browser got " + r.status() + " for " + r.request().method() + " " + r.url());
            }
        });
    }

    @Test
    void aFinalJurorRanksTheShortlistOnAPhoneWithButtonsAndADrag() {
        org.juryroom.judging.JudgingFixtures.World w = org.juryroom.judging.JudgingFixtures.world(3, 1, 3, 3);
        org.juryroom.rounds.FinalRoundTest.OpenFinal f = org.juryroom.rounds.FinalRoundTest.openFinal(w, 1, 1, 41);
        List<Long> shortlist = f.shortlist();
        assertThat(shortlist).hasSize(3);
        org.juryroom.judging.JudgingFixtures.JurorAccount juror = w.juror(0);
        try (BrowserContext phone = chromium.browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(390, 844).setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true))) {
            Page page = phone.newPage();
            watch(page);
            signIn(page, juror.login().username(), juror.login().password());
            page.waitForURL(Pattern.compile(".*/(jury|account).*"));
            page.navigate(url("/jury/competitions/" + w.cid() + "/final"));
            Locator cards = page.locator("li[data-entry]");
            assertThat(cards).hasCount(3);
            assertThat(page.locator("[data-save-state]")).containsText("Not saved yet");
            w.schools().forEach(s -> assertThat(page.locator("main")).not().containsText(s.name()));
            // The cards come by the random code, nothing of the order of creation: named as they stand.
            List<Long> shown = ((List<?>) cards.evaluateAll("els => els.map(e => e.dataset.entry)")).stream()
                    .map(id -> Long.parseLong(id.toString())).toList();
            org.assertj.core.api.Assertions.assertThat(shown).containsExactlyInAnyOrderElementsOf(shortlist);
            long a = shown.get(0);
            long b = shown.get(1);
            long c = shown.get(2);
            // The buttons (keyboard): the first card one down, then the last tied with the one above.
            Locator downA = page.locator("li[data-entry='" + a + "'] [data-move=down]");
            downA.focus();
            page.keyboard().press("Enter");
            assertThat(cards.first()).hasAttribute("data-entry", String.valueOf(b));
            page.locator("li[data-entry='" + c + "'] [data-move=tie]").click();
            assertThat(page.locator("[data-save-state]")).containsText("Changed: not saved yet");
            assertThat(page.locator("li[data-entry='" + c + "'] input[name=rank]")).hasValue("2");
            shot(page, "final-ranking-phone", true);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save my ranking")).click();
            page.waitForURL(Pattern.compile(".*/final\\?saved.*"));
            assertThat(page.locator("[data-save-state]")).containsText("Saved (version 1)");
            List<Long> ac = new ArrayList<>(List.of(a, c));
            ac.sort(null);
            assertThat(ballot(juror, w.cid(), f.roundId()).getList("order")).isEqualTo(
                    List.of(List.of((int) b), ac.stream().map(Long::intValue).toList()));

            // A drag by the grip: the last card to the top, untied.
            Locator last = cards.last();
            String lastId = last.getAttribute("data-entry");
            var from = last.locator("[data-grip]").boundingBox();
            var to = cards.first().boundingBox();
            page.mouse().move(from.x + from.width / 2, from.y + from.height / 2);
            page.mouse().down();
            page.mouse().move(from.x + from.width / 2, to.y + 2, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(8));
            page.mouse().up();
            assertThat(cards.first()).hasAttribute("data-entry", lastId);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save my ranking")).click();
            page.waitForURL(Pattern.compile(".*/final\\?saved.*"));
            assertThat(page.locator("[data-save-state]")).containsText("Saved (version 2)");
            List<Object> order = ballot(juror, w.cid(), f.roundId()).getList("order");
            assertThat(order).hasSize(3);
            assertThat(order.get(0)).isEqualTo(List.of(Integer.parseInt(lastId)));
        }

        // The other two jurors rank; the round closes and the competition is published: each school's
        // portal shows its entry's result, on a phone.
        for (int j = 1; j < 3; j++) {
            List<List<Long>> order = new ArrayList<>();
            for (int i = 0; i < shortlist.size(); i++) {
                order.add(List.of(shortlist.get((i + j) % shortlist.size())));
            }
            w.juror(j).login().as().contentType(io.restassured.http.ContentType.JSON)
                    .body(java.util.Map.of("order", order))
                    .put("/api/competitions/{cid}/rounds/{rid}/ballot", w.cid(), f.roundId()).then().statusCode(200);
        }
        var organiser = org.juryroom.judging.JudgingFixtures.ORGANISER;
        long winner = organiser.as().contentType(io.restassured.http.ContentType.JSON).body(java.util.Map.of())
                .post("/api/competitions/{cid}/rounds/{rid}/close", w.cid(), f.roundId()).then().statusCode(200)
                .extract().jsonPath().getLong("result.places[0].entryIds[0]");
        org.juryroom.judging.JudgingFixtures.transition(w.cid(), "PUBLISHED");
        int school = -1;
        for (int s = 0; s < w.schools().size() && school < 0; s++) {
            if (w.school(s).login().as().get("/api/competitions/{cid}/entries", w.cid()).jsonPath()
                    .getList("items.id", Long.class).contains(winner)) {
                school = s;
            }
        }
        assertThat(school).as("the winner's school").isNotNegative();
        try (BrowserContext phone = chromium.browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(390, 844).setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true))) {
            Page page = phone.newPage();
            watch(page);
            var login = w.school(school).login();
            signIn(page, login.username(), login.password());
            page.waitForURL(Pattern.compile(".*/(school|account).*"));
            page.navigate(url("/school"));
            assertThat(page.locator("[data-result=WINNER]")).containsText("Winner: place 1");
            assertThat(cutOff(page)).as("cut off on a phone").isEmpty();
            shot(page, "school-results-phone", true);
            Axe.check(page, "school portal with results (phone)");
        }
    }

    /**
     * A ranking of 130 entries at 1366 px (issue 16): a page of 100 rows that fits the screen, the table's
     * header and the shortlist's cut line both in view inside its frame, and the next page continuing at 101.
     */
    @Test
    void aLongRankingIsPagedAndKeepsItsHeaderAndCutLineInView() {
        long cid = org.juryroom.judging.JudgingFixtures.openCompetition(25);
        org.juryroom.judging.JudgingFixtures.transition(cid, "JUDGING");
        List<Long> schools = org.juryroom.judging.BulkData.schools(em, 12, Fixtures.unique("Paged district"));
        List<Long> jurors = org.juryroom.judging.BulkData.jurors(em, 6);
        var entries = org.juryroom.judging.BulkData.entries(em, cid, schools, List.of("poster", "essay"), 130);
        java.util.Random random = new java.util.Random(1366);
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            for (var e : entries) {
                int quality = random.nextInt(8);
                List<Long> three = new ArrayList<>(jurors);
                java.util.Collections.shuffle(three, random);
                for (long juror : three.subList(0, 3)) {
                    org.juryroom.judging.BulkData.scorecard(em, e.id(), juror, java.util.Map.of(
                            "message", 1 + quality + random.nextInt(3), "craft", Math.min(5, quality / 2 + random.nextInt(2))));
                }
            }
        });
        try (BrowserContext desktop = desktop()) {
            Page page = desktop.newPage();
            watch(page);
            signIn(page, "organiser", RealStack.ORGANISER_PASSWORD);
            page.waitForURL(Pattern.compile(".*/organiser.*"));
            page.navigate(url("/organiser/competitions/" + cid + "/ranking"));
            assertThat(page.locator("table.ranking tbody tr:not(.cut)")).hasCount(100);
            assertThat(cutOff(page)).as("cut off at 1366 px").isEmpty();
            Object tableFits = page.evaluate("() => { const t = document.querySelector('.ranking-scroll');"
                    + " return t.scrollWidth <= t.clientWidth + 1; }");
            assertThat(tableFits).as("no column of the ranking is cut off").isEqualTo(true);
            // The frame in view: its sticky header on top and the cut line (sticky at the frame's foot) on screen.
            page.evaluate("() => document.querySelector('.ranking-scroll').scrollIntoView({ block: 'end' })");
            assertThat(page.locator("table.ranking thead")).isInViewport();
            assertThat(page.locator("table.ranking .cut-line")).isInViewport();
            assertThat(page.locator("table.ranking .cut-line")).containsText("Shortlist cut (25)");
            assertThat(page.locator("nav.pager").first()).containsText("Page 1 of 2");
            shot(page, "organiser-ranking-1366", false);
            Axe.check(page, "organiser ranking, 130 entries (1366 px)");
            page.locator("nav.pager a[rel=next]").first().click();
            page.waitForURL(Pattern.compile(".*/ranking\\?.*page=.*"));
            assertThat(page.locator("table.ranking tbody tr:not(.cut)")).hasCount(30);
            assertThat(page.locator("table.ranking tbody tr").first()).containsText("101");
            assertThat(page.locator("nav.pager").first()).containsText("Page 2 of 2");
            Axe.check(page, "organiser ranking, second page");
        }
    }

    /**
     * The organiser's rounds page (issue 13) at 1366 px and on a phone: a closed screening round with its
     * history, the rubric round open with a juror's work missing, the final round still to come. With every
     * disclosure open, nothing is cut off sideways except inside a focusable scroll region.
     */
    @Test
    void theOrganiserReadsTheRoundsOnADesktopAndOnAPhone() {
        org.juryroom.judging.JudgingFixtures.World w = org.juryroom.judging.JudgingFixtures.world(3, 3, 4, 3);
        long cid = w.cid();
        var organiser = org.juryroom.judging.JudgingFixtures.ORGANISER;
        long rubric = organiser.as().get("/api/competitions/{cid}/rounds", cid).jsonPath().getLong("[0].id");
        JsonPath rounds = organiser.as().contentType(io.restassured.http.ContentType.JSON).body(List.of(
                java.util.Map.of("kind", "SCREENING", "name", "First look", "jurorsPerEntry", 2, "quorum", 1),
                java.util.Map.of("id", rubric, "kind", "RUBRIC", "name", "Rubric scoring"),
                java.util.Map.of("kind", "FINAL", "name", "The commission's jury", "places", 2, "mentions", 1)))
                .put("/api/competitions/{cid}/rounds", cid).then().statusCode(200).extract().jsonPath();
        long screening = rounds.getLong("[0].id");
        // Screening: everyone votes (an entry whose index is a multiple of 3 gets NO), then it closes.
        org.juryroom.judging.JudgingFixtures.assign(cid, 2, 17).then().statusCode(201);
        for (var juror : w.jurors()) {
            for (long eid : org.juryroom.judging.JudgingFixtures.queue(juror, cid)) {
                String vote = w.entries().indexOf(eid) % 3 == 0 ? "NO" : "YES";
                juror.login().as().contentType(io.restassured.http.ContentType.JSON).body(java.util.Map.of("vote", vote))
                        .put("/api/entries/{eid}/screening", eid).then().statusCode(200);
            }
        }
        organiser.as().contentType(io.restassured.http.ContentType.JSON).body(java.util.Map.of())
                .post("/api/competitions/{cid}/rounds/{rid}/close", cid, screening).then().statusCode(200);
        // Rubric: three jurors score their queues, the fourth has not started.
        org.juryroom.judging.JudgingFixtures.assign(cid, 2, 18).then().statusCode(201);
        for (var juror : w.jurors().subList(0, 3)) {
            for (long eid : org.juryroom.judging.JudgingFixtures.queue(juror, cid)) {
                org.juryroom.judging.JudgingFixtures.submitScore(juror, eid, 1 + (int) (eid % 10), (int) (eid % 6));
            }
        }
        String missing = w.juror(3).name();
        String path = "/organiser/competitions/" + cid + "/rounds";

        try (BrowserContext desktop = desktop()) {
            Page page = desktop.newPage();
            watch(page);
            signIn(page, "organiser", RealStack.ORGANISER_PASSWORD);
            page.waitForURL(Pattern.compile(".*/organiser.*"));
            page.navigate(url("/organiser/competitions/" + cid));
            page.locator("main a[href='" + path + "']").first().click();
            page.waitForURL(url(path));
            assertThat(page.locator("section.round")).hasCount(3);
            assertThat(page.locator("#round-" + screening)).containsText("First look");
            assertThat(page.locator("table.round-history tbody tr")).not().hasCount(0);
            assertThat(page.locator("#round-" + rubric + " table.missing-work")).containsText(missing);
            shot(page, "organiser-rounds", true);
            Axe.check(page, "organiser rounds (1366 px)");
            openEverything(page);
            assertThat(cutOff(page)).as("cut off at 1366 px").isEmpty();
            Axe.check(page, "organiser rounds with every disclosure open (1366 px)");
        }
        try (BrowserContext phone = chromium.browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(390, 844).setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true))) {
            Page page = phone.newPage();
            watch(page);
            signIn(page, "organiser", RealStack.ORGANISER_PASSWORD);
            page.waitForURL(Pattern.compile(".*/organiser.*"));
            page.navigate(url(path));
            assertThat(page.locator("section.round")).hasCount(3);
            assertThat(cutOff(page)).as("cut off on a phone").isEmpty();
            shot(page, "organiser-rounds-phone", false);
            Axe.check(page, "organiser rounds (phone)");
            openEverything(page);
            assertThat(cutOff(page)).as("cut off on a phone, every disclosure open").isEmpty();
            Axe.check(page, "organiser rounds with every disclosure open (phone)");
        }
    }

    /**
     * Issue 16, everyday use: a file held for the organiser's privacy check plays for the juror once the organiser
     * has released it (here a video held as a file uploaded before scrubbing existed is; a WebM and an MP4 are
     * cleaned at intake and play at once); the
     * organiser sets the commission's name and logo on the settings page (a PDF refused next to the field);
     * the public gallery shows them, each poster whole in its frame (a tall and a wide one), and plays both videos.
     */
    @Test
    void videosPlayAfterTheirPrivacyCheckAndTheGalleryShowsTheCommissionAndWholePosters() {
        long cid = Fixtures.openCompetition(Fixtures.unique("Everyday gallery"), 4);
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Peepal School"));
        long tall = Fixtures.submittedEntry(school, cid, "poster", "Ask Before You Share", List.of("Ira"),
                "posters/poster-01.jpg");
        long wide = Fixtures.submittedEntry(school, cid, "poster", "Talk To Someone", List.of("Om"),
                "posters/poster-02.jpg");
        long mp4 = Fixtures.submittedEntry(school, cid, "video", "Tell a Trusted Adult", List.of("Nia"),
                "videos/video-01-location.mp4");
        long webm = Fixtures.submittedEntry(school, cid, "video", "Block Report Talk", List.of("Avi"),
                "videos/video-02-testpattern.webm");
        Fixtures.Account juror = Fixtures.juror(Fixtures.unique("Video juror"));
        Fixtures.jury(cid, List.of(juror));
        Fixtures.transition(cid, "JUDGING");
        Fixtures.assign(cid, 1);
        // Held as a file stored before metadata scrubbing existed is (the one hold intake no longer makes for a
        // WebM): the review step is what this journey walks through.
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> org.juryroom.storage.EntryFile.update(
                "review = ?1, reviewNote = ?2 where entryId = ?3", org.juryroom.storage.EntryFile.Review.REQUIRED,
                "uploaded before metadata scrubbing existed", webm));
        String name = "Child Online Safety Commission, Test District";
        try (BrowserContext jurorDesk = desktop(); BrowserContext organiserDesk = desktop()) {
            Page jury = jurorDesk.newPage();
            watch(jury);
            signIn(jury, juror.username(), juror.password());
            jury.waitForURL(Pattern.compile(".*/(jury|account).*"));
            // Held: the juror sees the notice, not the video.
            jury.navigate(url("/jury/entries/" + webm));
            assertThat(jury.locator(".card.held")).isVisible();
            assertThat(jury.locator(".viewer video")).hasCount(0);

            Page org = organiserDesk.newPage();
            watch(org);
            signIn(org, "organiser", RealStack.ORGANISER_PASSWORD);
            org.waitForURL(url("/organiser"));
            org.navigate(url("/organiser/entries/" + webm));
            org.locator("summary", new Page.LocatorOptions().setHasText("I have looked: release it to the jury")).click();
            org.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, release it")).click();
            org.waitForURL(Pattern.compile(".*released.*"));
            assertThat(org.locator(".alert.ok")).containsText("The file is released to the jury.");

            for (long eid : List.of(webm, mp4)) {
                jury.navigate(url("/jury/entries/" + eid));
                plays(jury, jury.locator(".viewer video"), "the juror's video of entry " + eid);
            }
            shot(jury, "jury-video", false);
            Axe.check(jury, "jury entry with a video");
            // The queue's thumbnails show each poster whole too (a tall and a wide one).
            jury.navigate(url("/jury/competitions/" + cid));
            jury.waitForFunction("() => { const t = [...document.querySelectorAll('ul.queue img.thumb')];"
                    + " return t.length >= 2 && t.every(i => i.complete && i.naturalWidth > 0); }");
            Object cropped = jury.evaluate("() => [...document.querySelectorAll('ul.queue img.thumb')].filter(i => {"
                    + " const r = i.getBoundingClientRect(), fit = getComputedStyle(i).objectFit;"
                    + " const same = Math.abs(r.width / r.height - i.naturalWidth / i.naturalHeight)"
                    + "  < 0.02 * i.naturalWidth / i.naturalHeight;"
                    + " return !(same || fit === 'contain' || fit === 'scale-down'); }).map(i => i.alt + ' ' + i.src)");
            assertThat((List<?>) cropped).as("thumbnails cropped in the juror's queue").isEmpty();

            for (long eid : List.of(tall, wide, mp4, webm)) {
                Fixtures.score(juror, eid, 9, 8, 7);
            }
            Fixtures.freeze(cid);
            Fixtures.transition(cid, "PUBLISHED");

            // The commission's name and logo, set on the settings page.
            org.navigate(url("/organiser"));
            org.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Settings").setExact(true)).click();
            org.waitForURL(url("/organiser/settings"));
            org.fill("#name", name);
            org.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the name")).click();
            org.waitForURL(Pattern.compile(".*/organiser/settings\\?saved=name"));
            assertThat(org.locator("#name")).hasValue(name);
            org.setInputFiles("#logo", Path.of("uploads-sample/essays/essay-01.pdf"));
            org.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the logo")).click();
            assertThat(org.locator(".field.invalid #logo-error")).containsText("accepts JPEG, PNG or WebP images");
            assertThat(org.locator("#name")).hasValue(name);
            Axe.check(org, "organiser settings with a refused logo");
            org.setInputFiles("#logo", Path.of("uploads-sample/posters/poster-07.png"));
            org.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the logo")).click();
            org.waitForURL(Pattern.compile(".*/organiser/settings\\?saved=logo"));
            org.waitForFunction("() => { const i = document.querySelector('.logo-preview img');"
                    + " return i && i.complete && i.naturalWidth > 0; }");
            shot(org, "organiser-settings", true);
            Axe.check(org, "organiser settings");
        }
        try (BrowserContext visitor = desktop()) {
            Page page = visitor.newPage();
            watch(page);
            page.navigate(url("/shortlist/" + cid));
            assertThat(page.locator(".public-hero .commission")).containsText(name);
            page.waitForFunction("() => [...document.querySelectorAll('.public-hero img, .gallery img')]"
                    + ".every(i => i.complete && i.naturalWidth > 0)");
            // Each poster whole: the picture's box has the picture's own shape and stays inside its frame.
            @SuppressWarnings("unchecked")
            List<java.util.Map<String, Object>> pictures = (List<java.util.Map<String, Object>>) page.evaluate(
                    "() => [...document.querySelectorAll('.gallery .thumb img')].map(i => {"
                    + " const r = i.getBoundingClientRect(), t = i.closest('.thumb').getBoundingClientRect();"
                    + " return { natural: i.naturalWidth / i.naturalHeight, shown: r.width / r.height,"
                    + "  inside: r.left >= t.left - 1 && r.right <= t.right + 1 && r.top >= t.top - 1"
                    + "  && r.bottom <= t.bottom + 1 }; })");
            assertThat(pictures).hasSize(2);
            assertThat(pictures.stream().map(p -> ((Number) p.get("natural")).doubleValue()))
                    .anyMatch(r -> r < 0.9).anyMatch(r -> r > 1.1);
            for (var p : pictures) {
                double natural = ((Number) p.get("natural")).doubleValue();
                double shown = ((Number) p.get("shown")).doubleValue();
                assertThat(Math.abs(shown - natural) / natural).as("the poster is not cropped: " + p).isLessThan(0.02);
                assertThat(p.get("inside")).as("the poster fits its frame: " + p).isEqualTo(true);
            }
            assertThat(page.locator(".gallery video")).hasCount(2);
            for (int i = 0; i < 2; i++) {
                plays(page, page.locator(".gallery video").nth(i), "the gallery's video " + i);
            }
            shot(page, "public-gallery-commission", false);
            Axe.check(page, "public gallery with the commission's name and logo, posters and videos");
        } finally {
            Fixtures.organiser().delete("/api/settings/commission/logo").then().statusCode(200);
            Fixtures.organiser().contentType(io.restassured.http.ContentType.JSON).body(java.util.Map.of("name", ""))
                    .put("/api/settings/commission").then().statusCode(200);
        }
    }

    /**
     * Plays the video (muted, as a page may without a gesture) until its time moves: {@code play()} resolves,
     * enough is decoded to show ({@code readyState >= 2}), no media error. The file is served as a video with
     * byte ranges (206), which a player seeking needs.
     */
    private void plays(Page page, Locator video, String what) {
        assertThat(video).hasCount(1);
        Object played = video.evaluate("async v => { v.muted = true;"
                + " try { await v.play(); return 'ok'; } catch (e) { return e.name + ': ' + e.message"
                + "  + ' (media error ' + (v.error && v.error.code) + ', can play mp4/H.264: '"
                + "  + v.canPlayType('video/mp4; codecs=\"avc1.640015\"') + ', webm/VP9: '"
                + "  + v.canPlayType('video/webm; codecs=\"vp9\"') + ')'; } }");
        assertThat(played).as(what + " plays").isEqualTo("ok");
        video.evaluate("v => new Promise(done => { const tick = () => v.currentTime > 0.2 && v.readyState >= 2"
                + " ? done() : requestAnimationFrame(tick); tick(); })");
        assertThat(video.evaluate("v => v.error === null")).as(what + " has no media error").isEqualTo(true);
        video.evaluate("v => v.pause()");
        String src = (String) video.evaluate("v => v.currentSrc");
        com.microsoft.playwright.APIResponse range = page.request().get(src,
                com.microsoft.playwright.options.RequestOptions.create().setHeader("Range", "bytes=0-99"));
        assertThat(range.status()).as(what + ": a byte range").isEqualTo(206);
        assertThat(range.headers().get("content-type")).startsWith("video/");
        assertThat(range.headers().get("content-range")).startsWith("bytes 0-99/");
        assertThat(range.body()).hasSize(100);
    }

    /**
     * Issue 16: the competition form's categories and rubric and the juror's scoring form fit a 360 px phone
     * and a 1366 px laptop (no field sticks out of its cell, nothing scrolls sideways), and a school's long
     * name (60 characters) in the header ends in "…" on a phone, the whole name kept in its title.
     */
    @Test
    void rubricInputsAndALongSchoolNameFitAPhoneAndALaptop() {
        Fixtures.OnePoster p = Fixtures.onePosterInJudging("Fitting forms", 3, "Fit School", "Fit Poster", "Ria");
        for (int width : new int[] {360, 1366}) {
            try (BrowserContext organiser = sized(width); BrowserContext juror = sized(width)) {
                Page page = organiser.newPage();
                watch(page);
                signIn(page, "organiser", RealStack.ORGANISER_PASSWORD);
                page.waitForURL(url("/organiser"));
                page.navigate(url("/organiser/competitions/new"));
                assertThat(fitsSideways(page, "main form")).as("the competition form at " + width + " px").isEmpty();
                assertThat(cutOff(page)).as("the competition form cut off at " + width + " px").isEmpty();
                if (width == 360) {
                    shot(page, "organiser-competition-form-phone", true);
                    Axe.check(page, "organiser competition form (360 px)");
                }
                Page desk = juror.newPage();
                watch(desk);
                signIn(desk, p.juror().username(), p.juror().password());
                desk.waitForURL(Pattern.compile(".*/(jury|account).*"));
                desk.navigate(url("/jury/entries/" + p.entryId()));
                assertThat(fitsSideways(desk, "section.rubric form")).as("the scoring form at " + width + " px").isEmpty();
                assertThat(cutOff(desk)).as("the juror's entry cut off at " + width + " px").isEmpty();
                if (width == 360) {
                    Axe.check(desk, "jury entry (360 px)");
                }
            }
        }
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Shri Saraswati Vidya Mandir Higher Secondary, Kolkata"));
        assertThat(school.name()).hasSize(60);
        try (BrowserContext phone = chromium.browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(360, 740).setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true))) {
            Page page = phone.newPage();
            watch(page);
            signIn(page, school.username(), school.password());
            page.waitForURL(Pattern.compile(".*/(school|account).*"));
            page.navigate(url("/school"));
            assertThat(cutOff(page)).as("the school portal with a long name at 360 px").isEmpty();
            Locator who = page.locator(".account .who");
            assertThat(who).hasText(school.name());
            assertThat(who).hasAttribute("title", school.name() + " (" + school.username() + ")");
            shot(page, "school-portal-long-name-phone", false);
            Axe.check(page, "school portal with a long name (360 px)");
        }
    }

    private BrowserContext sized(int width) {
        return width < 640 ? chromium.browser.newContext(new Browser.NewContextOptions().setViewportSize(width, 740)
                .setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true)) : desktop();
    }

    /**
     * What sticks out sideways in the form: the form wider than its box, a field outside its parent's box, a
     * region inside that scrolls sideways.
     */
    @SuppressWarnings("unchecked")
    private static List<String> fitsSideways(Page page, String form) {
        return (List<String>) page.evaluate("sel => { const f = document.querySelector(sel); if (!f) return ['no ' + sel];"
                + " const out = []; if (f.scrollWidth > f.clientWidth + 1) out.push('form ' + f.scrollWidth + ' > ' + f.clientWidth);"
                + " for (const i of f.querySelectorAll('input:not([type=hidden]), select, textarea, button')) {"
                + "  const r = i.getBoundingClientRect(); if (r.width === 0) continue;"
                + "  const b = i.parentElement.getBoundingClientRect();"
                + "  if (r.left < b.left - 1 || r.right > b.right + 1) out.push((i.id || i.name || i.textContent.trim())"
                + "   + ' ' + Math.round(r.left) + '..' + Math.round(r.right) + ' in ' + Math.round(b.left) + '..' + Math.round(b.right)); }"
                + " for (const e of f.querySelectorAll('*')) { const o = getComputedStyle(e).overflowX;"
                + "  if ((o === 'auto' || o === 'scroll') && e.scrollWidth > e.clientWidth + 1)"
                + "   out.push('scrolls sideways: ' + e.tagName + '.' + e.className + ' ' + e.scrollWidth + ' > ' + e.clientWidth); }"
                + " return out.slice(0, 10); }", form);
    }

    /** Opens every disclosure (details) and waits until the scroll regions have been marked for it. */
    private static void openEverything(Page page) {
        page.evaluate("async () => { document.querySelectorAll('details').forEach(d => d.open = true);"
                + " await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))); }");
    }

    /**
     * The elements that stick out of the viewport sideways, or a page wider than the viewport: none may,
     * except inside a scroll region the keyboard can reach (app.js marks a frame whose table does not fit)
     * and the skip link, which waits off screen until focused.
     */
    @SuppressWarnings("unchecked")
    private static List<String> cutOff(Page page) {
        return (List<String>) page.evaluate("() => { const w = document.documentElement.clientWidth;"
                + " const out = [...document.querySelectorAll('body *')].filter(e => {"
                + "  const r = e.getBoundingClientRect();"
                + "  if (r.width === 0 || r.height === 0 || e.closest('.skip-link, .visually-hidden')) return false;"
                + "  const region = e.parentElement && e.parentElement.closest('[data-scroll-region][tabindex=\"0\"]');"
                + "  return !region && (r.right > w + 1 || r.left < -1); })"
                + " .slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().left)"
                + "  + '..' + Math.round(e.getBoundingClientRect().right) + ' of ' + w);"
                + " if (document.documentElement.scrollWidth > w + 1) out.push('page ' + document.documentElement.scrollWidth"
                + "  + ' of ' + w);"
                + " return out; }");
    }

    private static JsonPath ballot(org.juryroom.judging.JudgingFixtures.JurorAccount juror, long cid, long rid) {
        return juror.login().as().get("/api/competitions/{cid}/rounds/{rid}/ballot", cid, rid).then().statusCode(200)
                .extract().jsonPath();
    }

    /** The button that opens a confirmation (a details/summary disclosure). */
    private static Locator summary(Page page, String text) {
        return page.locator("summary").filter(new Locator.FilterOptions().setHasText(text));
    }

    private BrowserContext desktop() {
        return chromium.browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900));
    }

    private void signIn(Page page, String username, String password) {
        page.navigate(url("/login"));
        page.fill("#j_username", username);
        page.fill("#j_password", password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    private String url(String path) {
        String root = base.toString().replaceAll("/$", "");
        return root + path;
    }

    private static void shot(Page page, String name, boolean fullPage) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(fullPage));
    }
}
