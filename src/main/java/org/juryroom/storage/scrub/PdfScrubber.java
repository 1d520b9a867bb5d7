package org.juryroom.storage.scrub;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdfparser.PDFParser;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * PDF intake. A PDF is accepted only if it is valid (docs/privacy.md, "A valid PDF": header and
 * end marker ({@link PdfBytes}), a strict parse, 1..{@link #MAX_PAGES} pages of sane size whose
 * content parses, every stream within its size) and carries no JavaScript, launch action, attached file or XFA form. Its clean copy is
 * not the upload with parts removed but a new document holding only each page's geometry, drawing
 * instructions and the resources they draw with ({@link PdfCopier}); no catalog entries, actions,
 * annotations, forms, outlines, names, metadata or document information come along. The written
 * copy is read back and checked against {@link PdfRules}. Every limit reached is a refusal.
 */
final class PdfScrubber {

    /** Pages in one essay. */
    static final int MAX_PAGES = 500;
    /** Longest page side in points: ISO 32000 (Annex C) allows 14 400 (200 inches). */
    static final float MAX_PAGE_SIDE = 14_400f;
    private static final Set<String> CATALOG_KEYS = Set.of("Type", "Pages", "Version");
    private static final Set<String> PAGE_KEYS = Set.of("Type", "Parent", "MediaBox", "CropBox", "Rotate",
            "Resources", "Contents", "Group");

    private PdfScrubber() {
    }

    /**
     * Checks the rules, writes the rebuilt copy to {@code clean}, and returns its first page
     * rendered to fit {@code box}.
     */
    static BufferedImage scrub(Path original, Path clean, int box, long maxPixels, long decodeBudget)
            throws IOException {
        PdfBytes.check(original);
        try {
            try (PDDocument source = load(original)) {
                checkSource(source);
                try (PDDocument rebuilt = rebuild(source, maxPixels, decodeBudget)) {
                    rebuilt.save(clean.toFile(), CompressParameters.NO_COMPRESSION);
                }
            }
            // The thumbnail, like everything a reader gets, comes from the copy as written.
            try (PDDocument copy = load(clean)) {
                verify(copy);
                PDRectangle first = copy.getPage(0).getCropBox();
                float longest = Math.max(first.getWidth(), first.getHeight());
                return PdfRender.page(copy, 0, Math.min(box / longest, 4f), (long) box * box, maxPixels, decodeBudget);
            }
        } catch (InvalidPasswordException e) {
            throw encrypted();
        } catch (IOException e) {
            // PDFBox reports broken structure (missing objects, bad streams) as IOException.
            throw (Rejected) new Rejected("unreadable", "the PDF is damaged and could not be read").initCause(e);
        }
    }

    /** Strict parsing: no guessing at a broken cross-reference table, no repair of missing objects. */
    private static PDDocument load(Path file) throws IOException {
        RandomAccessReadBufferedFile in = new RandomAccessReadBufferedFile(file);
        try {
            return new PDFParser(in, "", null, null, IOUtils.createTempFileOnlyStreamCache()).parse(false);
        } catch (InvalidPasswordException e) {
            in.close();
            throw encrypted();
        } catch (IOException | RuntimeException e) {
            in.close();
            throw (Rejected) new Rejected("unreadable", "the file could not be read as a PDF").initCause(e);
        }
    }

    private static void checkSource(PDDocument doc) {
        if (doc.isEncrypted()) {
            throw encrypted();
        }
        int pages = doc.getNumberOfPages();
        if (pages == 0) {
            throw new Rejected("pdf-no-pages", "the PDF has no pages");
        }
        if (pages > MAX_PAGES) {
            throw new Rejected("pdf-too-many-pages", "the PDF has " + pages + " pages; at most " + MAX_PAGES
                    + " are accepted");
        }
        var xref = doc.getDocument().getXrefTable();
        if (xref.size() > PdfGraph.MAX_CONTAINERS) {
            throw new Rejected("pdf-too-complex", "the PDF has more than " + PdfGraph.MAX_CONTAINERS
                    + " objects; save or print it again as a simpler PDF");
        }
        List<COSBase> roots = new ArrayList<>();
        roots.add(doc.getDocument().getTrailer());
        for (COSObjectKey key : new ArrayList<>(xref.keySet())) {
            COSObject object = doc.getDocument().getObjectFromPool(key);
            if (object == null || object.getObject() == null) {
                // PDFBox logs and skips an object it cannot parse (or nests too deeply); so would the walk.
                throw new Rejected("unreadable", "the PDF is damaged: object " + key.getNumber() + " cannot be read");
            }
            roots.add(object);
        }
        PdfGraph.walk(roots, PdfRules::refuseActive);
    }

    /** A new document with each page's boxes, rotation, content and resources, and nothing else. */
    private static PDDocument rebuild(PDDocument source, long maxPixels, long decodeBudget) throws IOException {
        PDDocument out = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
        try {
            PdfStreams streams = new PdfStreams(decodeBudget);
            PdfCopier copier = new PdfCopier(out.getDocument(), maxPixels, streams);
            for (int i = 0; i < source.getNumberOfPages(); i++) {
                PDPage from = source.getPage(i);
                PDPage page = new PDPage(checkedBox(from.getMediaBox(), i + 1));
                page.setCropBox(checkedBox(from.getCropBox(), i + 1));
                page.setRotation(from.getRotation());
                PDResources resources = from.getResources();
                page.setResources(new PDResources(copier.resources(resources == null ? null : resources.getCOSObject(), i + 1)));
                COSBase group = copier.copy(from.getCOSObject().getDictionaryObject(COSName.GROUP), 1);
                if (group instanceof COSDictionary) {
                    page.getCOSObject().setItem(COSName.GROUP, group);
                }
                byte[] content = PdfContent.of(from, i + 1, maxPixels, streams);
                page.setContents(new PDStream(out, new ByteArrayInputStream(content), COSName.FLATE_DECODE));
                out.addPage(page);
            }
            return out;
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
    }

    private static PDRectangle checkedBox(PDRectangle box, int number) {
        float w = box.getWidth();
        float h = box.getHeight();
        if (!(w >= 1 && h >= 1 && w <= MAX_PAGE_SIDE && h <= MAX_PAGE_SIDE)) {
            throw new Rejected("pdf-page-size", "page " + number + " of the PDF is " + w + "×" + h
                    + " points; pages from 1 to " + (int) MAX_PAGE_SIDE + " points a side are accepted");
        }
        return new PDRectangle(box.getLowerLeftX(), box.getLowerLeftY(), w, h);
    }

    /**
     * The written copy, read back: only the catalog's page tree, pages with the keys the rebuild
     * sets, and nothing {@link PdfRules} names anywhere below them. Should the rebuild ever let
     * something through, the upload is refused rather than stored.
     */
    private static void verify(PDDocument copy) {
        COSDictionary catalog = copy.getDocumentCatalog().getCOSObject();
        onlyKeys(catalog, CATALOG_KEYS);
        List<COSBase> below = new ArrayList<>();
        for (PDPage page : copy.getPages()) {
            onlyKeys(page.getCOSObject(), PAGE_KEYS);
            for (COSName key : List.of(COSName.RESOURCES, COSName.CONTENTS, COSName.GROUP)) {
                COSBase value = page.getCOSObject().getItem(key);
                if (value != null) {
                    below.add(value);
                }
            }
        }
        PdfGraph.walk(below, d -> {
            if (PdfRules.activeDictionary(d)) {
                throw unsafe(d.toString());
            }
            d.forEach((key, value) -> {
                if (PdfRules.activeKey(key) || PdfRules.activeName(value)
                        || value instanceof COSArray a && a.toList().stream().anyMatch(PdfRules::activeName)) {
                    throw unsafe(key.getName());
                }
            });
        });
    }

    private static void onlyKeys(COSDictionary d, Set<String> allowed) {
        for (COSName key : d.keySet()) {
            if (!allowed.contains(key.getName())) {
                throw unsafe(key.getName());
            }
        }
    }

    private static Rejected unsafe(String what) {
        return new Rejected("pdf-unsafe", "the PDF could not be rebuilt without its active content (" + what + ")");
    }

    private static Rejected encrypted() {
        return new Rejected("pdf-encrypted", "encrypted PDFs are not accepted; save it again without a password");
    }
}
