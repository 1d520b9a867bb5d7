package org.juryroom.web;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.juryroom.common.ProblemException;
import org.juryroom.storage.ObjectStore;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Renders the first page of a stored PDF as a PNG, so a juror sees an essay without a PDF
 * plug-in (the file itself is sent as an attachment with a sandbox policy). Only pixels leave:
 * no text layer, no metadata.
 */
@ApplicationScoped
public class PdfPreviews {

    /** Wide enough to read on a projector, small enough for a phone (A4 at this width ≈ 1 MB decoded). */
    static final float TARGET_WIDTH_PX = 1100f;

    private final ObjectStore store;

    public PdfPreviews(ObjectStore store) {
        this.store = store;
    }

    public byte[] firstPage(String objectKey) {
        try (InputStream in = store.get(objectKey);
             PDDocument pdf = Loader.loadPDF(new RandomAccessReadBuffer(in), "",
                     null, null, MemoryUsageSetting.setupMixed(64L << 20).streamCache)) {
            if (pdf.getNumberOfPages() == 0) {
                throw ProblemException.notFound("A first page");
            }
            float widthPt = pdf.getPage(0).getMediaBox().getWidth();
            float scale = widthPt > 0 ? TARGET_WIDTH_PX / widthPt : 1.5f;
            BufferedImage image = new PDFRenderer(pdf).renderImage(0, Math.min(scale, 3f), ImageType.RGB);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        } catch (IOException e) {
            throw new ProblemException(422, "Unprocessable entity", "The PDF could not be shown; download it instead");
        }
    }
}
