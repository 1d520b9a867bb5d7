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

    /**
     * A phone-style ("faststart": {@code moov} before {@code mdat}) MP4 of one video track and one
     * timed-metadata track (handler {@code meta}, as an action camera's GPS telemetry): one sample
     * each, the video's {@code VIDEO_SAMPLE}, the telemetry's {@code telemetry}, one after the other in {@code mdat}.
     */
    public static byte[] mp4WithTelemetry(byte[] telemetry) {
        byte[] video = VIDEO_SAMPLE.getBytes(StandardCharsets.ISO_8859_1);
        byte[] ftyp = box("ftyp", "isom".getBytes(StandardCharsets.ISO_8859_1), new byte[] {0, 0, 2, 0},
                "isomiso2mp41".getBytes(StandardCharsets.ISO_8859_1));
        int moovLength = telemetryMoov(video.length, 0, telemetry.length, 0).length; // offsets do not change it
        int first = ftyp.length + moovLength + 8;
        byte[] moov = telemetryMoov(video.length, first, telemetry.length, first + video.length);
        return concat(ftyp, moov, box("mdat", video, telemetry));
    }

    /** The one sample of {@link #mp4WithTelemetry}'s video track. */
    public static final String VIDEO_SAMPLE = "VIDEOFRAME-0001-the-pictures-of-the-video-track-000";

    private static byte[] telemetryMoov(int videoSize, int videoAt, int telemetrySize, int telemetryAt) {
        byte[] mvhd = new byte[100];
        ByteBuffer.wrap(mvhd).putInt(12, 1000).putInt(16, 1000).putInt(20, 0x00010000).putInt(96, 3);
        return box("moov", box("mvhd", mvhd), track(1, "vide", VIDEO_TITLE, videoSize, videoAt),
                track(2, "meta", "", telemetrySize, telemetryAt));
    }

    /** The title of {@link #mp4WithTelemetry}'s video track (its handler's name, as ffmpeg's {@code handler_name} sets it). */
    public static final String VIDEO_TITLE = "Interview with Riya at the school gate";

    /** A track of one sample of {@code size} bytes at {@code at} in the file, titled {@code name}. */
    public static byte[] track(int id, String handler, String name, int size, int at) {
        byte[] tkhd = new byte[84];
        ByteBuffer.wrap(tkhd).putInt(0, 3).putInt(12, id);
        byte[] mdhd = new byte[24];
        ByteBuffer.wrap(mdhd).putInt(12, 1000).putInt(16, 1000);
        byte[] hdlr = new byte[25 + name.length()];
        ByteBuffer.wrap(hdlr).put(8, handler.getBytes(StandardCharsets.ISO_8859_1))
                .put(24, name.getBytes(StandardCharsets.ISO_8859_1));
        byte[] stbl = box("stbl", box("stsd", new byte[8]), box("stts", new byte[8]),
                box("stsc", ByteBuffer.allocate(20).putInt(4, 1).putInt(8, 1).putInt(12, 1).putInt(16, 1).array()),
                box("stsz", ByteBuffer.allocate(16).putInt(8, 1).putInt(12, size).array()),
                box("stco", ByteBuffer.allocate(12).putInt(4, 1).putInt(8, at).array()));
        return box("trak", box("tkhd", tkhd), box("mdia", box("mdhd", mdhd), box("hdlr", hdlr),
                box("minf", stbl)));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
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
