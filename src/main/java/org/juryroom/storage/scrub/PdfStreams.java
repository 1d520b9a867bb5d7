package org.juryroom.storage.scrub;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.FilterFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;

/**
 * Decoded sizes of a PDF's streams, measured before PDFBox decodes them for real: PDFBox decodes a
 * stream whole into memory, so 1 MB of Deflate data that inflates to gigabytes (in a content
 * stream, a font, an image that declares a small size) would exhaust the heap. Decoding here runs
 * PDFBox's own filters into a sink that refuses the byte past the limit; image codecs (JPEG, JPEG
 * 2000, JBIG2, CCITT) are not run, their sizes are checked from headers ({@link PdfImages}). One
 * instance per document: it also holds the document's total.
 */
final class PdfStreams {

    /** One stream that is not an image (a font, a form's content, an ICC profile …). */
    static final long MAX_STREAM_BYTES = 64L << 20;
    /** All streams of one document together. */
    static final long MAX_DOCUMENT_BYTES = 1L << 30;
    /** Filters that turn data into pixels; decoding stops before them. */
    static final Set<String> IMAGE_CODECS = Set.of("DCTDecode", "DCT", "JPXDecode", "JBIG2Decode",
            "CCITTFaxDecode", "CCF");

    private long left = MAX_DOCUMENT_BYTES;
    /** What one image PDFBox decodes whole may decode to ({@link PrivacyScrubber.Limits#decodeBudget()}). */
    private final long imageBudget;

    PdfStreams(long imageBudget) {
        this.imageBudget = imageBudget;
    }

    /**
     * Refuses the stream if it is an image over the pixel limit ({@link PdfImages}) or if it
     * decodes to more than its limit: what its declared pixels need for an image, and no more than
     * the decode budget for an image without an image codec (PDFBox holds its samples whole while
     * it draws it; JPEG is decoded subsampled), else {@link #MAX_STREAM_BYTES}.
     */
    void check(COSStream stream, long maxPixels) throws IOException {
        PdfImages.check(stream, maxPixels);
        long limit = MAX_STREAM_BYTES;
        List<String> filters = filters(stream.getDictionaryObject(COSName.FILTER));
        boolean whole = false;
        if (COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
            limit = imageBytes(stream.getLong(COSName.WIDTH), stream.getLong(COSName.HEIGHT));
            whole = filters.stream().noneMatch(IMAGE_CODECS::contains) && limit > imageBudget;
            limit = whole ? imageBudget : limit;
        }
        try {
            decode(stream, filters, stream.createRawInputStream(), limit, OutputStream.nullOutputStream());
        } catch (Rejected r) {
            throw whole ? tooLargeToDraw(stream.getLong(COSName.WIDTH), stream.getLong(COSName.HEIGHT)) : r;
        }
    }

    /**
     * An image stored without an image codec that PDFBox would hold whole past the budget: a poster exported
     * at print resolution (an A3 page at 300 dpi is 52 MB so). Said as what to do, not as a compression bomb.
     */
    private Rejected tooLargeToDraw(long width, long height) {
        return new Rejected("pixel-limit", "an image in the PDF is " + width + "×" + height + " pixels without "
                + "image compression, too large to check here; export the PDF again with its images as JPEG or at "
                + "a lower resolution (200 dpi)");
    }

    /** An inline image's data, which PDFBox also inflates whole when it draws it. */
    void checkInline(COSDictionary parameters, byte[] data) throws IOException {
        COSBase filter = parameters.getDictionaryObject(COSName.F);
        long width = parameters.getLong(COSName.W, parameters.getLong(COSName.WIDTH, 0));
        long height = parameters.getLong(COSName.H, parameters.getLong(COSName.HEIGHT, 0));
        List<String> filters = filters(filter != null ? filter : parameters.getDictionaryObject(COSName.FILTER));
        long limit = imageBytes(width, height);
        boolean whole = filters.stream().noneMatch(IMAGE_CODECS::contains) && limit > imageBudget;
        try {
            decode(parameters, filters, new ByteArrayInputStream(data == null ? new byte[0] : data),
                    whole ? imageBudget : limit, OutputStream.nullOutputStream());
        } catch (Rejected r) {
            throw whole ? tooLargeToDraw(width, height) : r;
        }
    }

    /** At most 4 components of 16 bits, a predictor byte per row, and some slack. */
    private static long imageBytes(long width, long height) {
        return Math.max(0, width) * Math.max(0, height) * 8 + Math.max(0, height) + (1 << 20);
    }

    /** The stream's decoded bytes (up to an image codec), refused past {@code limit}. */
    byte[] bytes(COSStream stream, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        decode(stream, filters(stream.getDictionaryObject(COSName.FILTER)), stream.createRawInputStream(), limit, out);
        return out.toByteArray();
    }

    /** Runs {@code filters} (with their parameters from {@code dictionary}) up to the first image codec. */
    private void decode(COSDictionary dictionary, List<String> filters, InputStream in, long limit, OutputStream sink)
            throws IOException {
        try {
            int last = filters.size();
            for (int i = 0; i < filters.size(); i++) {
                if (IMAGE_CODECS.contains(filters.get(i))) {
                    last = i;
                    break;
                }
            }
            // The last stage before the sink streams; each earlier one goes to a temp file, never the heap
            // (a stage may be as large as the limit: megabytes of image samples behind two filters).
            for (int i = 0; i < last - 1; i++) {
                Path stage = Files.createTempFile("juryroom-pdf-stage-", ".bin");
                try (OutputStream out = new Bounded(Files.newOutputStream(stage), limit)) {
                    FilterFactory.INSTANCE.getFilter(filters.get(i)).decode(in, out, dictionary, i);
                } catch (IOException | RuntimeException | Error e) {
                    Files.deleteIfExists(stage);
                    throw e;
                }
                in.close();
                in = Files.newInputStream(stage, StandardOpenOption.DELETE_ON_CLOSE);
            }
            if (last > 0) {
                FilterFactory.INSTANCE.getFilter(filters.get(last - 1)).decode(in, new Bounded(sink, limit), dictionary,
                        last - 1);
            } else {
                in.transferTo(new Bounded(sink, limit));
            }
        } finally {
            in.close();
        }
    }

    static List<String> filters(COSBase filter) {
        if (filter instanceof COSObject o) {
            filter = o.getObject();
        }
        if (filter instanceof COSName name) {
            return List.of(name.getName());
        }
        if (filter instanceof COSArray array) {
            return array.toList().stream().map(b -> b instanceof COSObject o ? o.getObject() : b)
                    .map(b -> b instanceof COSName n ? n.getName() : "").toList();
        }
        return List.of();
    }

    /** Passes bytes on and refuses the one past the stream's limit or the document's budget. */
    private final class Bounded extends OutputStream {
        private final OutputStream out;
        private long room;

        Bounded(OutputStream out, long limit) {
            this.out = out;
            this.room = limit;
        }

        @Override
        public void write(int b) throws IOException {
            take(1);
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            take(len);
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

        private void take(long n) {
            room -= n;
            left -= n;
            if (room < 0) {
                throw new Rejected("pdf-too-complex", "a stream in the PDF decodes to more data than it may "
                        + "(a compression bomb, or a page far too complex); save or print it again");
            }
            if (left < 0) {
                throw new Rejected("pdf-too-complex", "the PDF decodes to more than " + (MAX_DOCUMENT_BYTES >> 20)
                        + " MiB of data; save or print it again as a simpler PDF");
            }
        }
    }
}
