package org.juryroom.storage.scrub;

import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Renders one page of a PDF with bounded memory, for thumbnails and the viewer's preview alike:
 * the bitmap never exceeds {@code maxBitmapPixels} (the scale is lowered to fit), and every stream
 * the page draws with is held to its limits ({@link PdfStreams}) before PDFBox decodes it.
 */
public final class PdfRender {

    private PdfRender() {
    }

    /**
     * The page {@code index} at {@code scale} (PDF points to pixels) or less. A refusal is a
     * {@link Rejected}; so is an image over {@code maxImagePixels} on the page, or one PDFBox would decode
     * whole past {@code decodeBudget} (the intake's, {@code juryroom.storage.decode-budget}).
     */
    public static BufferedImage page(PDDocument doc, int index, float scale, long maxBitmapPixels, long maxImagePixels,
                                     long decodeBudget) throws IOException {
        PDPage page = doc.getPage(index);
        checkImages(page, index + 1, maxImagePixels, decodeBudget);
        PDRectangle crop = page.getCropBox();
        double area = (double) crop.getWidth() * crop.getHeight();
        if (!(area > 0)) {
            throw new Rejected("pdf-page-size", "page " + (index + 1) + " of the PDF has no area");
        }
        float bounded = (float) Math.min(scale, Math.sqrt(maxBitmapPixels / area));
        PDFRenderer renderer = new PDFRenderer(doc);
        // Images larger than the bitmap are read subsampled, not decoded whole and scaled down.
        renderer.setSubsamplingAllowed(true);
        return renderer.renderImage(index, bounded, ImageType.RGB);
    }

    private static void checkImages(PDPage page, int number, long maxImagePixels, long decodeBudget)
            throws IOException {
        PdfStreams streams = new PdfStreams(decodeBudget);
        PdfContent.of(page, number, maxImagePixels, streams);
        try {
            PdfGraph.walk(page.getResources() == null ? List.of() : List.of(page.getResources().getCOSObject()), d -> {
                if (d instanceof COSStream s) {
                    try {
                        streams.check(s, maxImagePixels);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
