package org.juryroom.storage.scrub;

import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdfwriter.ContentStreamWriter;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A page's content stream, decoded with a bound and parsed to its end: content that does not
 * parse is a damaged file, and inline images are held to the pixel and size limits like all others.
 * An inline image that is JPEG data, or whose dictionary has a key that does not draw it, is cleaned
 * like an image XObject ({@link PdfCopier}): the page's content is then written anew from its tokens.
 */
final class PdfContent {

    /** Decoded content of one page; text pages are kilobytes, vector drawings a few megabytes. */
    static final int MAX_PAGE_BYTES = 16 << 20;
    /** All an inline image's dictionary may keep (ISO 32000-2, 8.9.7, table 91), abbreviated or not. */
    private static final Set<String> INLINE_KEYS = Set.of("W", "H", "BPC", "CS", "F", "DP", "D", "I", "IM", "Intent",
            "Width", "Height", "BitsPerComponent", "ColorSpace", "Filter", "DecodeParms", "Decode", "Interpolate",
            "ImageMask");

    private PdfContent() {
    }

    /** The page's decoded content (all its content streams, in order), checked and cleaned; empty when it has none. */
    static byte[] of(PDPage page, int number, long maxPixels, PdfStreams streams) throws IOException {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (Iterator<PDStream> parts = page.getContentStreams(); parts.hasNext(); ) {
            content.writeBytes(streams.bytes(parts.next().getCOSObject(), MAX_PAGE_BYTES - content.size()));
            content.write('\n');
        }
        byte[] bytes = content.toByteArray();
        byte[] cleaned = cleaned(bytes, number, maxPixels, streams);
        return cleaned == null ? bytes : cleaned;
    }

    /**
     * Decoded content (a page's, or a form XObject's, tiling pattern's or Type 3 glyph's, which draw
     * inline images just as a page does) checked; the cleaned content, or null when it needs no cleaning.
     */
    static byte[] cleaned(byte[] content, int number, long maxPixels, PdfStreams streams) throws IOException {
        return check(content, number, maxPixels, streams) ? clean(content, number) : null;
    }

    /** Checks every inline image; true when one must be cleaned. */
    private static boolean check(byte[] content, int number, long maxPixels, PdfStreams streams) throws IOException {
        boolean dirty = false;
        PDFStreamParser parser = new PDFStreamParser(content);
        try {
            for (Object token = parser.parseNextToken(); token != null; token = parser.parseNextToken()) {
                if (token instanceof Operator op && "BI".equals(op.getName())) {
                    PdfImages.checkInline(op.getImageParameters(), op.getImageData(), maxPixels);
                    streams.checkInline(op.getImageParameters(), op.getImageData());
                    dirty |= jpeg(op.getImageParameters())
                            || op.getImageParameters().keySet().stream().anyMatch(k -> !INLINE_KEYS.contains(k.getName()));
                }
            }
        } catch (IOException e) {
            throw damaged(number, e);
        }
        return dirty;
    }

    /** The content written anew, each inline image with only its drawing keys and JPEG data without metadata. */
    private static byte[] clean(byte[] content, int number) throws IOException {
        List<Object> tokens = new ArrayList<>();
        PDFStreamParser parser = new PDFStreamParser(content);
        try {
            for (Object token = parser.parseNextToken(); token != null; token = parser.parseNextToken()) {
                if (token instanceof Operator op && "BI".equals(op.getName())) {
                    COSDictionary parameters = op.getImageParameters();
                    boolean jpeg = jpeg(parameters);
                    for (COSName key : new ArrayList<>(parameters.keySet())) {
                        if (!INLINE_KEYS.contains(key.getName())) {
                            parameters.removeItem(key);
                        }
                    }
                    if (jpeg) {
                        ByteArrayOutputStream clean = new ByteArrayOutputStream();
                        JpegScrubber.scrub(new ByteArrayInputStream(op.getImageData()), clean);
                        op.setImageData(clean.toByteArray());
                    }
                }
                tokens.add(token);
            }
        } catch (IOException e) {
            throw damaged(number, e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length);
        new ContentStreamWriter(out).writeTokens(tokens);
        return out.toByteArray();
    }

    private static boolean jpeg(COSDictionary parameters) {
        COSBase filter = parameters.getDictionaryObject(COSName.F);
        return PdfImages.jpegRaw(PdfStreams.filters(filter != null ? filter : parameters.getDictionaryObject(COSName.FILTER)));
    }

    private static Rejected damaged(int number, IOException e) {
        // The parser's own words stay with the cause (logs); the person reads the sentence alone.
        return (Rejected) new Rejected("unreadable", "page " + number + " of the PDF is damaged").initCause(e);
    }
}
