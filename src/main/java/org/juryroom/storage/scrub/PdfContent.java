package org.juryroom.storage.scrub;

import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDPage;

import java.io.IOException;
import java.io.InputStream;

/**
 * A page's content stream, decoded with a bound and parsed to its end: content that does not
 * parse is a damaged file, and inline images are held to the pixel limit like all others.
 */
final class PdfContent {

    /** Decoded content of one page; text pages are kilobytes, vector drawings a few megabytes. */
    static final int MAX_PAGE_BYTES = 16 << 20;

    private PdfContent() {
    }

    /** The page's decoded content (all its content streams, in order), checked; empty when it has none. */
    static byte[] of(PDPage page, int number, long maxPixels) throws IOException {
        byte[] content;
        try (InputStream in = page.getContents()) {
            content = in.readNBytes(MAX_PAGE_BYTES + 1);
        }
        if (content.length > MAX_PAGE_BYTES) {
            throw new Rejected("pdf-too-complex", "page " + number + " of the PDF has more than "
                    + (MAX_PAGE_BYTES >> 20) + " MiB of drawing instructions");
        }
        check(content, number, maxPixels);
        return content;
    }

    private static void check(byte[] content, int number, long maxPixels) throws IOException {
        PDFStreamParser parser = new PDFStreamParser(content);
        try {
            for (Object token = parser.parseNextToken(); token != null; token = parser.parseNextToken()) {
                if (token instanceof Operator op && "BI".equals(op.getName())) {
                    PdfImages.checkInline(op.getImageParameters(), op.getImageData(), maxPixels);
                }
            }
        } catch (IOException e) {
            throw new Rejected("unreadable", "page " + number + " of the PDF is damaged: " + e.getMessage());
        }
    }
}
