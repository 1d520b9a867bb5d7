package org.juryroom.storage.scrub;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDInlineImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.juryroom.storage.scrub.PrivacyScrubberTest.LIMITS;
import static org.juryroom.storage.scrub.PrivacyScrubberTest.SAMPLES;
import static org.juryroom.storage.scrub.PrivacyScrubberTest.identifying;

/**
 * A photo in a PDF is a JPEG file with all its EXIF, GPS and XMP, and pdfTeX and others add the source
 * file's author and path to the image's dictionary: the clean copy keeps the pictures, drawable, and
 * none of that.
 */
class PdfImageMetadataTest {

    static final List<String> IDENTIFYING = List.of("Arindam", "Dey", "IMG_0042", "IMG_0043", "PTEX", "Exif",
            "Kapoor", "Rahman", "Kavita", "samsung", "iPhone", "xmpmeta");

    @TempDir
    Path work;

    @Test
    void jpegImagesAndInlineImagesLoseTheirExifGpsAndPrivateKeysAndStillDraw() throws Exception {
        Path original = Files.write(work.resolve("photos.pdf"), HostilePdfs.photoEssay(SAMPLES));
        assertThat(new String(Files.readAllBytes(original), StandardCharsets.ISO_8859_1))
                .as("the crafted PDF really carries it").contains("Arindam Dey", "IMG_0042", "IMG_0043", "Exif");
        PrivacyScrubber.Derived d = PrivacyScrubber.derive(original, "application/pdf", LIMITS, work);
        assertThat(new String(Files.readAllBytes(d.clean()), StandardCharsets.ISO_8859_1)).doesNotContain(IDENTIFYING);
        try (PDDocument clean = Loader.loadPDF(d.clean().toFile())) {
            PDPage page = clean.getPage(0);
            List<PDImageXObject> images = new ArrayList<>();
            for (COSName name : page.getResources().getXObjectNames()) {
                images.add((PDImageXObject) page.getResources().getXObject(name));
            }
            assertThat(images).hasSize(1);
            PDImageXObject image = images.get(0);
            assertThat(image.getCOSObject().keySet()).noneMatch(k -> k.getName().contains("PTEX"))
                    .doesNotContain(COSName.METADATA);
            byte[] jpeg;
            try (var in = image.getCOSObject().createRawInputStream()) {
                jpeg = in.readAllBytes();
            }
            assertThat(identifying(Files.write(work.resolve("image.jpg"), jpeg))).isEmpty();
            BufferedImage drawn = image.getImage();
            assertThat(drawn.getWidth()).isEqualTo(javax.imageio.ImageIO.read(
                    SAMPLES.resolve("posters/poster-03-phone-gps.jpg").toFile()).getWidth());

            Operator op = inlineImage(page);
            assertThat(op.getImageParameters().keySet()).noneMatch(k -> k.getName().contains("PTEX"));
            assertThat(identifying(Files.write(work.resolve("inline.jpg"), op.getImageData()))).isEmpty();
            PDInlineImage inline = new PDInlineImage(op.getImageParameters(), op.getImageData(), page.getResources());
            assertThat(inline.getImage().getWidth()).isEqualTo(javax.imageio.ImageIO.read(
                    SAMPLES.resolve("posters/poster-06-author-only.jpg").toFile()).getWidth());
        }
        assertThat(javax.imageio.ImageIO.read(d.thumbnail().toFile())).isNotNull();
    }

    /**
     * A page draws a picture through a form XObject, a tiling pattern or a Type 3 glyph as readily as by itself: an
     * inline JPEG in any of those loses its EXIF and private keys like one in the page's own content, and still draws.
     */
    @Test
    void inlinePhotosDrawnThroughAFormAPatternOrAGlyphLoseTheirExifAndStillDraw() throws Exception {
        Path original = Files.write(work.resolve("drawn.pdf"), HostilePdfs.photosDrawnThroughForms(SAMPLES));
        assertThat(new String(Files.readAllBytes(original), StandardCharsets.ISO_8859_1))
                .as("the crafted PDF really carries it").contains("IMG_0044", "IMG_0045", "IMG_0046", "Exif", "Kavita");
        PrivacyScrubber.Derived d = PrivacyScrubber.derive(original, "application/pdf", LIMITS, work);
        int width = javax.imageio.ImageIO.read(SAMPLES.resolve("posters/poster-06-author-only.jpg").toFile()).getWidth();
        try (PDDocument clean = Loader.loadPDF(d.clean().toFile())) {
            StringBuilder everything = new StringBuilder();
            for (var key : clean.getDocument().getXrefTable().keySet()) {
                if (clean.getDocument().getObjectFromPool(key).getObject() instanceof COSStream stream) {
                    try (var in = stream.createInputStream()) {
                        everything.append(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
                    }
                }
            }
            assertThat(everything.toString()).as("every stream, decoded")
                    .doesNotContain(IDENTIFYING).doesNotContain("IMG_0044", "IMG_0045", "IMG_0046");
            PDResources resources = clean.getPage(0).getResources();
            COSStream form = (COSStream) resources.getCOSObject().getCOSDictionary(COSName.XOBJECT)
                    .getDictionaryObject(COSName.getPDFName("Photo"));
            COSStream pattern = (COSStream) resources.getCOSObject().getCOSDictionary(COSName.PATTERN)
                    .getDictionaryObject(COSName.getPDFName("Tiles"));
            COSStream glyph = (COSStream) resources.getCOSObject().getCOSDictionary(COSName.FONT)
                    .getCOSDictionary(COSName.getPDFName("Glyphs")).getCOSDictionary(COSName.getPDFName("CharProcs"))
                    .getDictionaryObject(COSName.getPDFName("photo"));
            for (COSStream drawing : List.of(form, pattern, glyph)) {
                byte[] content;
                try (var in = drawing.createInputStream()) {
                    content = in.readAllBytes();
                }
                Operator op = inlineImage(new PDFStreamParser(content));
                assertThat(op.getImageParameters().keySet()).noneMatch(k -> k.getName().contains("PTEX"));
                assertThat(identifying(Files.write(work.resolve("drawn.jpg"), op.getImageData()))).isEmpty();
                assertThat(new PDInlineImage(op.getImageParameters(), op.getImageData(), resources).getImage()
                        .getWidth()).isEqualTo(width);
            }
        }
    }

    /**
     * JPEG data in real PDFs often lacks its end-of-image marker or has stray bytes before a marker; PDF readers
     * draw it, so intake takes it (cleaned) as they do. A JPEG uploaded as a file of its own stays held to the format.
     */
    @Test
    void jpegDataInAPdfMayLackItsEndMarkerOrHaveStrayBytesBeforeAMarker() throws Exception {
        byte[] photo = Files.readAllBytes(SAMPLES.resolve("posters/poster-03-phone-gps.jpg"));
        byte[] unterminated = java.util.Arrays.copyOf(photo, photo.length - 2); // without its FF D9
        byte[] stray = new byte[photo.length + 3]; // three stray bytes right after the start-of-image marker
        System.arraycopy(photo, 0, stray, 0, 2);
        stray[2] = 0x00;
        stray[3] = 0x12;
        stray[4] = 0x34;
        System.arraycopy(photo, 2, stray, 5, photo.length - 2);
        for (byte[] flawed : List.of(unterminated, stray)) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            JpegScrubber.scrub(new java.io.ByteArrayInputStream(flawed), out);
            Path clean = Files.write(work.resolve("clean-" + flawed.length + ".jpg"), out.toByteArray());
            assertThat(identifying(clean)).isEmpty();
            assertThat(javax.imageio.ImageIO.read(clean.toFile())).isNotNull();
            Path alone = Files.write(work.resolve("alone-" + flawed.length + ".jpg"), flawed);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> JpegScrubber.scrub(alone, work.resolve("o.jpg")))
                    .isInstanceOf(Rejected.class);
        }
    }

    @Test
    void privateKeysAreThoseWithADotOrAColonWhichNoStandardKeyHas() {
        assertThat(PdfCopier.privateKey(COSName.getPDFName("PTEX.FileName"))).isTrue();
        assertThat(PdfCopier.privateKey(COSName.getPDFName("AAPL:Keywords"))).isTrue();
        assertThat(PdfCopier.privateKey(COSName.getPDFName("BitsPerComponent"))).isFalse();
    }

    private static Operator inlineImage(PDPage page) throws Exception {
        return inlineImage(new PDFStreamParser(page));
    }

    private static Operator inlineImage(PDFStreamParser parser) throws Exception {
        for (Object token = parser.parseNextToken(); token != null; token = parser.parseNextToken()) {
            if (token instanceof Operator op && "BI".equals(op.getName())) {
                return op;
            }
        }
        throw new AssertionError("no inline image");
    }
}
