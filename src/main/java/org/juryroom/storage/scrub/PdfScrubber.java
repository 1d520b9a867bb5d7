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
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * PDF intake. A PDF is accepted only if it is valid (see {@link #MAX_PAGES} and docs/privacy.md:
 * header, end marker, a strict parse, 1..{@link #MAX_PAGES} pages of sane size whose content
 * parses) and carries no JavaScript, launch action, attached file or XFA form. Its clean copy is
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
    /** Where the end-of-file marker must be: PDFBox's own look-up range. */
    private static final int EOF_WINDOW = 2048;
    /** Names refused wherever they occur in the file, referenced or not (see {@link #scanNames}). */
    private static final Map<String, Supplier<Rejected>> RAW_NAMES = Map.of(
            "JavaScript", PdfRules::javascript, "Launch", PdfRules::launch,
            "EmbeddedFile", PdfRules::embeddedFile, "EmbeddedFiles", PdfRules::embeddedFile);
    private static final Set<String> CATALOG_KEYS = Set.of("Type", "Pages", "Version");
    private static final Set<String> PAGE_KEYS = Set.of("Type", "Parent", "MediaBox", "CropBox", "Rotate",
            "Resources", "Contents", "Group");

    private PdfScrubber() {
    }

    /**
     * Checks the rules, writes the rebuilt copy to {@code clean}, and returns its first page
     * rendered to fit {@code box}.
     */
    static BufferedImage scrub(Path original, Path clean, int box, long maxPixels) throws IOException {
        checkFraming(original);
        scanNames(original);
        try (PDDocument source = load(original)) {
            checkSource(source);
            try (PDDocument rebuilt = rebuild(source, maxPixels)) {
                rebuilt.save(clean.toFile(), CompressParameters.NO_COMPRESSION);
            }
        } catch (InvalidPasswordException e) {
            throw encrypted();
        } catch (IOException e) {
            // PDFBox reports broken structure (missing objects, bad streams) as IOException.
            throw new Rejected("unreadable", "the PDF is damaged and could not be read: " + e.getMessage());
        }
        try (PDDocument copy = load(clean)) {
            verify(copy);
            PDRectangle first = copy.getPage(0).getCropBox();
            float longest = Math.max(first.getWidth(), first.getHeight());
            return PdfRender.page(copy, 0, Math.min(box / longest, 4f), (long) box * box, maxPixels);
        }
    }

    /** A header at the start and an end-of-file marker at the end: a cut-off upload has none. */
    private static void checkFraming(Path file) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            byte[] head = new byte[5];
            if (in.length() < 5 || in.read(head) != 5 || !"%PDF-".equals(new String(head, StandardCharsets.ISO_8859_1))) {
                throw new Rejected("unreadable", "the file does not start with a PDF header");
            }
            long from = Math.max(0, in.length() - EOF_WINDOW);
            byte[] tail = new byte[(int) (in.length() - from)];
            in.seek(from);
            in.readFully(tail);
            if (!new String(tail, StandardCharsets.ISO_8859_1).contains("%%EOF")) {
                throw new Rejected("pdf-truncated", "the PDF is incomplete (it has no end-of-file marker); "
                        + "upload it again or save it anew");
            }
        }
    }

    /**
     * Refuses active content's names anywhere in the bytes, also in objects no cross-reference
     * table lists (left over by editing, or hidden for viewers that rebuild a broken table): the
     * sealed original is downloaded by organisers. Names are decoded ({@code /Java#53cript}).
     * Only long names are looked for, which binary data does not produce by chance.
     */
    private static void scanNames(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            StringBuilder name = null;
            int b;
            do {
                b = in.read();
                if (name != null && regular(b) && name.length() <= 32) {
                    name.append((char) b);
                    continue;
                }
                if (name != null) {
                    Supplier<Rejected> refusal = RAW_NAMES.get(decodeName(name));
                    if (refusal != null) {
                        throw refusal.get();
                    }
                    name = null;
                }
                if (b == '/') {
                    name = new StringBuilder();
                }
            } while (b >= 0);
        }
    }

    private static boolean regular(int b) {
        return b > ' ' && b < 127 && "()<>[]{}/%".indexOf(b) < 0;
    }

    /** A name with its {@code #xx} escapes resolved. */
    private static String decodeName(CharSequence raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            int hi = c == '#' && i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
            if (lo >= 0) {
                out.append((char) (hi << 4 | lo));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
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
            throw new Rejected("unreadable", "the file could not be read as a PDF: " + e.getMessage());
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
    private static PDDocument rebuild(PDDocument source, long maxPixels) throws IOException {
        PDDocument out = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
        try {
            PdfStreams streams = new PdfStreams();
            PdfCopier copier = new PdfCopier(out.getDocument(), maxPixels, streams);
            for (int i = 0; i < source.getNumberOfPages(); i++) {
                PDPage from = source.getPage(i);
                PDPage page = new PDPage(checkedBox(from.getMediaBox(), i + 1));
                page.setCropBox(checkedBox(from.getCropBox(), i + 1));
                page.setRotation(from.getRotation());
                PDResources resources = from.getResources();
                page.setResources(new PDResources(copier.resources(resources == null ? null : resources.getCOSObject())));
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
