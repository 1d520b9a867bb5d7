package org.juryroom.storage;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** PDFs made with PDFBox: ones that break one intake rule each, and ones that name their authors. */
public final class TestPdfs {

    private TestPdfs() {
    }

    static byte[] withJavaScript() throws Exception {
        return make(doc -> doc.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hi')")));
    }

    static byte[] withLaunchAction() throws Exception {
        return make(doc -> {
            PDActionLaunch launch = new PDActionLaunch();
            launch.getCOSObject().setString(org.apache.pdfbox.cos.COSName.F, "cmd.exe");
            doc.getDocumentCatalog().setOpenAction(launch);
        });
    }

    static byte[] withEmbeddedFile() throws Exception {
        return make(doc -> {
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile("payload.exe");
            PDEmbeddedFile file = new PDEmbeddedFile(doc, new ByteArrayInputStream(new byte[] {'M', 'Z'}));
            spec.setEmbeddedFile(file);
            PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
            tree.setNames(Map.of("payload.exe", spec));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
            names.setEmbeddedFiles(tree);
            doc.getDocumentCatalog().setNames(names);
        });
    }

    static byte[] encrypted() throws Exception {
        return make(doc -> doc.protect(new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission())));
    }

    /**
     * A PDF as office software writes it: the author and the creating tool in the document
     * information (Author, Creator, Producer, Title, Subject, Keywords) and in XMP, for the
     * document and its page. Saved without compression, so the names are in the raw bytes too.
     */
    public static byte[] withAuthors(String author, String organisation, String title) throws Exception {
        byte[] xmp = xmp(author, organisation, title).getBytes(StandardCharsets.UTF_8);
        return make(CompressParameters.NO_COMPRESSION, doc -> {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setAuthor(author);
            info.setCreator(organisation);
            info.setProducer(organisation + " word processor");
            info.setTitle(title);
            info.setSubject("Essay by " + author);
            info.setKeywords(author + ", " + organisation);
            info.setCustomMetadataValue("Company", organisation);
            doc.getDocumentCatalog().setMetadata(new PDMetadata(doc, new ByteArrayInputStream(xmp)));
            doc.getPage(0).setMetadata(new PDMetadata(doc, new ByteArrayInputStream(xmp)));
        });
    }

    private static String xmp(String author, String organisation, String title) {
        return """
                <?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
                <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
                    xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
                <dc:creator><rdf:Seq><rdf:li>%1$s</rdf:li></rdf:Seq></dc:creator>
                <dc:title><rdf:Alt><rdf:li xml:lang="x-default">%3$s</rdf:li></rdf:Alt></dc:title>
                <dc:publisher><rdf:Bag><rdf:li>%2$s</rdf:li></rdf:Bag></dc:publisher>
                <xmp:CreatorTool>%2$s</xmp:CreatorTool><pdf:Producer>%2$s</pdf:Producer>
                </rdf:Description></rdf:RDF></x:xmpmeta>
                <?xpacket end="w"?>""".formatted(author, organisation, title);
    }

    /** The document information, as PDFBox reads it: every key, standard or custom, with its value. */
    public static String information(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDDocumentInformation info = doc.getDocumentInformation();
            StringBuilder out = new StringBuilder();
            for (var key : info.getMetadataKeys()) {
                out.append(key).append('=').append(info.getPropertyStringValue(key)).append('\n');
            }
            return out.toString();
        }
    }

    /** The decoded XMP streams of the document and of every page (empty when there are none). */
    public static String xmp(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<PDMetadata> all = new ArrayList<>();
            all.add(doc.getDocumentCatalog().getMetadata());
            doc.getPages().forEach(page -> all.add(page.getMetadata()));
            StringBuilder out = new StringBuilder();
            for (PDMetadata m : all) {
                if (m != null) {
                    out.append(new String(m.toByteArray(), StandardCharsets.UTF_8));
                }
            }
            return out.toString();
        }
    }

    /**
     * Every string and every decoded stream of the file, object streams included: what a byte
     * search misses when the file is compressed.
     */
    public static String decoded(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            StringBuilder out = new StringBuilder();
            Map<COSBase, Boolean> seen = new IdentityHashMap<>();
            for (COSObjectKey key : new ArrayList<>(doc.getDocument().getXrefTable().keySet())) {
                COSObject object = doc.getDocument().getObjectFromPool(key);
                collect(object == null ? null : object.getObject(), out, seen);
            }
            collect(doc.getDocument().getTrailer(), out, seen);
            return out.toString();
        }
    }

    private static void collect(COSBase value, StringBuilder out, Map<COSBase, Boolean> seen) throws IOException {
        if (value instanceof COSObject o) {
            value = o.getObject();
        }
        if (value == null || seen.put(value, true) != null) {
            return;
        }
        if (value instanceof COSString s) {
            out.append(s.getString()).append('\n');
        } else if (value instanceof org.apache.pdfbox.cos.COSArray array) {
            for (COSBase item : array) {
                collect(item, out, seen);
            }
        } else if (value instanceof COSDictionary dict) {
            for (COSBase item : dict.getValues()) {
                collect(item, out, seen);
            }
            if (dict instanceof COSStream stream) {
                try (InputStream in = stream.createInputStream()) {
                    out.append(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)).append('\n');
                }
            }
        }
    }

    private interface Change {
        void apply(PDDocument doc) throws Exception;
    }

    private static byte[] make(Change change) throws Exception {
        return make(CompressParameters.DEFAULT_COMPRESSION, change);
    }

    private static byte[] make(CompressParameters compression, Change change) throws Exception {
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            change.apply(doc);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out, compression);
            return out.toByteArray();
        }
    }
}
