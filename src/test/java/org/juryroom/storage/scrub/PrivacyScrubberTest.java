package org.juryroom.storage.scrub;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifThumbnailDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scrubbers on the sample files, file to file, without the app. */
class PrivacyScrubberTest {

    static final Path SAMPLES = Path.of("uploads-sample");
    static final PrivacyScrubber.Limits LIMITS = new PrivacyScrubber.Limits(40_000_000, 400);

    @TempDir
    Path work;

    @Test
    void jpegLosesGpsExifXmpIptcAndThumbnailButStaysUpright() throws Exception {
        for (String poster : List.of("poster-03-phone-gps.jpg", "poster-04-phone-gps-rotated.jpg",
                "poster-05-phone-gps.jpg", "poster-06-author-only.jpg")) {
            Path original = SAMPLES.resolve("posters").resolve(poster);
            assertThat(identifying(original)).as(poster + " before").isNotEmpty();
            PrivacyScrubber.Derived d = PrivacyScrubber.derive(original, "image/jpeg", LIMITS, work);
            assertThat(identifying(d.clean())).as(poster + " clean").isEmpty();
            assertThat(identifying(d.thumbnail())).as(poster + " thumbnail").isEmpty();
            assertThat(new String(Files.readAllBytes(d.clean()), StandardCharsets.ISO_8859_1))
                    .doesNotContain("Dey", "Kapoor", "Rahman", "Kavita", "samsung", "iPhone");
            BufferedImage clean = ImageIO.read(d.clean().toFile());
            BufferedImage before = ImageIO.read(original.toFile());
            assertThat(clean.getWidth()).isEqualTo(before.getWidth()); // lossless: same pixels
        }
    }

    @Test
    void rotatedJpegKeepsOnlyItsOrientationAndItsThumbnailIsUpright() throws Exception {
        Path original = SAMPLES.resolve("posters/poster-04-phone-gps-rotated.jpg");
        PrivacyScrubber.Derived d = PrivacyScrubber.derive(original, "image/jpeg", LIMITS, work);
        Metadata m = ImageMetadataReader.readMetadata(d.clean().toFile());
        ExifIFD0Directory ifd0 = m.getFirstDirectoryOfType(ExifIFD0Directory.class);
        assertThat(ifd0.getInt(ExifIFD0Directory.TAG_ORIENTATION)).isEqualTo(6);
        assertThat(ifd0.getTagCount()).isEqualTo(1);
        BufferedImage thumb = ImageIO.read(d.thumbnail().toFile());
        assertThat(thumb.getHeight()).isGreaterThan(thumb.getWidth()); // stored 1200x900, shown 900x1200
        assertThat(Math.max(thumb.getWidth(), thumb.getHeight())).isEqualTo(400);
    }

    @Test
    void pngLosesTextXmpAndExifChunksAndKeepsAlpha() throws Exception {
        Path original = SAMPLES.resolve("posters/poster-08-png-author-exif-gps.png");
        PrivacyScrubber.Derived d = PrivacyScrubber.derive(original, "image/png", LIMITS, work);
        assertThat(identifying(original)).isNotEmpty();
        assertThat(identifying(d.clean())).isEmpty();
        assertThat(new String(Files.readAllBytes(d.clean()), StandardCharsets.ISO_8859_1))
                .doesNotContain("Sunita", "tEXt", "iTXt", "eXIf");
        PrivacyScrubber.Derived alpha = PrivacyScrubber.derive(SAMPLES.resolve("posters/poster-12.png"), "image/png",
                LIMITS, work);
        assertThat(ImageIO.read(alpha.clean().toFile()).getColorModel().hasAlpha()).isTrue();
    }

    @Test
    void pdfIsRewrittenWithoutAnyRevisionsInfoOrXmp() throws Exception {
        for (String essay : List.of("essay-02-with-author.pdf", "essay-05-with-author.pdf")) {
            PrivacyScrubber.Derived d = PrivacyScrubber.derive(SAMPLES.resolve("essays").resolve(essay),
                    "application/pdf", LIMITS, work);
            String bytes = new String(Files.readAllBytes(d.clean()), StandardCharsets.ISO_8859_1);
            assertThat(bytes).doesNotContain("Sunita", "Rakesh", "Microsoft", "LibreOffice", "Ghostscript",
                    "/Author", "/Producer", "/CreationDate", "x:xmpmeta");
            try (PDDocument doc = Loader.loadPDF(d.clean().toFile())) {
                assertThat(doc.getDocumentInformation().getAuthor()).isNull();
                assertThat(doc.getDocumentCatalog().getMetadata()).isNull();
                assertThat(doc.getNumberOfPages()).isEqualTo(2);
            }
            assertThat(ImageIO.read(d.thumbnail().toFile()).getHeight()).isEqualTo(400);
        }
    }

    @Test
    void mp4LosesLocationAndArtistAndItsChunkOffsetsStillPointAtTheSameMedia() throws Exception {
        Path original = SAMPLES.resolve("videos/video-01-location.mp4");
        PrivacyScrubber.Derived d = PrivacyScrubber.derive(original, "video/mp4", LIMITS, work);
        assertThat(d.reviewNote()).isNull();
        byte[] before = Files.readAllBytes(original);
        byte[] after = Files.readAllBytes(d.clean());
        String text = new String(after, StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotContain("loci", "\u00a9xyz", "Arindam", "Kolkata", "udta");
        assertThat(after.length).isLessThan(before.length);
        List<Long> oldOffsets = chunkOffsets(before);
        List<Long> newOffsets = chunkOffsets(after);
        assertThat(newOffsets).hasSameSizeAs(oldOffsets).isNotEmpty();
        for (int i = 0; i < oldOffsets.size(); i++) {
            int o = (int) (long) oldOffsets.get(i);
            int n = (int) (long) newOffsets.get(i);
            assertThat(ByteBuffer.wrap(after, n, 16)).as("chunk " + i).isEqualTo(ByteBuffer.wrap(before, o, 16));
        }
    }

    @Test
    void webmLosesItsTitleAndTagsInPlaceWithoutAReview() throws Exception {
        Path original = SAMPLES.resolve("videos/video-02-testpattern.webm");
        PrivacyScrubber.Derived d = PrivacyScrubber.derive(original, "video/webm", LIMITS, work);
        assertThat(d.reviewNote()).isNull();
        assertThat(d.thumbnail()).isNull();
        byte[] after = Files.readAllBytes(d.clean());
        assertThat(after).hasSize((int) Files.size(original)); // voided in place: every offset unchanged
        assertThat(new String(after, StandardCharsets.ISO_8859_1)).doesNotContain("Block Report Talk", "ENCODER");
    }

    @Test
    void webpLosesExifAndXmpChunksAndTheirFlags() throws Exception {
        Path in = work.resolve("in.webp");
        Path out = work.resolve("out.webp");
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        chunks.writeBytes(chunk("VP8X", new byte[] {0x0C, 0, 0, 0, 0, 0, 0, 0, 0, 0}));
        chunks.writeBytes(chunk("VP8L", new byte[] {0x2f, 0, 0, 0, 0}));
        chunks.writeBytes(chunk("EXIF", "GPS secret".getBytes(StandardCharsets.ISO_8859_1)));
        chunks.writeBytes(chunk("XMP ", "<x:xmpmeta>Someone</x:xmpmeta>".getBytes(StandardCharsets.ISO_8859_1)));
        Files.write(in, riff(chunks.toByteArray()));
        WebpScrubber.scrub(in, out);
        byte[] clean = Files.readAllBytes(out);
        String text = new String(clean, StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotContain("GPS secret", "Someone", "EXIF", "XMP ");
        assertThat(clean[20] & 0x0C).isZero(); // VP8X flags cleared
        assertThat(ByteBuffer.wrap(clean, 4, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt()).isEqualTo(clean.length - 8);
    }

    @Test
    void pixelFloodIsRefusedFromTheHeaderAlone() throws Exception {
        Path flood = work.resolve("flood.png");
        Files.write(flood, pngHeaderOnly(60000, 60000));
        assertThatThrownBy(() -> PrivacyScrubber.derive(flood, "image/png", LIMITS, work))
                .isInstanceOf(Rejected.class).extracting(e -> ((Rejected) e).rule()).isEqualTo("pixel-limit");
    }

    @Test
    void truncatedJpegIsRefused() throws Exception {
        byte[] full = Files.readAllBytes(SAMPLES.resolve("posters/poster-01.jpg"));
        Path cut = work.resolve("cut.jpg");
        Files.write(cut, java.util.Arrays.copyOf(full, full.length / 2));
        assertThatThrownBy(() -> PrivacyScrubber.derive(cut, "image/jpeg", LIMITS, work)).isInstanceOf(Rejected.class);
    }

    /** The identifying directories metadata-extractor finds: GPS, EXIF Artist/Make, XMP, IPTC, EXIF thumbnail, PNG text. */
    static List<String> identifying(Path file) throws Exception {
        Metadata m = ImageMetadataReader.readMetadata(file.toFile());
        List<String> found = new ArrayList<>();
        for (Directory dir : m.getDirectories()) {
            if (dir instanceof GpsDirectory || dir instanceof XmpDirectory || dir instanceof IptcDirectory
                    || dir instanceof ExifThumbnailDirectory) {
                found.add(dir.getName());
            } else if (dir instanceof ExifIFD0Directory ifd0) {
                for (var tag : ifd0.getTags()) {
                    if (tag.getTagType() != ExifIFD0Directory.TAG_ORIENTATION) {
                        found.add("EXIF " + tag.getTagName());
                    }
                }
            } else if (dir.getName().startsWith("PNG-tEXt") || dir.getName().startsWith("PNG-iTXt")
                    || dir.getName().startsWith("PNG-zTXt")) {
                found.add(dir.getName());
            } else if (dir.getName().startsWith("Exif SubIFD") || dir.getName().equals("JpegComment")) {
                found.add(dir.getName());
            }
        }
        return found;
    }

    static List<Long> chunkOffsets(byte[] mp4) {
        List<Long> offsets = new ArrayList<>();
        String text = new String(mp4, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("stco");
        while (at >= 0) {
            ByteBuffer b = ByteBuffer.wrap(mp4);
            int count = b.getInt(at + 8);
            for (int i = 0; i < count; i++) {
                offsets.add(Integer.toUnsignedLong(b.getInt(at + 12 + 4 * i)));
            }
            at = text.indexOf("stco", at + 4);
        }
        return offsets;
    }

    static byte[] pngHeaderOnly(int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(PngScrubber.SIGNATURE);
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        out.writeBytes(pngChunk("IHDR", ihdr.array()));
        out.writeBytes(pngChunk("IDAT", new byte[] {0x78, (byte) 0x9c, 0x03, 0, 0, 0, 0, 1}));
        out.writeBytes(pngChunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    static byte[] pngChunk(String type, byte[] data) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(type.getBytes(StandardCharsets.ISO_8859_1));
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(type.getBytes(StandardCharsets.ISO_8859_1))
                .put(data).putInt((int) crc.getValue()).array();
    }

    static byte[] chunk(String type, byte[] data) {
        int padded = data.length + (data.length & 1);
        ByteBuffer b = ByteBuffer.allocate(8 + padded).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put(type.getBytes(StandardCharsets.ISO_8859_1)).putInt(data.length).put(data);
        return b.array();
    }

    static byte[] riff(byte[] chunks) {
        ByteBuffer b = ByteBuffer.allocate(12 + chunks.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.ISO_8859_1)).putInt(4 + chunks.length)
                .put("WEBP".getBytes(StandardCharsets.ISO_8859_1)).put(chunks);
        return b.array();
    }
}
