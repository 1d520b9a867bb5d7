package org.juryroom.storage.scrub;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.juryroom.storage.scrub.WebmScrubber.*;

/** WebM clean-up on crafted files (an EBML writer and an independent reader below) and on the sample. */
@Timeout(120)
class WebmScrubberTest {

    static final List<String> SECRETS = List.of("Riya, 12 Park Street", "Riya's phone SM-X", "+22.57+088.36",
            "riya.jpg", "RIYA-FACE-PIXELS", "Riya at home", "Riya's bedroom cam", "LOCATION", "Lavf");
    static final long UNKNOWN = -1;

    @TempDir
    Path work;

    @Test
    void unknownSizeRecordingLosesEveryMetadataAndKeepsEveryOffset() throws Exception {
        checkCleaned(sample(true, true));
    }

    @Test
    void knownSizeFileLosesEveryMetadataAndKeepsEveryOffset() throws Exception {
        checkCleaned(sample(false, false));
    }

    private void checkCleaned(byte[] before) throws Exception {
        String text = latin1(before);
        SECRETS.forEach(s -> assertThat(text).as("the crafted file has " + s).contains(s));
        byte[] after = scrub(before);
        assertThat(after).hasSameSizeAs(before);
        assertThat(latin1(after)).doesNotContain(SECRETS);

        List<El> old = segmentChildren(before);
        List<El> now = segmentChildren(after);
        Set<Long> kept = Set.of(SEEK_HEAD, INFO, TRACKS, CLUSTER, CUES);
        assertThat(now.stream().filter(e -> kept.contains(e.id)).toList())
                .isEqualTo(old.stream().filter(e -> kept.contains(e.id)).toList());
        assertThat(old).extracting(El::id).contains(TAGS, ATTACHMENTS, CHAPTERS);
        assertThat(now).extracting(El::id).doesNotContain(TAGS, ATTACHMENTS, CHAPTERS);
        int clusters = 0;
        for (El c : old) {
            if (c.id == CLUSTER) {
                clusters++;
                assertThat(Arrays.copyOfRange(after, (int) c.start, (int) c.end))
                        .isEqualTo(Arrays.copyOfRange(before, (int) c.start, (int) c.end));
            }
        }
        assertThat(clusters).isEqualTo(2);

        El seekHead = only(now, SEEK_HEAD);
        List<Long> targets = new ArrayList<>();
        for (El seek : children(after, seekHead)) {
            if (seek.id == SEEK) {
                for (El c : children(after, seek)) {
                    if (c.id == SEEK_ID) {
                        targets.add(uint(after, c));
                    }
                }
            }
        }
        assertThat(targets).containsExactly(INFO, TRACKS, CUES);
        El info = only(now, INFO);
        List<El> infoChildren = children(after, info);
        assertThat(infoChildren).extracting(El::id)
                .containsExactly(VOID, TIMESTAMP_SCALE, DURATION, VOID, MUXING_APP, WRITING_APP, DATE_UTC, VOID);
        for (El e : infoChildren) {
            if (e.id == MUXING_APP || e.id == WRITING_APP || e.id == DATE_UTC) {
                assertThat(Arrays.copyOfRange(after, (int) e.dataStart, (int) e.end)).containsOnly(0);
            }
        }
        El entry = children(after, only(now, TRACKS)).get(0);
        assertThat(children(after, entry)).extracting(El::id).contains(0xD7L, 0x86L).doesNotContain(TRACK_NAME);
        // Clean already: the second pass finds nothing.
        Path again = work.resolve("again.webm");
        Files.write(again, after);
        assertThat(WebmScrubber.scrub(again, work.resolve("again-out.webm"))).isFalse();
    }

    @Test
    void cleanFileIsReportedCleanThroughThePrivacyScrubber() throws Exception {
        byte[] clean = file(segment(false,
                el(INFO, uint(TIMESTAMP_SCALE, 1_000_000), el(MUXING_APP, new byte[4])),
                el(TRACKS, el(TRACK_ENTRY, uint(0xD7, 1), str(0x86, "V_VP9"))),
                cluster(false, 1)));
        Path in = work.resolve("clean.webm");
        Files.write(in, clean);
        PrivacyScrubber.Derived d = PrivacyScrubber.derive(in, "video/webm", PrivacyScrubberTest.LIMITS, work);
        assertThat(d.clean()).isNull();
        assertThat(d.thumbnail()).isNull();
        assertThat(d.reviewNote()).isNull();
    }

    @Test
    void sampleLosesItsTitleAndTagsAndKeepsItsClusters() throws Exception {
        Path original = PrivacyScrubberTest.SAMPLES.resolve("videos/video-02-testpattern.webm");
        byte[] before = Files.readAllBytes(original);
        PrivacyScrubber.Derived d = PrivacyScrubber.derive(original, "video/webm", PrivacyScrubberTest.LIMITS, work);
        assertThat(d.reviewNote()).isNull();
        assertThat(d.thumbnail()).isNull();
        byte[] after = Files.readAllBytes(d.clean());
        assertThat(after).hasSameSizeAs(before);
        assertThat(latin1(before)).contains("Block Report Talk", "ENCODER", "Lavf");
        assertThat(latin1(after)).doesNotContain("Block Report Talk", "ENCODER", "Lavf");
        List<El> clusters = segmentChildren(before).stream().filter(e -> e.id == CLUSTER).toList();
        assertThat(clusters).isNotEmpty();
        for (El c : clusters) {
            assertThat(Arrays.copyOfRange(after, (int) c.start, (int) c.end))
                    .isEqualTo(Arrays.copyOfRange(before, (int) c.start, (int) c.end));
        }
        assertThat(segmentChildren(after).stream().filter(e -> e.id == CUES).toList())
                .isEqualTo(segmentChildren(before).stream().filter(e -> e.id == CUES).toList());
    }

    @Test
    void voidHeadersKeepTheLength() {
        for (long total : new long[] {2, 3, 128, 129, 130, 5000, 1L << 40}) {
            byte[] h = WebmScrubber.voidHeader(total);
            El e = header(concat(h, new byte[16]), 0);
            assertThat(e.id).isEqualTo(VOID);
            assertThat(e.end).as("void of " + total).isEqualTo(total);
        }
    }

    @Test
    void hostileStructuresAreRejected() {
        byte[] ebml = ebmlHeader();
        List<byte[]> hostile = List.of(
                Arrays.copyOf(ebml, ebml.length - 1), // truncated header
                concat(ebml, new byte[] {0x18, 0x53}), // cut inside the Segment's ID
                concat(ebml, new byte[] {0x08, 0x53, (byte) 0x80, 0x67, (byte) 0x80}), // a 5-byte ID
                concat(ebml, new byte[] {0x18, 0x53, (byte) 0x80, 0x67, 0x00}), // a size over 8 bytes
                concat(ebml, header(SEGMENT, 1000), el(VOID, new byte[10])), // past the file
                concat(ebml, segment(false, el(INFO, new byte[0])), segment(false, el(INFO, new byte[0]))),
                concat(ebml, segment(true, el(INFO, new byte[0])), segment(false, el(INFO, new byte[0]))),
                concat(ebml, segment(false, concat(header(INFO, 100), str(0x7BA9, "x")))), // past the parent
                concat(ebml, segment(true, concat(header(INFO, UNKNOWN), str(0x7BA9, "x")))), // cannot clean inside
                concat(ebml, el(TAGS, new byte[0])), // no Segment
                concat(el(SEGMENT, el(INFO, new byte[0]))), // no EBML header
                new byte[0]);
        int i = 0;
        for (byte[] bytes : hostile) {
            int n = i++;
            assertThatThrownBy(() -> scrub(bytes)).as("hostile " + n).isInstanceOf(Rejected.class);
        }
    }

    @Test
    void deepNestingIsVoidedWithoutBeingWalked() throws Exception {
        byte[] deep = str(0x67C8, "Riya at home");
        for (int i = 0; i < 5_000; i++) {
            deep = el(i % 2 == 0 ? 0x67C8 : 0x7373, deep);
        }
        byte[] before = file(segment(true, el(INFO, uint(TIMESTAMP_SCALE, 1_000_000)), cluster(true, 1),
                el(TAGS, deep)));
        byte[] after = scrub(before);
        assertThat(after).hasSameSizeAs(before);
        assertThat(latin1(after)).doesNotContain("Riya");
    }

    @Test
    void aFloodOfTinyElementsIsOneVoidOrRefused() throws Exception {
        ByteArrayOutputStream flood = new ByteArrayOutputStream();
        ByteArrayOutputStream mixed = new ByteArrayOutputStream();
        for (int i = 0; i < 1_000_000; i++) {
            flood.write(new byte[] {(byte) 0x81, (byte) 0x80}); // an unknown 1-byte ID, empty
            mixed.write(new byte[] {(byte) 0x81, (byte) 0x80, (byte) 0xEC, (byte) 0x80}); // a kept Void between
        }
        byte[] before = file(segment(true, flood.toByteArray()));
        byte[] after = scrub(before);
        assertThat(after).hasSameSizeAs(before);
        assertThat(segmentChildren(after)).extracting(El::id).containsExactly(VOID);
        assertThatThrownBy(() -> scrub(file(segment(true, mixed.toByteArray())))).isInstanceOf(Rejected.class);
    }

    @Test
    void aLargeSparseRecordingIsWalkedByItsHeadersOnly() throws Exception {
        Path big = work.resolve("big.webm");
        byte[] head = concat(ebmlHeader(), header(SEGMENT, UNKNOWN), el(INFO, uint(TIMESTAMP_SCALE, 1_000_000)),
                header(CLUSTER, UNKNOWN), uint(0xE7, 0), header(0xA3, 200L << 20));
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.write(head);
            f.setLength(head.length + (200L << 20) - 1000); // and cut off: an interrupted recording
        }
        long t = System.nanoTime();
        assertThat(WebmScrubber.scrub(big, work.resolve("big-out.webm"))).isFalse();
        assertThat(System.nanoTime() - t).isLessThan(5_000_000_000L);
    }

    @Test
    void randomDamageIsRejectedOrCleaned() throws Exception {
        byte[] good = sample(true, true);
        byte[] known = sample(false, false);
        Random random = new Random(20240601L);
        Path in = work.resolve("damaged.webm");
        Path out = work.resolve("damaged-out.webm");
        int rejected = 0;
        for (int i = 0; i < 300; i++) {
            byte[] bytes = (i % 2 == 0 ? good : known).clone();
            int flips = 1 + random.nextInt(4);
            for (int f = 0; f < flips; f++) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            if (random.nextInt(3) == 0) {
                bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
            }
            Files.write(in, bytes);
            Files.deleteIfExists(out);
            try {
                if (WebmScrubber.scrub(in, out)) {
                    assertThat(Files.size(out)).isEqualTo(bytes.length);
                }
            } catch (Rejected expected) {
                rejected++;
            } catch (RuntimeException | Error e) {
                fail("mutation " + i + " threw " + e, e);
            }
        }
        assertThat(rejected).isBetween(1, 299);
    }

    // ---- a tiny EBML writer

    static byte[] sample(boolean unknownSegment, boolean unknownClusters) {
        byte[] info = el(INFO, el(CRC32, new byte[] {1, 2, 3, 4}), uint(TIMESTAMP_SCALE, 1_000_000),
                el(DURATION, new byte[] {0x40, (byte) 0xA7, 0x70, 0, 0, 0, 0, 0}), str(0x7BA9, "Riya, 12 Park Street"),
                str(MUXING_APP, "Lavf"), str(WRITING_APP, "Riya's phone SM-X"),
                el(DATE_UTC, new byte[] {0x0A, 0x1B, 0x2C, 0x3D, 0x4E, 0x5F, 0x60, 0x71}),
                el(0x73A4, new byte[16]));
        byte[] tracks = el(TRACKS, el(TRACK_ENTRY, uint(0xD7, 1), uint(0x73C5, 77), str(0x86, "V_VP9"),
                str(TRACK_NAME, "Riya's bedroom cam")));
        byte[] clusters = concat(cluster(unknownClusters, 1), cluster(unknownClusters, 2));
        byte[] cues = el(CUES, el(0xBB, uint(0xB3, 0)));
        byte[] tags = el(TAGS, el(0x7373, el(0x63C0, uint(0x68CA, 50)),
                el(0x67C8, str(0x45A3, "LOCATION"), str(0x4487, "+22.57+088.36"))));
        byte[] attachments = el(ATTACHMENTS, el(0x61A7, str(0x466E, "riya.jpg"), str(0x4660, "image/jpeg"),
                str(0x465C, "RIYA-FACE-PIXELS" + "x".repeat(300)), uint(0x46AE, 9)));
        byte[] chapters = el(CHAPTERS, el(0x45B9, el(0xB6, uint(0x73C4, 1), uint(0x91, 0),
                el(0x80, str(0x85, "Riya at home")))));
        // SeekHead with fixed-width positions, so its size is known before the positions are.
        int seekHeadSize = seekHead(new long[4]).length;
        long infoAt = seekHeadSize;
        long tracksAt = infoAt + info.length;
        long cuesAt = tracksAt + tracks.length + clusters.length;
        long tagsAt = cuesAt + cues.length;
        byte[] seekHead = seekHead(new long[] {infoAt, tracksAt, tagsAt, cuesAt});
        return file(segment(unknownSegment, seekHead, info, tracks, clusters, cues, tags, attachments, chapters));
    }

    static byte[] seekHead(long[] at) {
        long[] ids = {INFO, TRACKS, TAGS, CUES};
        List<byte[]> seeks = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            seeks.add(el(SEEK, el(SEEK_ID, idBytes(ids[i])), el(0x53AC, fixed(at[i], 8))));
        }
        return el(SEEK_HEAD, seeks.toArray(byte[][]::new));
    }

    static byte[] cluster(boolean unknownSize, int n) {
        byte[] block = new byte[400 + n];
        new Random(n).nextBytes(block);
        byte[] body = concat(uint(0xE7, n * 1000L), el(0xA3, block), el(0xA0, el(0xA1, new byte[] {(byte) 0x81, 0, 0})));
        return concat(header(CLUSTER, unknownSize ? UNKNOWN : body.length), body);
    }

    static byte[] file(byte[] segment) {
        return concat(ebmlHeader(), segment);
    }

    static byte[] ebmlHeader() {
        return el(EBML, uint(0x4286, 1), str(0x4282, "webm"), uint(0x4287, 2), uint(0x4285, 2));
    }

    static byte[] segment(boolean unknownSize, byte[]... children) {
        byte[] body = concat(children);
        return concat(header(SEGMENT, unknownSize ? UNKNOWN : body.length), body);
    }

    static byte[] el(long id, byte[]... children) {
        byte[] body = concat(children);
        return concat(header(id, body.length), body);
    }

    static byte[] str(long id, String s) {
        return el(id, s.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] uint(long id, long v) {
        return el(id, fixed(v, 8));
    }

    static byte[] header(long id, long size) {
        byte[] s;
        if (size == UNKNOWN) {
            s = new byte[] {0x01, -1, -1, -1, -1, -1, -1, -1};
        } else {
            int n = 1;
            while (size >= (1L << (7 * n)) - 1) {
                n++;
            }
            s = fixed(size, n);
            s[0] |= (byte) (0x80 >> (n - 1));
        }
        return concat(idBytes(id), s);
    }

    static byte[] idBytes(long id) {
        int n = (64 - Long.numberOfLeadingZeros(id) + 7) / 8;
        return fixed(id, n);
    }

    static byte[] fixed(long v, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[n - 1 - i] = (byte) (v >>> (8 * i));
        }
        return b;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    // ---- an independent reader

    record El(long id, long start, long dataStart, long end) {
    }

    static El header(byte[] f, int at) {
        int idLength = Integer.numberOfLeadingZeros(f[at] & 0xFF) - 23;
        long id = 0;
        for (int i = 0; i < idLength; i++) {
            id = (id << 8) | (f[at + i] & 0xFF);
        }
        int s = at + idLength;
        int sizeLength = Integer.numberOfLeadingZeros(f[s] & 0xFF) - 23;
        long size = f[s] & (0xFF >> sizeLength);
        for (int i = 1; i < sizeLength; i++) {
            size = (size << 8) | (f[s + i] & 0xFF);
        }
        long data = s + sizeLength;
        boolean unknown = size == (1L << (7 * sizeLength)) - 1;
        return new El(id, at, data, unknown ? UNKNOWN : data + size);
    }

    /** The Segment's children; an unknown-size Cluster ends at the next Segment-level element. */
    static List<El> segmentChildren(byte[] f) {
        El ebml = header(f, 0);
        El segment = header(f, (int) ebml.end);
        long end = segment.end == UNKNOWN ? f.length : segment.end;
        Set<Long> segmentLevel = Set.of(SEEK_HEAD, INFO, TRACKS, CLUSTER, CUES, TAGS, ATTACHMENTS, CHAPTERS);
        List<El> list = new ArrayList<>();
        long at = segment.dataStart;
        while (at < end) {
            El e = header(f, (int) at);
            if (e.end == UNKNOWN) {
                long c = e.dataStart;
                while (c < end && !segmentLevel.contains(header(f, (int) c).id)) {
                    c = header(f, (int) c).end;
                }
                e = new El(e.id, e.start, e.dataStart, c);
            }
            list.add(e);
            at = e.end;
        }
        return list;
    }

    static List<El> children(byte[] f, El parent) {
        List<El> list = new ArrayList<>();
        for (long at = parent.dataStart; at < parent.end; at = list.get(list.size() - 1).end) {
            list.add(header(f, (int) at));
        }
        return list;
    }

    static El only(List<El> list, long id) {
        List<El> found = list.stream().filter(e -> e.id == id).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    static long uint(byte[] f, El e) {
        long v = 0;
        for (long i = e.dataStart; i < e.end; i++) {
            v = (v << 8) | (f[(int) i] & 0xFF);
        }
        return v;
    }

    private byte[] scrub(byte[] bytes) throws Exception {
        Path in = Files.createTempFile(work, "in-", ".webm");
        Path out = Files.createTempFile(work, "out-", ".webm");
        Files.write(in, bytes);
        return WebmScrubber.scrub(in, out) ? Files.readAllBytes(out) : bytes;
    }

    static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
