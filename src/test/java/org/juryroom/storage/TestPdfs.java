package org.juryroom.storage;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Map;

/** PDFs that break one intake rule each, made with PDFBox. */
final class TestPdfs {

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

    private interface Change {
        void apply(PDDocument doc) throws Exception;
    }

    private static byte[] make(Change change) throws Exception {
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            change.apply(doc);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }
}
