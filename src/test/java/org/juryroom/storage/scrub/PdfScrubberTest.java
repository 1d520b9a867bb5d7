package org.juryroom.storage.scrub;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** PDF intake file to file: hostile PDFs are refused or rebuilt clean; essays stay readable. */
class PdfScrubberTest {

    static final Path ESSAYS = Path.of("uploads-sample/essays");
    static final PrivacyScrubber.Limits LIMITS = new PrivacyScrubber.Limits(40_000_000, 400);

    @TempDir
    Path work;

    @Test
    void activeContentIsRefusedWhereverItHides() throws Exception {
        assertRefused(HostilePdfs.deepJavaScript(70), "pdf-javascript");
        assertRefused(HostilePdfs.deepJavaScript(500), "pdf-javascript");
        assertRefused(HostilePdfs.xfaWithScript(), "pdf-xfa");
        assertRefused(HostilePdfs.unreferencedJavaScript("/JavaScript"), "pdf-javascript");
        assertRefused(HostilePdfs.unreferencedJavaScript("/Java#53cript"), "pdf-javascript");
    }

    @Test
    void imagesInsideAPdfAreHeldToThePixelLimitBeforeDecoding() throws Exception {
        assertThat(assertRefused(HostilePdfs.pixelBomb(20000, 20000), "pixel-limit").getMessage()).contains("20000×20000");
        byte[] jpeg = Files.readAllBytes(Path.of("uploads-sample/posters/poster-01.jpg"));
        assertThat(assertRefused(HostilePdfs.jpegLyingAboutItsSize(jpeg), "pixel-limit").getMessage()).contains("60000");
        assertRefused(HostilePdfs.inlineImageBomb(), "pixel-limit");
        assertRefused(HostilePdfs.inlineImageBombInAForm(), "pixel-limit");
        // Under the limit the same construction is accepted.
        derive(HostilePdfs.pixelBomb(200, 200)).delete();
    }

    @Test
    void streamsThatInflateFarBeyondTheirPlaceAreRefusedBeforePdfBoxInflatesThem() throws Exception {
        assertRefused(HostilePdfs.deflateBomb(HostilePdfs.BombIn.CONTENT, 100), "pdf-too-complex");
        assertRefused(HostilePdfs.deflateBomb(HostilePdfs.BombIn.IMAGE, 200), "pdf-too-complex");
        assertRefused(HostilePdfs.deflateBomb(HostilePdfs.BombIn.FORM, 80), "pdf-too-complex");
        // A form is read whole to check its inline images, as a page's content is: within a page's 16 MiB.
        assertRefused(HostilePdfs.deflateBomb(HostilePdfs.BombIn.FORM, 20), "pdf-too-complex");
        assertRefused(HostilePdfs.objectStreamBomb(80), "pdf-too-complex");
        assertRefused(HostilePdfs.inlineDeflateBomb(100), "pdf-too-complex");
        derive(HostilePdfs.inlineDeflateBomb(0)).delete();
        // The same places with ordinary sizes are accepted.
        derive(HostilePdfs.deflateBomb(HostilePdfs.BombIn.FORM, 1)).delete();
        derive(HostilePdfs.objectStreamBomb(1)).delete();
    }

    @Test
    void onlyValidPdfsAreAccepted() throws Exception {
        byte[] essay = Files.readAllBytes(ESSAYS.resolve("essay-01.pdf"));
        assertRefused(Arrays.copyOf(essay, essay.length / 2), "pdf-truncated");
        assertRefused(Arrays.copyOf(essay, essay.length - 7), "pdf-truncated");
        byte[] hole = new byte[essay.length - 200];
        System.arraycopy(essay, 0, hole, 0, 400);
        System.arraycopy(essay, 600, hole, 400, essay.length - 600);
        assertRefused(hole, "unreadable");
        byte[] noHeader = essay.clone();
        noHeader[1] = 'X';
        assertRefused(noHeader, "unreadable");
        assertRefused(HostilePdfs.pages(0), "pdf-no-pages");
        assertRefused(HostilePdfs.pages(PdfScrubber.MAX_PAGES + 1), "pdf-too-many-pages");
        assertRefused(HostilePdfs.pageOfSize(20000, 10), "pdf-page-size");
        assertRefused(HostilePdfs.pageOfSize(0.01f, 800), "pdf-page-size");
        assertRefused(HostilePdfs.nestedResources(PdfCopier.MAX_DEPTH + 10), "pdf-too-deep");
        // Deeper than PDFBox parses: it skips the object, so intake refuses the file as damaged.
        assertRefused(HostilePdfs.nestedResources(1000), "unreadable");
        assertThat(HostilePdfs.pageCount(read(derive(HostilePdfs.pages(PdfScrubber.MAX_PAGES)).clean())))
                .isEqualTo(PdfScrubber.MAX_PAGES);
    }

    @Test
    void theCleanCopyIsRebuiltFromPageContentAloneWithEveryActivePartLeftBehind() throws Exception {
        byte[] hostile = HostilePdfs.everythingActiveButRefusable();
        assertThat(HostilePdfs.activeInBytes(hostile)).as("the sample really is hostile")
                .contains("URI", "SubmitForm", "RichMedia", "AA", "OpenAction", "AcroForm", "Annots", "Outlines");
        PrivacyScrubber.Derived d = derive(hostile);
        byte[] clean = read(d.clean());
        assertThat(HostilePdfs.activeInBytes(clean)).isEmpty();
        assertThat(HostilePdfs.activeParsed(clean)).isEmpty();
        assertThat(new String(clean, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("evil", "Riya");
        assertThat(HostilePdfs.text(clean)).contains("Hello from an essay", "inside a form");
        assertThat(HostilePdfs.pageCount(clean)).isEqualTo(1);
        assertThat(ImageIO.read(d.thumbnail().toFile())).isNotNull();
    }

    @Test
    void everySampleEssayKeepsItsPagesAndTextAndGainsNothingActive() throws Exception {
        List<Path> essays;
        try (Stream<Path> files = Files.list(ESSAYS)) {
            essays = files.sorted().toList();
        }
        assertThat(essays).hasSizeGreaterThanOrEqualTo(8);
        for (Path essay : essays) {
            byte[] original = Files.readAllBytes(essay);
            byte[] clean = read(PrivacyScrubber.derive(essay, "application/pdf", LIMITS, work).clean());
            assertThat(HostilePdfs.pageCount(clean)).as(essay.toString()).isEqualTo(HostilePdfs.pageCount(original));
            assertThat(HostilePdfs.text(clean)).as(essay.toString()).isEqualTo(HostilePdfs.text(original)).isNotBlank();
            assertThat(HostilePdfs.activeParsed(clean)).as(essay.toString()).isEmpty();
            assertThat(HostilePdfs.activeInBytes(clean)).as(essay.toString()).isEmpty();
        }
    }

    @Test
    void nothingIsLeftInTheWorkDirectoryAfterARefusal() throws Exception {
        assertRefused(HostilePdfs.pixelBomb(20000, 20000), "pixel-limit");
        assertRefused(HostilePdfs.nestedResources(PdfCopier.MAX_DEPTH + 10), "pdf-too-deep");
        try (Stream<Path> left = Files.list(work)) {
            assertThat(left.map(p -> p.getFileName().toString())).allMatch(n -> n.startsWith("input-"));
        }
    }

    @Test
    void aRenderedPageNeverExceedsItsPixelBudgetWhateverItsShape() throws Exception {
        try (PDDocument doc = Loader.loadPDF(HostilePdfs.pageOfSize(10, 14_400))) {
            BufferedImage image = PdfRender.page(doc, 0, 3f, 1_000_000, LIMITS.maxPixels(), LIMITS.decodeBudget());
            assertThat((long) image.getWidth() * image.getHeight()).isLessThanOrEqualTo(1_000_000);
        }
        try (PDDocument doc = Loader.loadPDF(HostilePdfs.pixelBomb(20000, 20000))) {
            assertThatThrownBy(() -> PdfRender.page(doc, 0, 1f, 1_000_000, LIMITS.maxPixels(), LIMITS.decodeBudget()))
                    .isInstanceOf(Rejected.class).hasMessageContaining("20000×20000");
        }
    }

    private Rejected assertRefused(byte[] pdf, String rule) throws Exception {
        Path in = Files.write(Files.createTempFile(work, "input-", ".pdf"), pdf);
        Rejected e = catchThrowableOfType(Rejected.class, () -> PrivacyScrubber.derive(in, "application/pdf", LIMITS, work));
        assertThat(e).as("refused as " + rule).isNotNull();
        assertThat(e.rule()).as(e.getMessage()).isEqualTo(rule);
        return e;
    }

    private PrivacyScrubber.Derived derive(byte[] pdf) throws Exception {
        Path in = Files.write(Files.createTempFile(work, "input-", ".pdf"), pdf);
        return PrivacyScrubber.derive(in, "application/pdf", LIMITS, work);
    }

    private static byte[] read(Path p) throws Exception {
        return Files.readAllBytes(p);
    }
}
