package org.juryroom.storage.scrub;

import net.coobird.thumbnailator.Thumbnails;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * Raster work on untrusted images: the pixel count is read from the header before anything is
 * decoded (a 60000×60000 PNG is a few bytes that would need gigabytes), and the thumbnail decodes
 * a subsampled image, so memory stays small whatever the poster's size.
 */
final class Images {

    private Images() {
    }

    /** Refuses images whose header announces more than {@code maxPixels}; reads nothing but the header. */
    static void checkPixels(Path file, long maxPixels) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            checkPixels(in, "the image", maxPixels);
        }
    }

    /** As above, for an image inside another file ({@code what} names it in the refusal). */
    static void checkPixels(ImageInputStream in, String what, long maxPixels) throws IOException {
        withReader(in, reader -> {
            checkCount(reader.getWidth(0), reader.getHeight(0), what, maxPixels);
            return null;
        });
    }

    /**
     * Refuses an image whose reader decodes it whole (4 bytes a pixel, subsampling or not) past {@code budget}
     * bytes; reads nothing but the header.
     */
    static void checkWholeDecode(Path file, String what, long budget) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            withReader(in, reader -> {
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width * height * 4 > budget) {
                    throw new Rejected("pixel-limit", what + " is " + width + "×" + height + " pixels, too large to "
                            + "check here (at most " + Math.max(1, budget / 4 / 1_000_000) + " megapixels); save it "
                            + "smaller, or as JPEG");
                }
                return null;
            });
        }
    }

    /** The one place the pixel limit is applied, to sizes read from any header or dictionary. */
    static void checkCount(long width, long height, String what, long maxPixels) {
        if (width <= 0 || height <= 0) {
            throw new Rejected("image-corrupt", what + " has no pixels");
        }
        if (width > maxPixels || height > maxPixels || width * height > maxPixels) {
            throw new Rejected("pixel-limit", what + " is " + width + "×" + height + " pixels; at most "
                    + maxPixels + " pixels are accepted");
        }
    }

    /** Decodes the whole image (subsampled), so corrupt or truncated data is found; returns it upright, fitting {@code box}. */
    static BufferedImage thumbnail(Path file, int orientation, int box) throws IOException {
        BufferedImage decoded = withReader(file, reader -> {
            int longest = Math.max(reader.getWidth(0), reader.getHeight(0));
            ImageReadParam param = reader.getDefaultReadParam();
            int step = Math.max(1, longest / (2 * box));
            param.setSourceSubsampling(step, step, 0, 0);
            reader.addIIOReadWarningListener((source, warning) -> {
                throw new Rejected("image-corrupt", "the image is corrupt or truncated (" + warning + ")");
            });
            return reader.read(0, param);
        });
        return fit(orient(decoded, orientation), box);
    }

    /** Scales to fit {@code box} and flattens transparency onto white (thumbnails are JPEG). */
    static BufferedImage fit(BufferedImage image, int box) throws IOException {
        BufferedImage scaled = image.getWidth() > box || image.getHeight() > box
                ? Thumbnails.of(image).size(box, box).asBufferedImage() : image;
        BufferedImage rgb = new BufferedImage(scaled.getWidth(), scaled.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
            g.drawImage(scaled, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    static void writeJpeg(BufferedImage image, Path out) throws IOException {
        if (!ImageIO.write(image, "jpg", out.toFile())) {
            throw new IOException("no JPEG writer");
        }
    }

    /** Applies an EXIF orientation (1..8) to the pixels. */
    static BufferedImage orient(BufferedImage src, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return src;
        }
        int w = src.getWidth();
        int h = src.getHeight();
        boolean swap = orientation >= 5;
        BufferedImage dst = new BufferedImage(swap ? h : w, swap ? w : h,
                src.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < dst.getHeight(); y++) {
            for (int x = 0; x < dst.getWidth(); x++) {
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> { sx = w - 1 - x; sy = y; }
                    case 3 -> { sx = w - 1 - x; sy = h - 1 - y; }
                    case 4 -> { sx = x; sy = h - 1 - y; }
                    case 5 -> { sx = y; sy = x; }
                    case 6 -> { sx = y; sy = h - 1 - x; }
                    case 7 -> { sx = w - 1 - y; sy = h - 1 - x; }
                    default -> { sx = w - 1 - y; sy = x; } // 8
                }
                dst.setRGB(x, y, src.getRGB(sx, sy));
            }
        }
        return dst;
    }

    private interface ReaderWork<T> {
        T apply(ImageReader reader) throws IOException;
    }

    private static <T> T withReader(Path file, ReaderWork<T> work) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            return withReader(in, work);
        }
    }

    private static <T> T withReader(ImageInputStream in, ReaderWork<T> work) throws IOException {
        Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
        if (readers == null || !readers.hasNext()) {
            throw new Rejected("image-corrupt", "the image could not be read");
        }
        ImageReader reader = readers.next();
        try {
            reader.setInput(in, true, true);
            return work.apply(reader);
        } catch (Rejected e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // The file is on local disk, so whatever a decoder throws is about the bytes: an EOFException for a cut-off
            // file, IIOException, or a codec's own IndexOutOfBounds/IllegalArgument/CMMException on damaged data.
            throw (Rejected) new Rejected("image-corrupt", "the image is corrupt or truncated and cannot be shown")
                    .initCause(e);
        } finally {
            reader.dispose();
        }
    }
}
