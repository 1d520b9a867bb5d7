package org.juryroom.storage.scrub;

import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;

import java.util.Set;

/**
 * What may never reach a clean PDF, in one place: the rebuild ({@link PdfCopier}) drops it and the
 * check of the written copy ({@link PdfScrubber}) refuses the file if any of it is still there.
 * Active content is anything a viewer runs, opens, fetches or submits; the names below are the
 * dictionary keys and type names that carry it (ISO 32000-2, 12.6 actions, 12.5 annotations,
 * 7.11 file specifications, 12.7 forms including XFA, 13 multimedia).
 */
final class PdfRules {

    /** Keys dropped wherever they occur in copied page resources, and refused in the clean copy. */
    static final Set<String> ACTIVE_KEYS = Set.of(
            "JS", "JavaScript", "AA", "OpenAction", "A", "Next", "XFA", "AcroForm", "EF", "EmbeddedFile",
            "EmbeddedFiles", "URI", "Launch", "SubmitForm", "RichMediaContent", "RichMediaSettings", "Names",
            "Outlines", "Annots", "Metadata", "PieceInfo", "F", "FFilter", "FDecodeParms", "OPI", "Alternates",
            "Perms", "Collection", "Threads", "Dests");

    /**
     * Names that mark a dictionary as an action, annotation, file, form or page-tree node (as its
     * /Type, /S or /Subtype): such a dictionary is dropped whole, and the name may not appear
     * anywhere in the clean copy's pages. {@code PS} is a PostScript XObject, passed to printers raw.
     * Not {@code Screen}: it is also a blend mode; a screen annotation is caught by {@code /Type /Annot}
     * or by its {@code /A} and {@code /AA} keys.
     */
    static final Set<String> ACTIVE_NAMES = Set.of(
            "JavaScript", "JS", "XFA", "AA", "OpenAction", "Launch", "EmbeddedFile", "EmbeddedFiles", "URI",
            "SubmitForm", "ImportData", "ResetForm", "RichMedia", "RichMediaExecute", "GoTo", "GoToR", "GoToE",
            "GoTo3DView", "Rendition", "Movie", "Sound", "Hide", "Named", "SetOCGState", "Thread", "Trans",
            "Action", "Annot", "Link", "Widget", "FileAttachment", "3D", "Filespec", "Sig", "PS",
            "Catalog", "Pages", "Page");

    /** Keys the rebuild never copies because they point back into the document's structure. */
    static final Set<String> STRUCTURE_KEYS = Set.of("Parent", "P");

    private static final COSName LAUNCH = COSName.getPDFName("Launch");

    private PdfRules() {
    }

    static boolean activeKey(COSName key) {
        return ACTIVE_KEYS.contains(key.getName()) || STRUCTURE_KEYS.contains(key.getName());
    }

    static boolean activeName(COSBase value) {
        return value instanceof COSName n && ACTIVE_NAMES.contains(n.getName());
    }

    /** A dictionary that is an action, annotation, file specification or document node. */
    static boolean activeDictionary(COSDictionary d) {
        return activeName(d.getDictionaryObject(COSName.TYPE)) || activeName(d.getDictionaryObject(COSName.S))
                || activeName(d.getDictionaryObject(COSName.SUBTYPE));
    }

    /**
     * Refuses, with a rule a school can act on, the active content this service will not take at
     * all (rather than quietly drop): JavaScript, launch actions, attached files and XFA forms.
     * Everything else active is dropped by the rebuild.
     */
    static void refuseActive(COSDictionary d) {
        COSBase s = d.getDictionaryObject(COSName.S);
        if (d.containsKey(COSName.JS) || d.containsKey(COSName.JAVA_SCRIPT) || COSName.JAVA_SCRIPT.equals(s)) {
            throw javascript();
        }
        if (LAUNCH.equals(s)) {
            throw launch();
        }
        if (d.containsKey(COSName.EF) || d.containsKey(COSName.EMBEDDED_FILES)
                || COSName.EMBEDDED_FILE.equals(d.getCOSName(COSName.TYPE))) {
            throw embeddedFile();
        }
        if (d.containsKey(COSName.XFA)) {
            throw new Rejected("pdf-xfa", "PDFs with XFA forms are not accepted; print the form to a new PDF");
        }
    }

    static Rejected javascript() {
        return new Rejected("pdf-javascript", "PDFs with JavaScript are not accepted; export it again as a plain PDF");
    }

    static Rejected launch() {
        return new Rejected("pdf-launch-action", "PDFs with launch actions (that open programs) are not accepted");
    }

    static Rejected embeddedFile() {
        return new Rejected("pdf-embedded-file", "PDFs with embedded or attached files are not accepted");
    }
}
