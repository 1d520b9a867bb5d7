package org.juryroom.storage.scrub;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Copies what a page draws with (its resources: fonts, images, form XObjects, patterns, shadings,
 * colour spaces, graphics states) from the uploaded document into the rebuilt one, leaving out
 * everything {@link PdfRules} names as active, and checking every stream's decoded size and every
 * image's pixels before anything could decode it ({@link PdfStreams}). Streams are copied encoded, byte for byte. Nesting deeper than
 * {@link #MAX_DEPTH} is refused, not cut off.
 */
final class PdfCopier {

    static final int MAX_DEPTH = 100;

    /** The resource kinds a content stream can name (ISO 32000-2, 7.8.3); any other key is dropped. */
    private static final java.util.Set<String> RESOURCE_KINDS = java.util.Set.of(
            "Font", "XObject", "ExtGState", "ColorSpace", "Pattern", "Shading", "Properties", "ProcSet");

    private final COSDocument target;
    private final long maxPixels;
    private final PdfStreams streams;
    private final Map<COSBase, COSBase> copies = new IdentityHashMap<>();

    PdfCopier(COSDocument target, long maxPixels, PdfStreams streams) {
        this.target = target;
        this.maxPixels = maxPixels;
        this.streams = streams;
    }

    /** A page's resource dictionary, only its known kinds, deep-copied; an empty one when there is none. */
    COSDictionary resources(COSDictionary source) throws IOException {
        COSDictionary out = new COSDictionary();
        if (source == null) {
            return out;
        }
        for (Map.Entry<COSName, COSBase> e : source.entrySet()) {
            if (RESOURCE_KINDS.contains(e.getKey().getName())) {
                COSBase copy = copy(e.getValue(), 1);
                if (copy != null) {
                    out.setItem(e.getKey(), copy);
                }
            }
        }
        return out;
    }

    /** A copy of {@code value}, or null when it must not be copied at all. */
    COSBase copy(COSBase value, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new Rejected("pdf-too-deep", "the PDF's objects are nested more than " + MAX_DEPTH
                    + " levels deep; save or print it again as a simpler PDF");
        }
        COSBase resolved = value instanceof COSObject o ? o.getObject() : value;
        if (resolved == null || resolved instanceof COSNull) {
            return COSNull.NULL;
        }
        if (PdfRules.activeName(resolved)) {
            return null;
        }
        if (!(resolved instanceof COSDictionary) && !(resolved instanceof COSArray)) {
            return resolved; // numbers, names, strings, booleans: immutable
        }
        COSBase done = copies.get(resolved);
        if (done != null) {
            return done;
        }
        if (resolved instanceof COSArray array) {
            COSArray out = new COSArray();
            copies.put(resolved, out);
            for (COSBase item : array) {
                COSBase copy = copy(item, depth + 1);
                out.add(copy == null ? COSNull.NULL : copy);
            }
            return out;
        }
        COSDictionary dict = (COSDictionary) resolved;
        if (PdfRules.activeDictionary(dict)) {
            return null;
        }
        if (dict instanceof COSStream stream) {
            streams.check(stream, maxPixels);
        }
        COSDictionary out = dict instanceof COSStream ? target.createCOSStream() : new COSDictionary();
        copies.put(resolved, out);
        for (Map.Entry<COSName, COSBase> e : dict.entrySet()) {
            COSName key = e.getKey();
            if (PdfRules.activeKey(key) || key.equals(COSName.LENGTH) || key.equals(COSName.DL)) {
                continue;
            }
            COSBase copy = copy(e.getValue(), depth + 1);
            if (copy != null) {
                out.setItem(key, copy);
            }
        }
        if (dict instanceof COSStream stream) {
            try (InputStream in = stream.createRawInputStream(); OutputStream o = ((COSStream) out).createRawOutputStream()) {
                in.transferTo(o);
            }
        }
        return out;
    }
}
