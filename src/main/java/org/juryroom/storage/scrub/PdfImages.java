package org.juryroom.storage.scrub;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;

import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The pixel limit for images inside a PDF, checked before PDFBox could decode one: the size the
 * image dictionary declares, and for JPEG data (DCTDecode) also the size its own header announces,
 * because the JPEG decoder allocates for that one whatever the dictionary says.
 */
final class PdfImages {

    private static final String WHAT = "an image in the PDF";
    private static final List<String> DCT = List.of("DCTDecode", "DCT");

    private PdfImages() {
    }

    /** Any stream: nothing to check unless it is an image XObject. */
    static void check(COSStream stream, long maxPixels) throws IOException {
        if (COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
            checkDeclared(stream.getLong(COSName.WIDTH), stream.getLong(COSName.HEIGHT), maxPixels);
            checkEncoded(stream, maxPixels);
        }
    }

    private static void checkDeclared(long width, long height, long maxPixels) {
        Images.checkCount(width, height, WHAT, maxPixels);
    }

    private static void checkEncoded(COSStream image, long maxPixels) throws IOException {
        List<String> filters = PdfStreams.filters(image.getDictionaryObject(COSName.FILTER));
        if (jpegRaw(filters)) {
            try (InputStream raw = image.createRawInputStream()) {
                checkJpeg(raw, maxPixels);
            }
        }
    }

    /** An inline image (BI … ID … EI in a content stream): its abbreviated dictionary and its data. */
    static void checkInline(COSDictionary parameters, byte[] data, long maxPixels) throws IOException {
        long width = parameters.getLong(COSName.W, parameters.getLong(COSName.WIDTH, -1));
        long height = parameters.getLong(COSName.H, parameters.getLong(COSName.HEIGHT, -1));
        checkDeclared(width, height, maxPixels);
        COSBase filter = parameters.getDictionaryObject(COSName.F);
        if (jpegRaw(PdfStreams.filters(filter != null ? filter : parameters.getDictionaryObject(COSName.FILTER)))) {
            checkJpeg(new ByteArrayInputStream(data == null ? new byte[0] : data), maxPixels);
        }
    }

    /**
     * True when the raw data is JPEG (which {@link JpegScrubber} then cleans: its APPn segments carry EXIF, GPS,
     * XMP and IPTC in a PDF as in a photo); refuses JPEG behind other filters, whose header and segments cannot
     * be read raw, and JPEG 2000, whose metadata boxes intake cannot remove.
     */
    static boolean jpegRaw(List<String> filters) {
        if (filters.contains("JPXDecode")) {
            throw new Rejected("pdf-image", "the PDF has a JPEG 2000 image, whose hidden details cannot be removed; "
                    + "save or print it again");
        }
        int at = -1;
        for (int i = 0; i < filters.size(); i++) {
            if (DCT.contains(filters.get(i))) {
                at = i;
            }
        }
        if (at > 0) {
            throw new Rejected("pdf-image", "the PDF has a JPEG image stored behind another compression; "
                    + "save or print it again");
        }
        return at == 0;
    }

    private static void checkJpeg(InputStream jpeg, long maxPixels) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(jpeg)) {
            Images.checkPixels(in, WHAT, maxPixels);
        }
    }
}
