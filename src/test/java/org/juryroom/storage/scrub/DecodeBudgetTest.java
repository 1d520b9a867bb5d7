package org.juryroom.storage.scrub;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.juryroom.storage.ReviewNote;
import org.juryroom.support.TestWebps;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Small hostile files that would need far more heap than the server has (src/main/jvm/juryroom.jvm: 128 MiB)
 * are refused from their headers and a bounded decode, under a decode budget; none is decoded to find out.
 * The tests use an 8 MiB budget, and show the default (48 MiB) refuses the audit's files too.
 */
class DecodeBudgetTest {

    static final long BUDGET = 8L << 20;
    static final PrivacyScrubber.Limits SMALL = new PrivacyScrubber.Limits(40_000_000, 64, BUDGET);
    static final PrivacyScrubber.Limits DEFAULT = new PrivacyScrubber.Limits(40_000_000, 64);

    @TempDir
    Path work;

    @Test
    void aLosslessWebpIsRefusedWhenItsWholeDecodeIsOverTheBudget() throws Exception {
        byte[] huge = TestWebps.lossless(6000, 6000); // 36 megapixels in a few dozen bytes: 144 MB decoded
        assertThat(huge.length).isLessThan(64);
        for (PrivacyScrubber.Limits limits : new PrivacyScrubber.Limits[] {SMALL, DEFAULT}) {
            Path file = write(huge);
            assertThatThrownBy(() -> PrivacyScrubber.derive(file, "image/webp", limits, work))
                    .isInstanceOf(Rejected.class).hasMessageContaining("6000×6000")
                    .extracting(e -> ((Rejected) e).rule()).isEqualTo("pixel-limit");
        }
        PrivacyScrubber.derive(write(TestWebps.lossless(1000, 1000)), "image/webp", SMALL, work).delete(); // 4 MB
    }

    @Test
    void aPdfImageThatPdfBoxWouldDecodeWholeIsRefusedOverTheBudgetBehindOneFilterOrTwo() throws Exception {
        for (boolean hex : new boolean[] {false, true}) {
            byte[] a4 = HostilePdfs.flateImage(3508, 4961, hex); // A4 at 425 dpi: 52 MB of samples
            assertThat(a4.length).isLessThan(hex ? 250_000 : 120_000);
            for (PrivacyScrubber.Limits limits : new PrivacyScrubber.Limits[] {SMALL, DEFAULT}) {
                Path file = write(a4);
                assertThatThrownBy(() -> PrivacyScrubber.derive(file, "application/pdf", limits, work))
                        .as(hex ? "ASCIIHex and Deflate" : "Deflate").isInstanceOf(Rejected.class)
                        .hasMessageContaining("3508×4961").hasMessageContaining("as JPEG") // what to do about it
                        .extracting(e -> ((Rejected) e).rule()).isEqualTo("pixel-limit");
            }
            PrivacyScrubber.derive(write(HostilePdfs.flateImage(1000, 1000, hex)), "application/pdf", SMALL, work)
                    .delete(); // 3 MB of samples
        }
        // A larger heap's budget (JURYROOM_STORAGE_DECODE_BUDGET) takes the same poster.
        PrivacyScrubber.Limits larger = new PrivacyScrubber.Limits(DEFAULT.maxPixels(), DEFAULT.thumbnailSize(), 64L << 20);
        PrivacyScrubber.derive(write(HostilePdfs.flateImage(3508, 4961, false)), "application/pdf", larger, work).delete();
    }

    @Test
    void anMp4WhoseMovieHeaderIsTooLargeToHoldIsLeftForReviewNotRead() throws Exception {
        ByteArrayOutputStream mp4 = new ByteArrayOutputStream();
        mp4.writeBytes(box("ftyp", "isom\0\0\2\0isom".getBytes(StandardCharsets.ISO_8859_1)));
        byte[] mvhd = new byte[108];
        ByteBuffer.wrap(mvhd).putInt(12, 1000);
        mp4.writeBytes(box("moov", box("mvhd", mvhd), box("udta", "Arindam".getBytes(StandardCharsets.ISO_8859_1)),
                box("free", new byte[(int) Mp4Scrubber.MAX_MOOV])));
        mp4.writeBytes(box("mdat", new byte[16]));
        PrivacyScrubber.Derived d = PrivacyScrubber.derive(write(mp4.toByteArray()), "video/mp4", SMALL, work);
        assertThat(d.reviewNote()).isEqualTo(ReviewNote.LARGE_MP4_HEADER.text);
        assertThat(Mp4Scrubber.MAX_MOOV).isLessThanOrEqualTo(16L << 20);
    }

    private static byte[] box(String type, byte[]... children) {
        int size = 8;
        for (byte[] c : children) {
            size += c.length;
        }
        ByteBuffer b = ByteBuffer.allocate(size).putInt(size).put(type.getBytes(StandardCharsets.ISO_8859_1));
        for (byte[] c : children) {
            b.put(c);
        }
        return b.array();
    }

    private Path write(byte[] bytes) throws Exception {
        return Files.write(Files.createTempFile(work, "in-", ".bin"), bytes);
    }
}
