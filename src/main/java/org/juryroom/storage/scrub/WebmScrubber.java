package org.juryroom.storage.scrub;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * WebM (Matroska) clean-up in place, without moving a byte: the copy has the original's length and
 * every kept element stays at its offset, so {@code SeekHead} and {@code Cues} positions stay valid.
 * An element that goes is overwritten by an EBML {@code Void} of the same total length (payload
 * zeroed): at Segment level everything but {@code SeekHead}, {@code Info}, {@code Tracks},
 * {@code Cluster}, {@code Cues} (so {@code Tags}, {@code Attachments}, {@code Chapters}); in
 * {@code Info} everything but the timestamp scale, duration, muxing/writing app and date (so
 * {@code Title}, file names, UIDs); a track's {@code Name}; {@code Seek} entries to what was
 * voided; a {@code CRC-32} whose element changed. The muxing/writing app and {@code DateUTC} are
 * zeroed (EBML strings may be NUL-padded: they read as empty). Only element headers are read;
 * a {@code Cluster}'s media is never loaded. The walk descends along fixed paths only (at most four
 * levels), so nesting depth is bounded by construction: deeper structures sit in voided elements.
 */
final class WebmScrubber {

    static final long EBML = 0x1A45DFA3L;
    static final long SEGMENT = 0x18538067L;
    static final long SEEK_HEAD = 0x114D9B74L;
    static final long INFO = 0x1549A966L;
    static final long TRACKS = 0x1654AE6BL;
    static final long CLUSTER = 0x1F43B675L;
    static final long CUES = 0x1C53BB6BL;
    static final long TAGS = 0x1254C367L;
    static final long ATTACHMENTS = 0x1941A469L;
    static final long CHAPTERS = 0x1043A770L;
    static final long VOID = 0xECL;
    static final long CRC32 = 0xBFL;
    static final long SEEK = 0x4DBBL;
    static final long SEEK_ID = 0x53ABL;
    static final long TRACK_ENTRY = 0xAEL;
    static final long TRACK_NAME = 0x536EL;
    static final long TIMESTAMP_SCALE = 0x2AD7B1L;
    static final long DURATION = 0x4489L;
    static final long MUXING_APP = 0x4D80L;
    static final long WRITING_APP = 0x5741L;
    static final long DATE_UTC = 0x4461L;

    /** Segment children that stay; everything else there is voided, and a Seek to it too. */
    private static final Set<Long> SEGMENT_KEPT = Set.of(SEEK_HEAD, INFO, TRACKS, CLUSTER, CUES);
    /** Where an unknown-size Cluster ends: the next Segment-level or top-level element. */
    private static final Set<Long> ENDS_CLUSTER = Set.of(SEEK_HEAD, INFO, TRACKS, CLUSTER, CUES, TAGS,
            ATTACHMENTS, CHAPTERS, EBML, SEGMENT);
    private static final Set<Long> ZEROED = Set.of(MUXING_APP, WRITING_APP, DATE_UTC);
    /** Legitimate files need a handful; a forged flood of tiny elements must not fill the heap. */
    static final int MAX_EDITS = 100_000;
    private static final int WINDOW = 8192;

    private record Element(long id, long start, int header, long size) {
        long dataStart() {
            return start + header;
        }

        long end() {
            return start + header + size;
        }

        boolean unknownSize() {
            return size < 0;
        }
    }

    /** Overwrite {@code [at, at + length)}: with a Void element, or zeros only (a string's payload). */
    private record Edit(long at, long length, boolean asVoid) {
    }

    private final FileChannel src;
    private final long fileSize;
    private final List<Edit> edits = new ArrayList<>();
    private final ByteBuffer window = ByteBuffer.allocate(WINDOW);
    private long windowAt = -1;

    private WebmScrubber(FileChannel src) throws IOException {
        this.src = src;
        this.fileSize = src.size();
    }

    /** Writes the clean copy to {@code out} and returns true, or returns false (nothing written) if already clean. */
    static boolean scrub(Path in, Path out) throws IOException {
        List<Edit> edits;
        try (FileChannel src = FileChannel.open(in, StandardOpenOption.READ)) {
            WebmScrubber walk = new WebmScrubber(src);
            walk.file();
            edits = walk.edits;
        }
        if (edits.isEmpty()) {
            return false;
        }
        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
        ByteBuffer zeros = ByteBuffer.allocate(64 << 10);
        try (FileChannel dst = FileChannel.open(out, StandardOpenOption.WRITE)) {
            for (Edit e : edits) {
                long at = e.at;
                long end = e.at + e.length;
                if (e.asVoid) {
                    byte[] h = voidHeader(e.length);
                    writeFully(dst, ByteBuffer.wrap(h), at);
                    at += h.length;
                }
                while (at < end) {
                    ByteBuffer z = zeros.duplicate();
                    z.limit((int) Math.min(z.capacity(), end - at));
                    at += writeFully(dst, z, at);
                }
            }
        }
        return true;
    }

    /** A Void's header for a total length {@code total >= 2}: a 1-byte size while it fits, else 8 bytes. */
    static byte[] voidHeader(long total) {
        if (total - 2 <= 126) {
            return new byte[] {(byte) 0xEC, (byte) (0x80 | (total - 2))};
        }
        long payload = total - 9;
        byte[] h = new byte[9];
        h[0] = (byte) 0xEC;
        h[1] = 0x01;
        for (int i = 0; i < 7; i++) {
            h[8 - i] = (byte) (payload >>> (8 * i));
        }
        return h;
    }

    private void file() throws IOException {
        long at = 0;
        boolean segmentSeen = false;
        while (at < fileSize) {
            Element e = header(at, fileSize, false);
            if (at == 0 && e.id != EBML) {
                throw new Rejected("the WebM does not start with its file header");
            }
            long end;
            if (e.unknownSize()) {
                if (e.id != SEGMENT) {
                    throw unknownSize(e);
                }
                end = fileSize; // a live recording's Segment runs to the end of the file
            } else {
                end = within(e, fileSize);
            }
            if (e.id == SEGMENT) {
                if (segmentSeen) {
                    throw new Rejected("the WebM has more than one segment");
                }
                segmentSeen = true;
                segment(e.dataStart(), end, e.unknownSize());
            } else if (e.id != EBML && e.id != VOID) {
                voidElement(e.start, end);
            }
            at = end;
        }
        if (!segmentSeen) {
            throw new Rejected("the WebM has no segment");
        }
    }

    private void segment(long from, long to, boolean toEndOfFile) throws IOException {
        long at = from;
        while (at < to) {
            Element e = header(at, to, false);
            long end;
            if (e.id == CLUSTER) {
                end = clusterEnd(e, to, toEndOfFile);
            } else if (e.unknownSize()) {
                throw unknownSize(e);
            } else {
                end = within(e, to);
            }
            if (e.id == SEGMENT) {
                throw new Rejected("the WebM has more than one segment");
            } else if (e.id == SEEK_HEAD) {
                seekHead(e);
            } else if (e.id == INFO) {
                info(e);
            } else if (e.id == TRACKS) {
                tracks(e);
            } else if (!SEGMENT_KEPT.contains(e.id) && e.id != VOID) {
                voidElement(e.start, end);
            }
            at = end;
        }
    }

    /**
     * A Cluster's end. Unknown size (MediaRecorder): the next Segment- or top-level element, found by
     * walking the children's headers. A last Cluster cut off by the end of the file is tolerated
     * when the Segment runs to the end of the file: an interrupted recording.
     */
    private long clusterEnd(Element cluster, long to, boolean toEndOfFile) throws IOException {
        if (!cluster.unknownSize()) {
            return toEndOfFile && cluster.end() > to ? to : within(cluster, to);
        }
        long at = cluster.dataStart();
        while (at < to) {
            Element e = header(at, to, toEndOfFile);
            if (e == null) {
                return to;
            }
            if (ENDS_CLUSTER.contains(e.id)) {
                return at;
            }
            if (e.unknownSize()) {
                throw unknownSize(e);
            }
            if (e.end() > to) {
                if (toEndOfFile) {
                    return to;
                }
                within(e, to);
            }
            at = e.end();
        }
        return to;
    }

    private void info(Element info) throws IOException {
        boolean changed = false;
        List<Element> crcs = new ArrayList<>();
        for (Element e : children(info)) {
            if (ZEROED.contains(e.id)) {
                if (!allZero(e.dataStart(), e.size)) {
                    edit(new Edit(e.dataStart(), e.size, false));
                    changed = true;
                }
            } else if (e.id == CRC32) {
                crcs.add(e);
            } else if (e.id != TIMESTAMP_SCALE && e.id != DURATION && e.id != VOID) {
                voidElement(e.start, e.end());
                changed = true;
            }
        }
        voidIf(changed, crcs);
    }

    private void tracks(Element tracks) throws IOException {
        boolean changed = false;
        List<Element> crcs = new ArrayList<>();
        for (Element entry : children(tracks)) {
            if (entry.id == CRC32) {
                crcs.add(entry);
            } else if (entry.id == TRACK_ENTRY) {
                boolean entryChanged = false;
                List<Element> entryCrcs = new ArrayList<>();
                for (Element e : children(entry)) {
                    if (e.id == TRACK_NAME) {
                        // A track's name can be a child's or a device's name.
                        voidElement(e.start, e.end());
                        entryChanged = true;
                    } else if (e.id == CRC32) {
                        entryCrcs.add(e);
                    }
                }
                voidIf(entryChanged, entryCrcs);
                changed |= entryChanged;
            }
        }
        voidIf(changed, crcs);
    }

    private void seekHead(Element seekHead) throws IOException {
        boolean changed = false;
        List<Element> crcs = new ArrayList<>();
        for (Element e : children(seekHead)) {
            if (e.id == CRC32) {
                crcs.add(e);
            } else if (e.id == VOID) {
                continue;
            } else if (e.id != SEEK || !SEGMENT_KEPT.contains(seekTarget(e))) {
                // Nothing may point at voided data (nor say there were Tags or Attachments).
                voidElement(e.start, e.end());
                changed = true;
            }
        }
        voidIf(changed, crcs);
    }

    /** The element ID a Seek names, or -1 when it names none or more than one. */
    private long seekTarget(Element seek) throws IOException {
        long target = -1;
        int found = 0;
        for (Element e : children(seek)) {
            if (e.id == SEEK_ID) {
                found++;
                if (e.size >= 1 && e.size <= 4) {
                    byte[] b = read(e.dataStart(), (int) e.size);
                    target = 0;
                    for (byte x : b) {
                        target = (target << 8) | (x & 0xFF);
                    }
                }
            }
        }
        return found == 1 ? target : -1;
    }

    /** The children of a known-size master element, each of known size inside it. */
    private List<Element> children(Element parent) throws IOException {
        if (parent.unknownSize()) {
            throw unknownSize(parent);
        }
        List<Element> list = new ArrayList<>();
        long at = parent.dataStart();
        while (at < parent.end()) {
            Element e = header(at, parent.end(), false);
            if (e.unknownSize()) {
                throw unknownSize(e);
            }
            list.add(e);
            at = within(e, parent.end());
            if (list.size() > MAX_EDITS) {
                throw new Rejected("the WebM has too many metadata elements");
            }
        }
        return list;
    }

    private void voidIf(boolean changed, List<Element> crcs) {
        if (changed) {
            // The checksum covered what was changed: it would now be wrong.
            crcs.forEach(c -> voidElement(c.start, c.end()));
        }
    }

    private void voidElement(long start, long end) {
        Edit last = edits.isEmpty() ? null : edits.get(edits.size() - 1);
        if (last != null && last.asVoid && last.at + last.length == start) {
            // Adjacent voids become one: a flood of tiny elements costs one edit.
            edits.set(edits.size() - 1, new Edit(last.at, end - last.at, true));
        } else {
            edit(new Edit(start, end - start, true));
        }
    }

    private void edit(Edit e) {
        if (edits.size() >= MAX_EDITS) {
            throw new Rejected("the WebM has too many metadata elements");
        }
        edits.add(e);
    }

    /** The element's end, checked to lie within {@code limit}. */
    private static long within(Element e, long limit) {
        if (e.size > limit - e.dataStart()) {
            throw new Rejected("the WebM has an element that does not fit in its parent or in the file");
        }
        return e.end();
    }

    private static Rejected unknownSize(Element e) {
        return new Rejected("the WebM has an element of unknown size that cannot be cleaned");
    }

    /**
     * The element header at {@code at}, which must end by {@code limit}; null when it is cut off
     * and {@code cutOffIsEnd} (the file's end inside an interrupted recording).
     */
    private Element header(long at, long limit, boolean cutOffIsEnd) throws IOException {
        byte[] h = read(at, (int) Math.min(12, limit - at));
        int first = h[0] & 0xFF;
        if (first < 0x10) {
            throw new Rejected("the WebM has an invalid element identifier");
        }
        int idLength = Integer.numberOfLeadingZeros(first) - 23;
        if (h.length < idLength + 1) {
            return cutOff(cutOffIsEnd);
        }
        long id = 0;
        for (int i = 0; i < idLength; i++) {
            id = (id << 8) | (h[i] & 0xFF);
        }
        int sizeFirst = h[idLength] & 0xFF;
        if (sizeFirst == 0) {
            throw new Rejected("the WebM has an invalid element size");
        }
        int sizeLength = Integer.numberOfLeadingZeros(sizeFirst) - 23;
        if (h.length < idLength + sizeLength) {
            return cutOff(cutOffIsEnd);
        }
        long size = sizeFirst & (0xFF >> sizeLength);
        for (int i = 1; i < sizeLength; i++) {
            size = (size << 8) | (h[idLength + i] & 0xFF);
        }
        if (size == (1L << (7 * sizeLength)) - 1) {
            size = -1; // all ones: unknown size
        }
        return new Element(id, at, idLength + sizeLength, size);
    }

    private static Element cutOff(boolean cutOffIsEnd) {
        if (!cutOffIsEnd) {
            throw new Rejected("the WebM ends inside an element header");
        }
        return null;
    }

    private boolean allZero(long at, long length) throws IOException {
        long done = 0;
        while (done < length) {
            int n = (int) Math.min(WINDOW, length - done);
            for (byte b : read(at + done, n)) {
                if (b != 0) {
                    return false;
                }
            }
            done += n;
        }
        return true;
    }

    /** {@code n <= WINDOW} bytes at {@code at}, through a window: a walk of small headers reads the file once. */
    private byte[] read(long at, int n) throws IOException {
        if (n <= 0) {
            throw new Rejected("the WebM ends inside an element header");
        }
        if (windowAt < 0 || at < windowAt || at + n > windowAt + window.limit()) {
            window.clear();
            long p = at;
            while (window.hasRemaining()) {
                int r = src.read(window, p);
                if (r < 0) {
                    break;
                }
                p += r;
            }
            window.flip();
            windowAt = at;
            if (window.limit() < n) {
                windowAt = -1;
                throw new Rejected("the WebM is truncated");
            }
        }
        byte[] b = new byte[n];
        window.get((int) (at - windowAt), b, 0, n);
        return b;
    }

    private static int writeFully(FileChannel dst, ByteBuffer b, long at) throws IOException {
        int total = b.remaining();
        long p = at;
        while (b.hasRemaining()) {
            p += dst.write(b, p);
        }
        return total;
    }
}
