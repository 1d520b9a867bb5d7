package org.juryroom.storage.scrub;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The checks on a PDF's raw bytes, before PDFBox parses it (the file is mapped, not read into the
 * heap): the header and end marker of a complete file; active content's names anywhere, also in
 * objects no cross-reference table lists; and the size of the object and cross-reference streams
 * PDFBox inflates whole while it parses, which no later check could stop.
 */
final class PdfBytes {

    /** Where the end-of-file marker must be: PDFBox's own look-up range. */
    private static final int EOF_WINDOW = 2048;
    /** How far before {@code stream} its dictionary may start. */
    private static final int DICTIONARY_WINDOW = 4096;
    /** Names refused wherever they occur; only long ones, which binary data does not produce by chance. */
    private static final Map<String, Supplier<Rejected>> REFUSED_NAMES = Map.of(
            "JavaScript", PdfRules::javascript, "Launch", PdfRules::launch,
            "EmbeddedFile", PdfRules::embeddedFile, "EmbeddedFiles", PdfRules::embeddedFile);
    private static final byte[] STREAM = "stream".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] OBJ = "obj".getBytes(StandardCharsets.ISO_8859_1);

    private PdfBytes() {
    }

    static void check(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() > Integer.MAX_VALUE) {
                throw new Rejected("pdf-too-complex", "the PDF is too large to be checked");
            }
            MappedByteBuffer pdf = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            checkFraming(pdf);
            checkNames(pdf);
            checkParserStreams(pdf);
        }
    }

    /** A header at the start and an end-of-file marker at the end: a cut-off upload has none. */
    private static void checkFraming(MappedByteBuffer pdf) {
        if (!"%PDF-".equals(ascii(pdf, 0, Math.min(5, pdf.limit())))) {
            throw new Rejected("unreadable", "the file does not start with a PDF header");
        }
        String tail = ascii(pdf, Math.max(0, pdf.limit() - EOF_WINDOW), pdf.limit());
        int marker = tail.lastIndexOf("%%EOF");
        if (marker < 0 || startsAnUpdate(tail.substring(marker + 5))) {
            throw new Rejected("pdf-truncated", "the PDF is incomplete (it has no end-of-file marker); "
                    + "upload it again or save it anew");
        }
    }

    /**
     * Whether what follows the last end-of-file marker is the start of an appended update (a comment, an object,
     * a cross-reference section, a trailer), however little of it arrived: a file cut inside one would parse as its
     * older revision, and jurors would read that. Other bytes there (padding, a mail gateway's or a download
     * tool's leftovers) are common in real files and harmless: readers ignore them, and so does the rebuild.
     */
    static boolean startsAnUpdate(String afterMarker) {
        String rest = afterMarker.replace('\0', ' ').strip();
        if (rest.isEmpty()) {
            return false;
        }
        if (Character.isDigit(rest.charAt(0)) || rest.charAt(0) == '%') {
            return true;
        }
        for (String keyword : new String[] {"xref", "trailer", "startxref"}) {
            if (rest.startsWith(keyword) || keyword.startsWith(rest)) {
                return true;
            }
        }
        return false;
    }

    /** Active content's names, {@code #xx} escapes decoded ({@code /Java#53cript}), anywhere in the bytes. */
    private static void checkNames(MappedByteBuffer pdf) {
        forEachName(pdf, 0, pdf.limit(), name -> {
            Supplier<Rejected> refusal = REFUSED_NAMES.get(name);
            if (refusal != null) {
                throw refusal.get();
            }
        });
    }

    /**
     * Every Deflate-compressed object stream ({@code /ObjStm}) and cross-reference stream
     * ({@code /XRef}) may inflate to at most {@link PdfStreams#MAX_STREAM_BYTES}: inflated here
     * from where its data starts until the Deflate data ends, into nothing.
     */
    private static void checkParserStreams(MappedByteBuffer pdf) {
        for (int at = indexOf(pdf, STREAM, 0); at >= 0; at = indexOf(pdf, STREAM, at + STREAM.length)) {
            int data = at + STREAM.length;
            if (data < pdf.limit() && pdf.get(data) == '\r') {
                data++;
            }
            if (data < pdf.limit() && pdf.get(data) == '\n') {
                data++;
            }
            if (data == at + STREAM.length || at >= 3 && "end".equals(ascii(pdf, at - 3, at))) {
                continue; // "endstream", or the word inside other data
            }
            int object = lastIndexOf(pdf, OBJ, Math.max(0, at - DICTIONARY_WINDOW), at);
            Set<String> names = new HashSet<>();
            forEachName(pdf, object < 0 ? Math.max(0, at - DICTIONARY_WINDOW) : object, at, names::add);
            if ((names.contains("ObjStm") || names.contains("XRef")) && names.contains("FlateDecode")) {
                inflateBounded(pdf, data);
            }
        }
    }

    private static void inflateBounded(MappedByteBuffer pdf, int from) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(pdf.slice(from, pdf.limit() - from));
            byte[] sink = new byte[1 << 16];
            long total = 0;
            while (!inflater.finished() && !inflater.needsInput() && !inflater.needsDictionary()) {
                total += inflater.inflate(sink);
                if (total > PdfStreams.MAX_STREAM_BYTES) {
                    throw new Rejected("pdf-too-complex", "an object stream in the PDF inflates to more than "
                            + (PdfStreams.MAX_STREAM_BYTES >> 20) + " MiB (a compression bomb)");
                }
            }
        } catch (DataFormatException e) {
            // Not valid Deflate data: PDFBox will refuse it when it parses, without inflating much.
        } finally {
            inflater.end();
        }
    }

    private interface NameSink {
        void accept(String name);
    }

    private static void forEachName(MappedByteBuffer pdf, int from, int to, NameSink sink) {
        StringBuilder name = null;
        for (int i = from; i <= to; i++) {
            int b = i < to ? pdf.get(i) & 0xFF : -1;
            if (name != null && regular(b) && name.length() <= 32) {
                name.append((char) b);
                continue;
            }
            if (name != null) {
                sink.accept(decodeName(name));
                name = null;
            }
            if (b == '/') {
                name = new StringBuilder();
            }
        }
    }

    private static boolean regular(int b) {
        return b > ' ' && b < 127 && "()<>[]{}/%".indexOf(b) < 0;
    }

    /** A name with its {@code #xx} escapes resolved. */
    private static String decodeName(CharSequence raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            int hi = c == '#' && i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
            if (lo >= 0) {
                out.append((char) (hi << 4 | lo));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int indexOf(MappedByteBuffer pdf, byte[] word, int from) {
        outer:
        for (int i = from; i <= pdf.limit() - word.length; i++) {
            for (int j = 0; j < word.length; j++) {
                if (pdf.get(i + j) != word[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int lastIndexOf(MappedByteBuffer pdf, byte[] word, int from, int to) {
        for (int i = to - word.length; i >= from; i--) {
            if (ascii(pdf, i, i + word.length).equals(new String(word, StandardCharsets.ISO_8859_1))) {
                return i;
            }
        }
        return -1;
    }

    private static String ascii(MappedByteBuffer pdf, int from, int to) {
        byte[] bytes = new byte[to - from];
        pdf.get(from, bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
