package org.juryroom.storage.scrub;

import org.juryroom.storage.ReviewNote;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * MP4 clean-up by rewriting the box tree, without decoding: user-data and metadata boxes
 * ({@code udta}, {@code meta}, {@code uuid}: location {@code loci}/{@code ©xyz}, artist, comments,
 * XMP) are dropped from the top level and from {@code moov} and its tracks; creation and
 * modification times in {@code mvhd}/{@code tkhd}/{@code mdhd} and handler names (a track's title) are zeroed. A track that is
 * neither picture nor sound (timed metadata such as an action camera's or a drone's GPS
 * telemetry, a phone's location track, subtitles, timecode) is dropped from {@code moov} and its
 * samples are zeroed where they lie, so nothing else moves. Only {@code moov} is
 * read into memory. When {@code moov} shrinks in front of the media data ("faststart" files) the
 * media moves, so every {@code stco}/{@code co64} chunk offset is shifted by the bytes removed
 * before it. Fragmented MP4 (absolute offsets in {@code moof}) is not rewritten but flagged.
 */
final class Mp4Scrubber {

    /** What became of the file: rewritten (or already clean), or left as it was with a reason for review. */
    record Outcome(boolean changed, String reviewNote) {
    }

    /**
     * As {@link ReviewNote#LARGE_MP4_HEADER} says: {@code moov} is held twice while it is rewritten (as read and
     * as written), which must fit a small heap beside everything else (src/main/jvm/juryroom.jvm: 128 MiB).
     * A phone's ten-minute video has a header of a megabyte or two.
     */
    static final long MAX_MOOV = 16L << 20;
    private static final Set<String> DROPPED = Set.of("udta", "meta", "uuid");
    private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia", "minf", "stbl", "edts");
    private static final Set<String> DATED = Set.of("mvhd", "tkhd", "mdhd");
    /** The handler types of the tracks kept: what a juror sees and hears. */
    private static final Set<String> MEDIA_HANDLERS = Set.of("vide", "soun");

    private record Box(String type, long offset, long size, int header) {
        long end() {
            return offset + size;
        }
    }

    private Mp4Scrubber() {
    }

    static Outcome scrub(Path in, Path out) throws IOException {
        try (FileChannel src = FileChannel.open(in, StandardOpenOption.READ)) {
            List<Box> top = topLevel(src);
            List<Box> moovs = top.stream().filter(b -> b.type.equals("moov")).toList();
            if (moovs.size() != 1) {
                throw new Rejected("the MP4 must have exactly one movie header (moov box), it has " + moovs.size());
            }
            if (top.stream().anyMatch(b -> b.type.equals("moof"))) {
                return new Outcome(false, ReviewNote.FRAGMENTED_MP4.text);
            }
            Box moov = moovs.get(0);
            if (moov.size > MAX_MOOV) {
                return new Outcome(false, ReviewNote.LARGE_MP4_HEADER.text);
            }
            ByteBuffer moovBytes = ByteBuffer.allocate((int) moov.size);
            readFully(src, moovBytes, moov.offset);
            byte[] original = moovBytes.array();
            // Written into one buffer of the original's size (the rewrite never grows), containers' sizes patched
            // in place: no copy per nesting level.
            Out rewritten = new Out(original.length);
            List<int[]> dropped = new ArrayList<>();
            container(rewritten, "moov", () -> rewriteChildren(original, moov.header, original.length, rewritten, 8,
                    dropped));
            byte[] newMoov = rewritten.array();
            int newLength = rewritten.size();
            // The removed bytes per top-level box, to shift offsets into the media that follows them.
            long[] removed = new long[top.size()];
            boolean changed = !java.util.Arrays.equals(newMoov, 0, newLength, original, 0, original.length);
            for (int i = 0; i < top.size(); i++) {
                Box b = top.get(i);
                if (DROPPED.contains(b.type)) {
                    removed[i] = b.size;
                    changed = true;
                } else if (b == moov) {
                    removed[i] = b.size - newLength;
                }
            }
            if (!changed) {
                return new Outcome(false, null);
            }
            shiftChunkOffsets(newMoov, 8, newLength, top, removed);
            try (FileChannel dst = FileChannel.open(out, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                for (Box b : top) {
                    if (DROPPED.contains(b.type)) {
                        continue;
                    }
                    if (b == moov) {
                        ByteBuffer buffer = ByteBuffer.wrap(newMoov, 0, newLength);
                        while (buffer.hasRemaining()) {
                            dst.write(buffer);
                        }
                    } else {
                        long done = 0;
                        while (done < b.size) {
                            long n = src.transferTo(b.offset + done, b.size - done, dst);
                            if (n <= 0) {
                                throw new Rejected("the MP4 is truncated");
                            }
                            done += n;
                        }
                    }
                }
                for (int[] track : dropped) {
                    ByteBuffer zeros = ByteBuffer.allocate(1 << 16);
                    sampleRanges(original, track[0], track[1], (offset, length) ->
                            blank(dst, zeros, offset, length, top, removed));
                }
            }
            return new Outcome(true, null);
        }
    }

    private static List<Box> topLevel(FileChannel src) throws IOException {
        long fileSize = src.size();
        List<Box> boxes = new ArrayList<>();
        long at = 0;
        while (at < fileSize) {
            if (fileSize - at < 8) {
                throw new Rejected("the MP4 ends inside a box header");
            }
            ByteBuffer h = ByteBuffer.allocate(16);
            h.limit((int) Math.min(16, fileSize - at));
            readFully(src, h, at);
            long size = Integer.toUnsignedLong(h.getInt(0));
            String type = new String(h.array(), 4, 4, StandardCharsets.ISO_8859_1);
            int header = 8;
            if (size == 1) {
                if (h.limit() < 16) {
                    throw new Rejected("the MP4 ends inside a box header");
                }
                size = h.getLong(8);
                header = 16;
            } else if (size == 0) {
                size = fileSize - at;
            }
            if (size < header || size > fileSize - at) {
                throw new Rejected("the MP4 has a box (" + printable(type) + ") that does not fit in the file");
            }
            boxes.add(new Box(type, at, size, header));
            at += size;
        }
        return boxes;
    }

    /** Copies the children of a container in {@code buf[from, to)}, dropping and rewriting as described. */
    private static void rewriteChildren(byte[] buf, int from, int to, Out out, int depth, List<int[]> dropped) {
        if (depth == 0) {
            throw new Rejected("the MP4 boxes are nested too deeply");
        }
        int at = from;
        while (at < to) {
            if (to - at < 8) {
                throw new Rejected("the MP4 movie header ends inside a box");
            }
            long size = Integer.toUnsignedLong(ByteBuffer.wrap(buf, at, 4).getInt());
            String type = new String(buf, at + 4, 4, StandardCharsets.ISO_8859_1);
            int header = 8;
            if (size == 1) {
                if (to - at < 16) {
                    throw new Rejected("the MP4 movie header ends inside a box");
                }
                size = ByteBuffer.wrap(buf, at + 8, 8).getLong();
                header = 16;
            } else if (size == 0) {
                size = to - at;
            }
            if (size < header || size > to - at) {
                throw new Rejected("the MP4 movie header has a box (" + printable(type) + ") that does not fit");
            }
            int end = (int) (at + size);
            if (DROPPED.contains(type)) {
                at = end;
                continue;
            }
            if (type.equals("trak") && !MEDIA_HANDLERS.contains(handler(buf, at + header, end))) {
                dropped.add(new int[] {at + header, end}); // its samples are blanked once the file is written
                at = end;
                continue;
            }
            if (CONTAINERS.contains(type)) {
                int childrenFrom = at + header;
                container(out, type, () -> rewriteChildren(buf, childrenFrom, end, out, depth - 1, dropped));
            } else {
                int start = out.size();
                out.write(buf, at, end - at);
                if (DATED.contains(type)) {
                    zeroDates(out.array(), start, header, end - at);
                } else if (type.equals("hdlr")) {
                    zeroName(out.array(), start, header, end - at);
                }
            }
            at = end;
        }
    }

    /** The handler type of a track ({@code mdia/hdlr}), or null without one. */
    private static String handler(byte[] buf, int from, int to) {
        int[] mdia = child(buf, from, to, "mdia");
        int[] hdlr = mdia == null ? null : child(buf, mdia[0], mdia[1], "hdlr");
        if (hdlr == null || hdlr[1] - hdlr[0] < 12) {
            return null;
        }
        return new String(buf, hdlr[0] + 8, 4, StandardCharsets.ISO_8859_1); // after version, flags, pre_defined
    }

    /**
     * Where a track's samples lie in the file, each chunk's offset and length to {@code sink}, from its sample
     * tables ({@code stsc}, {@code stsz}/{@code stz2}, {@code stco}/{@code co64}); 422 when they cannot be read.
     * Handed over one by one, not listed: a hostile table of millions of chunks must not fill the heap.
     */
    private static void sampleRanges(byte[] buf, int from, int to, RangeSink sink) throws IOException {
        int[] stbl = path(buf, from, to, "mdia", "minf", "stbl");
        int[] offsets = stbl == null ? null : child(buf, stbl[0], stbl[1], "stco");
        boolean wide = false;
        if (stbl != null && offsets == null) {
            offsets = child(buf, stbl[0], stbl[1], "co64");
            wide = true;
        }
        long chunks = offsets == null ? 0 : table(buf, offsets, wide ? 8 : 4);
        if (chunks == 0) {
            return; // no samples
        }
        int[] stsc = child(buf, stbl[0], stbl[1], "stsc");
        int[] sizes = child(buf, stbl[0], stbl[1], "stsz");
        int[] compact = sizes == null ? child(buf, stbl[0], stbl[1], "stz2") : null;
        if (stsc == null || (sizes == null && compact == null)) {
            throw new Rejected("the MP4 has a malformed sample table");
        }
        long runs = table(buf, stsc, 12);
        ByteBuffer b = ByteBuffer.wrap(buf);
        long sampleCount;
        int fieldBits;
        int sizesAt;
        long constant = 0;
        if (sizes != null) {
            requireLength(sizes, 12);
            constant = Integer.toUnsignedLong(b.getInt(sizes[0] + 4));
            sampleCount = Integer.toUnsignedLong(b.getInt(sizes[0] + 8));
            fieldBits = 32;
            sizesAt = sizes[0] + 12;
            if (constant == 0 && 12 + sampleCount * 4 > sizes[1] - sizes[0]) {
                throw new Rejected("the MP4 has a malformed sample table");
            }
        } else {
            requireLength(compact, 12);
            fieldBits = buf[compact[0] + 7] & 0xFF;
            sampleCount = Integer.toUnsignedLong(b.getInt(compact[0] + 8));
            sizesAt = compact[0] + 12;
            if ((fieldBits != 4 && fieldBits != 8 && fieldBits != 16)
                    || 12 + (sampleCount * fieldBits + 7) / 8 > compact[1] - compact[0]) {
                throw new Rejected("the MP4 has a malformed sample table");
            }
        }
        long sample = 0;
        int run = 0;
        for (long chunk = 1; chunk <= chunks && sample < sampleCount; chunk++) {
            while (run + 1 < runs && Integer.toUnsignedLong(b.getInt(stsc[0] + 8 + (run + 1) * 12)) <= chunk) {
                run++;
            }
            long perChunk = runs == 0 ? 0 : Integer.toUnsignedLong(b.getInt(stsc[0] + 8 + run * 12 + 4));
            long n = Math.min(perChunk, sampleCount - sample);
            long length = 0;
            if (constant != 0) {
                // One size for every sample: counted, not walked (a table may claim billions of samples).
                length = n > Long.MAX_VALUE / constant ? Long.MAX_VALUE : n * constant;
                sample += n;
            } else {
                for (long k = 0; k < n; k++, sample++) {
                    length += sampleSize(buf, sizesAt, fieldBits, sample);
                }
            }
            int p = offsets[0] + 8 + (int) (chunk - 1) * (wide ? 8 : 4);
            sink.accept(wide ? b.getLong(p) : Integer.toUnsignedLong(b.getInt(p)), length);
        }
    }

    private interface RangeSink {
        void accept(long offset, long length) throws IOException;
    }

    private static long sampleSize(byte[] buf, int at, int bits, long sample) {
        return switch (bits) {
            case 32 -> Integer.toUnsignedLong(ByteBuffer.wrap(buf).getInt(at + (int) sample * 4));
            case 16 -> ByteBuffer.wrap(buf).getShort(at + (int) sample * 2) & 0xFFFF;
            case 8 -> buf[at + (int) sample] & 0xFF;
            default -> (buf[at + (int) (sample / 2)] >> (sample % 2 == 0 ? 4 : 0)) & 0x0F;
        };
    }

    /** The entry count of a full box's table ({body from, to}) whose entries are {@code width} bytes, checked to fit. */
    private static long table(byte[] buf, int[] box, int width) {
        requireLength(box, 8);
        long count = Integer.toUnsignedLong(ByteBuffer.wrap(buf).getInt(box[0] + 4));
        if (8 + count * width > box[1] - box[0]) {
            throw new Rejected("the MP4 has a malformed sample table");
        }
        return count;
    }

    private static void requireLength(int[] box, int length) {
        if (box[1] - box[0] < length) {
            throw new Rejected("the MP4 has a malformed sample table");
        }
    }

    private static int[] path(byte[] buf, int from, int to, String... types) {
        int[] at = {from, to};
        for (String type : types) {
            at = child(buf, at[0], at[1], type);
            if (at == null) {
                return null;
            }
        }
        return at;
    }

    /** The body {from, to} of the first child box of that type in {@code buf[from, to)}, or null. */
    private static int[] child(byte[] buf, int from, int to, String type) {
        int at = from;
        while (to - at >= 8) {
            long size = Integer.toUnsignedLong(ByteBuffer.wrap(buf, at, 4).getInt());
            int header = 8;
            if (size == 1) {
                if (to - at < 16) {
                    return null;
                }
                size = ByteBuffer.wrap(buf, at + 8, 8).getLong();
                header = 16;
            } else if (size == 0) {
                size = to - at;
            }
            String found = new String(buf, at + 4, 4, StandardCharsets.ISO_8859_1);
            if (size < header || size > to - at) {
                throw new Rejected("the MP4 movie header has a box (" + printable(found) + ") that does not fit");
            }
            if (found.equals(type)) {
                return new int[] {at + header, (int) (at + size)};
            }
            at += (int) size;
        }
        return null;
    }

    /**
     * Zeroes a chunk of a dropped track in the written file, where it moved to; it must lie in media
     * data that was kept (not in {@code moov} nor in a dropped box, nor past the end).
     */
    private static void blank(FileChannel dst, ByteBuffer zeros, long offset, long length, List<Box> top,
                              long[] removed) throws IOException {
        if (length == 0) {
            return;
        }
        Box in = top.stream().filter(b -> b.offset <= offset && offset < b.end()).findFirst().orElse(null);
        if (in == null || length > in.end() - offset || in.type.equals("moov") || DROPPED.contains(in.type)) {
            throw new Rejected("the MP4 has a data track whose samples lie outside its media data");
        }
        long at = offset - removedBefore(offset, top, removed);
        for (long left = length; left > 0; ) {
            zeros.clear().limit((int) Math.min(zeros.capacity(), left));
            int n = dst.write(zeros, at);
            at += n;
            left -= n;
        }
    }

    /** Writes a container box: an 8-byte header whose size is set once its children are written. */
    private static void container(Out out, String type, Runnable children) {
        int start = out.size();
        out.write(new byte[8], 0, 8);
        children.run();
        ByteBuffer.wrap(out.array()).putInt(start, out.size() - start)
                .put(start + 4, type.getBytes(StandardCharsets.ISO_8859_1), 0, 4);
    }

    /** A byte buffer whose written bytes can be changed in place (sizes, dates) without a copy. */
    private static final class Out extends ByteArrayOutputStream {
        Out(int capacity) {
            super(capacity);
        }

        byte[] array() {
            return buf;
        }
    }

    /** Zeroes creation and modification time (after version/flags), 4 bytes each in v0, 8 in v1. */
    private static void zeroDates(byte[] all, int start, int header, int size) {
        int body = start + header;
        if (size < header + 4) {
            return;
        }
        int width = all[body] == 1 ? 8 : 4;
        int datesEnd = Math.min(body + 4 + 2 * width, start + size);
        for (int i = body + 4; i < datesEnd; i++) {
            all[i] = 0;
        }
    }

    /**
     * Zeroes a handler's name (after version/flags, pre_defined, handler type and 12 reserved bytes), in place: it is
     * the track's title to players and to ffmpeg ({@code handler_name}), which can be a child's name, as a WebM track's
     * Name can. Zeroed, it reads as empty both as a C string and as QuickTime's counted string.
     */
    private static void zeroName(byte[] all, int start, int header, int size) {
        for (int i = start + header + 24; i < start + size; i++) {
            all[i] = 0;
        }
    }

    /** Walks the rewritten (well-formed, 32-bit sized) tree and shifts every stco/co64 entry. */
    private static void shiftChunkOffsets(byte[] moov, int from, int to, List<Box> top, long[] removed) {
        ByteBuffer b = ByteBuffer.wrap(moov);
        int at = from;
        while (at + 8 <= to) {
            int size = b.getInt(at);
            String type = new String(moov, at + 4, 4, StandardCharsets.ISO_8859_1);
            if (size < 8 || size > to - at) {
                return; // a 64-bit or to-end size inside a leaf: nothing of ours to patch there
            }
            if (CONTAINERS.contains(type)) {
                shiftChunkOffsets(moov, at + 8, at + size, top, removed);
            } else if (type.equals("stco") || type.equals("co64")) {
                shiftTable(b, at, size, type.equals("co64") ? 8 : 4, top, removed);
            }
            at += size;
        }
    }

    private static void shiftTable(ByteBuffer b, int at, int size, int width, List<Box> top, long[] removed) {
        if (size < 16) {
            throw new Rejected("the MP4 has a malformed chunk offset table");
        }
        long count = Integer.toUnsignedLong(b.getInt(at + 12));
        if (16 + count * width > size) {
            throw new Rejected("the MP4 chunk offset table is larger than its box");
        }
        for (int i = 0; i < count; i++) {
            int p = at + 16 + i * width;
            long offset = width == 8 ? b.getLong(p) : Integer.toUnsignedLong(b.getInt(p));
            long shifted = offset - removedBefore(offset, top, removed);
            if (width == 8) {
                b.putLong(p, shifted);
            } else {
                b.putInt(p, (int) shifted);
            }
        }
    }

    private static long removedBefore(long offset, List<Box> top, long[] removed) {
        long total = 0;
        for (int i = 0; i < top.size(); i++) {
            Box box = top.get(i);
            if (box.end() <= offset) {
                total += removed[i];
            } else if (box.offset <= offset && removed[i] != 0) {
                throw new Rejected("the MP4 has media data inside its metadata boxes");
            }
        }
        return total;
    }

    private static void readFully(FileChannel src, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = src.read(buffer, at);
            if (n < 0) {
                throw new Rejected("the MP4 is truncated");
            }
            at += n;
        }
        buffer.flip();
    }

    private static String printable(String type) {
        return type.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
