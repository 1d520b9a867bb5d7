package org.juryroom.storage.scrub;

import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;

import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.util.Iterator;

/**
 * A page's content stream, decoded with a bound and parsed to its end: content that does not
 * parse is a damaged file, and inline images are held to the pixel and size limits like all others.
 */
final class PdfContent {

    /** Decoded content of one page; text pages are kilobytes, vector drawings a few megabytes. */
    static final int MAX_PAGE_BYTES = 16 << 20;

    private PdfContent() {
    }

    /** The page's decoded content (all its content streams, in order), checked; empty when it has none. */
    static byte[] of(PDPage page, int number, long maxPixels, PdfStreams streams) throws IOException {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (Iterator<PDStream> parts = page.getContentStreams(); parts.hasNext(); ) {
            content.writeBytes(streams.bytes(parts.next().getCOSObject(), MAX_PAGE_BYTES - content.size()));
            content.write('\n');
        }
        byte[] bytes = content.toByteArray();
        check(bytes, number, maxPixels, streams);
        return bytes;
    }

    private static void check(byte[] content, int number, long maxPixels, PdfStreams streams) throws IOException {
        PDFStreamParser parser = new PDFStreamParser(content);
        try {
            for (Object token = parser.parseNextToken(); token != null; token = parser.parseNextToken()) {
                if (token instanceof Operator op && "BI".equals(op.getName())) {
                    PdfImages.checkInline(op.getImageParameters(), op.getImageData(), maxPixels);
                    streams.checkInline(op.getImageParameters(), op.getImageData());
                }
            }
        } catch (IOException e) {
            // The parser's own words stay with the cause (logs); the person reads the sentence alone.
            throw (Rejected) new Rejected("unreadable", "page " + number + " of the PDF is damaged").initCause(e);
        }
    }
}
