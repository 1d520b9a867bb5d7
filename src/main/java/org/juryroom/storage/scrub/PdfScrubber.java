package org.juryroom.storage.scrub;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * PDF intake and clean-up with PDFBox: refuses encrypted files and files that carry JavaScript,
 * launch actions or embedded files (anywhere in the object graph, not only where a viewer looks
 * first); removes the document information dictionary and every XMP metadata stream and
 * PieceInfo; and writes the whole file anew, so that older revisions kept by incremental updates
 * (with their own author and dates) are gone. Renders the first page for the thumbnail.
 */
final class PdfScrubber {

    private static final COSName JS = COSName.getPDFName("JS");
    private static final COSName JAVASCRIPT = COSName.getPDFName("JavaScript");
    private static final COSName LAUNCH = COSName.getPDFName("Launch");
    private static final COSName EMBEDDED_FILE = COSName.getPDFName("EmbeddedFile");
    private static final COSName EMBEDDED_FILES = COSName.getPDFName("EmbeddedFiles");
    private static final COSName PIECE_INFO = COSName.getPDFName("PieceInfo");
    private static final int MAX_DEPTH = 64;

    private PdfScrubber() {
    }

    /** Checks the rules, writes the clean copy to {@code clean}, and returns the first page rendered to fit {@code box}. */
    static BufferedImage scrub(Path original, Path clean, int box) throws IOException {
        try (PDDocument doc = load(original)) {
            if (doc.isEncrypted()) {
                throw new Rejected("pdf-encrypted", "encrypted PDFs are not accepted; save it again without a password");
            }
            if (doc.getNumberOfPages() == 0) {
                throw new Rejected("pdf-no-pages", "the PDF has no pages");
            }
            Map<COSBase, Boolean> seen = new IdentityHashMap<>();
            for (COSObjectKey key : new ArrayList<>(doc.getDocument().getXrefTable().keySet())) {
                COSObject object = doc.getDocument().getObjectFromPool(key);
                visit(object == null ? null : object.getObject(), seen, 0);
            }
            visit(doc.getDocument().getTrailer(), seen, 0);
            doc.getDocument().getTrailer().removeItem(COSName.INFO);
            doc.getDocument().getTrailer().removeItem(COSName.ID);
            doc.setDocumentInformation(new org.apache.pdfbox.pdmodel.PDDocumentInformation());
            doc.getDocument().getTrailer().removeItem(COSName.INFO);
            doc.save(clean.toFile(), CompressParameters.NO_COMPRESSION);
            PDPage first = doc.getPage(0);
            PDRectangle media = first.getCropBox();
            float longest = Math.max(media.getWidth(), media.getHeight());
            float scale = longest <= 0 ? 1 : Math.min(box / longest, 4f);
            return new PDFRenderer(doc).renderImage(0, scale, ImageType.RGB);
        } catch (InvalidPasswordException e) {
            throw new Rejected("pdf-encrypted", "encrypted PDFs are not accepted; save it again without a password");
        } catch (IOException e) {
            // PDFBox reports broken structure (missing objects, bad streams) as IOException.
            throw new Rejected("unreadable", "the PDF is damaged and could not be read: " + e.getMessage());
        }
    }

    private static PDDocument load(Path original) throws IOException {
        try {
            return Loader.loadPDF(original.toFile(), "", IOUtils.createTempFileOnlyStreamCache());
        } catch (InvalidPasswordException e) {
            throw e;
        } catch (IOException e) {
            throw new Rejected("unreadable", "the file could not be read as a PDF");
        }
    }

    /** Refuses active content and strips metadata in one walk over direct and indirect objects. */
    private static void visit(COSBase base, Map<COSBase, Boolean> seen, int depth) {
        COSBase value = base instanceof COSObject o ? o.getObject() : base;
        if (value == null || depth > MAX_DEPTH || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof COSDictionary d) {
            check(d);
            d.removeItem(COSName.METADATA);
            d.removeItem(PIECE_INFO);
            for (COSBase child : new ArrayList<>(d.getValues())) {
                // Indirect children are visited from the cross-reference table; only direct ones here.
                if (!(child instanceof COSObject)) {
                    visit(child, seen, depth + 1);
                }
            }
        } else if (value instanceof COSArray a) {
            for (int i = 0; i < a.size(); i++) {
                COSBase child = a.get(i);
                if (!(child instanceof COSObject)) {
                    visit(child, seen, depth + 1);
                }
            }
        }
    }

    private static void check(COSDictionary d) {
        COSBase s = d.getDictionaryObject(COSName.S);
        if (d.containsKey(JS) || JAVASCRIPT.equals(s) || d.containsKey(JAVASCRIPT)) {
            throw new Rejected("pdf-javascript", "PDFs with JavaScript are not accepted; export it again as a plain PDF");
        }
        if (LAUNCH.equals(s)) {
            throw new Rejected("pdf-launch-action", "PDFs with launch actions (that open programs) are not accepted");
        }
        if (d.containsKey(COSName.EF) || d.containsKey(EMBEDDED_FILES) || EMBEDDED_FILE.equals(d.getCOSName(COSName.TYPE))) {
            throw new Rejected("pdf-embedded-file", "PDFs with embedded or attached files are not accepted");
        }
    }
}
