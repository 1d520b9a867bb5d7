package org.juryroom.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * MP4 files of any size that intake accepts (ftyp, one large mdat of random bytes, a minimal
 * moov; nothing to scrub), for uploads larger than the samples: the streaming tests and the
 * upload benchmark.
 */
public final class TestVideos {

    private TestVideos() {
    }

    public static byte[] mp4(int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        try {
            writeMp4(out, size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes an MP4 of exactly {@code size} bytes; the same size always gives the same bytes. */
    public static void writeMp4(OutputStream out, long size) throws IOException {
        byte[] ftyp = box("ftyp", "isom".getBytes(StandardCharsets.ISO_8859_1), new byte[] {0, 0, 2, 0},
                "isomiso2mp41".getBytes(StandardCharsets.ISO_8859_1));
        byte[] mvhd = new byte[108];
        ByteBuffer.wrap(mvhd).putInt(8, 0).putInt(12, 1000).putInt(16, 1000).putInt(20, 0x00010000);
        byte[] moov = box("moov", box("mvhd", mvhd));
        long payload = size - ftyp.length - 16 - moov.length;
        SplittableRandom random = new SplittableRandom(20261122L);
        out.write(ftyp);
        out.write(ByteBuffer.allocate(16).putInt(1).put("mdat".getBytes(StandardCharsets.ISO_8859_1))
                .putLong(16 + payload).array());
        byte[] buffer = new byte[8 << 20];
        for (long left = payload; left > 0; left -= buffer.length) {
            for (int i = 0; i < buffer.length; i += 8) {
                long v = random.nextLong();
                for (int k = 0; k < 8; k++) {
                    buffer[i + k] = (byte) (v >>> (8 * k));
                }
            }
            out.write(buffer, 0, (int) Math.min(buffer.length, left));
        }
        out.write(moov);
    }

    private static byte[] box(String type, byte[]... parts) {
        int length = 8;
        for (byte[] p : parts) {
            length += p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(length).putInt(length).put(type.getBytes(StandardCharsets.ISO_8859_1));
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.array();
    }
}
