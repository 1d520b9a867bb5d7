package org.juryroom.web.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.juryroom.web.Fixtures;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One journey per language (issue 14), in a real browser on the same app start as the other browser
 * journeys: in বাংলা a school switches language, creates and submits an entry with a Bengali title,
 * statement and children's names, seeing Bengali labels, hints and an error; in हिन्दी (the browser's
 * language decides the first visit) a juror scores it and sees none of the names in any form.
 */
@QuarkusTest
@TestProfile(BrowserProfile.class)
class LanguageJourneysTest {

    static final List<String> NAMES = List.of("অনন্যা", "ঋত্বিক");

    @TestHTTPResource("/")
    URL base;

    static Chromium chromium;

    @BeforeAll
    static void startBrowser() throws Exception {
        Files.createDirectories(BrowserJourneysTest.SHOTS);
        chromium = Chromium.shared();
    }

    @Test
    void aSchoolInBanglaSubmitsABengaliEntryAndAJurorInHindiScoresItSeeingNoName() {
        long cid = Fixtures.openCompetition(Fixtures.unique("নিরাপদ অনলাইন"), 3);
        Fixtures.Account school = Fixtures.school(Fixtures.unique("নদিয়া বিদ্যালয়"));
        Fixtures.Account juror = Fixtures.juror(Fixtures.unique("प्रिया"));
        Fixtures.jury(cid, List.of(juror));

        try (BrowserContext desktop = chromium.browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1280, 900).setLocale("en-IN"))) {
            Page page = desktop.newPage();
            page.navigate(url("/login"));
            page.fill("#j_username", school.username());
            page.fill("#j_password", school.password());
            page.click("form[action='/j_security_check'] button[type=submit]");
            page.waitForURL(url("/school"));
            page.click("form.lang-switch button[value=bn]");
            page.waitForURL(url("/school"));
            assertThat(page.locator("html")).hasAttribute("lang", "bn");

            page.navigate(url("/school/competitions/" + cid + "/new"));
            assertThat(page.locator("label[for=title]")).hasText("কাজের শিরোনাম");
            assertThat(page.locator("label[for=guardianLanguage-0]")).hasText("অভিভাবককে পাঠানো ই-মেলের ভাষা");
            page.fill("#title", "ছবি তোলার আগে জিজ্ঞেস করো");
            page.selectOption("#categoryCode", "poster");
            page.fill("#statement", "বন্ধুর ছবি অনলাইনে দেওয়ার আগে তার অনুমতি নাও — এই কথাটাই পোস্টারে বলা হয়েছে।");
            String[][] guardians = {{"সুমিত্রা", "+91 98300 22222", "৭খ-১৪"}, {"প্রদীপ", "+91 98300 33333", "৮ক-০৩"}};
            for (int i = 0; i < NAMES.size(); i++) {
                page.fill("#firstName-" + i, NAMES.get(i));
                page.selectOption("#grade-" + i, String.valueOf(7 + i));
                page.fill("#guardianName-" + i, guardians[i][0]);
                page.selectOption("#relationship-" + i, "PARENT");
                page.fill("#guardianPhone-" + i, guardians[i][1]);
                page.fill("#verificationReference-" + i, guardians[i][2]);
                page.check("#scope-judging-" + i);
            }
            page.fill("#attestedBy", "শ্রীমতী দাস, শ্রেণি শিক্ষিকা");
            // The error: a file the category does not take, said in Bengali before anything is sent.
            page.setInputFiles("#files-input", Path.of("uploads-sample/essays/essay-01.pdf"));
            Locator wrong = page.locator(".file-row.bad");
            assertThat(wrong).containsText("এই ধরনের ফাইল এখানে নেওয়া হয় না");
            wrong.locator("button").click();
            page.setInputFiles("#files-input", Path.of("uploads-sample/posters/poster-12.png"));
            shot(page, "school-entry-form-bn");
            page.click("button[data-submit]");
            page.waitForURL(Pattern.compile(".*/school/entries/\\d+\\?created"));
            assertThat(page.locator("main")).containsText("অনন্যা");
            assertThat(page.locator("main")).containsText("ছবি তোলার আগে জিজ্ঞেস করো");

            page.locator("summary").filter(new Locator.FilterOptions().setHasText("জমা দিন")).first().click();
            page.locator("form[action$='/submit'] button").click();
            assertThat(page.locator("main")).containsText("এন্ট্রি জমা হয়েছে");
            shot(page, "school-entry-submitted-bn");
        }

        Fixtures.transition(cid, "JUDGING");
        Fixtures.assign(cid, 1);
        long entryId = Fixtures.queue(juror, cid).get(0);

        // The juror's browser speaks Hindi: the first visit is in Hindi without a choice.
        try (BrowserContext desktop = chromium.browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1280, 900).setLocale("hi-IN"))) {
            Page page = desktop.newPage();
            page.navigate(url("/login"));
            assertThat(page.locator("html")).hasAttribute("lang", "hi");
            page.fill("#j_username", juror.username());
            page.fill("#j_password", juror.password());
            Locator signIn = page.locator("form[action='/j_security_check'] button[type=submit]");
            assertThat(signIn).hasText("प्रवेश करें");
            signIn.click();
            page.waitForURL(Pattern.compile(".*/jury.*"));
            page.navigate(url("/jury/entries/" + entryId));
            assertThat(page.locator("html")).hasAttribute("lang", "hi");
            String seen = page.locator("body").innerText() + page.content();
            for (String name : List.of("অনন্যা", "ঋত্বিক", "অনন্যার", school.name(), "সুমিত্রা", "প্রদীপ")) {
                assertThat(seen).as("a juror sees " + name).doesNotContain(name);
            }
            assertThat(seen).contains("ছবি তোলার আগে জিজ্ঞেস করো");
            for (Locator criterion : page.locator("fieldset.criterion").all()) {
                criterion.locator("label").filter(new Locator.FilterOptions().setHasText(Pattern.compile("^7$")))
                        .click();
            }
            page.fill("#comment", "संदेश साफ़ है, पोस्टर सुंदर बना है।");
            page.locator("button[name=action][value=submit]").click();
            page.waitForURL(Pattern.compile(".*\\?scored"));
            assertThat(page.locator(".alert.ok")).containsText("आपके अंक सहेज लिए गए हैं");
            shot(page, "jury-entry-scored-hi");
        }
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserJourneysTest.SHOTS.resolve(name + ".png"))
                .setFullPage(true));
    }
}
