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
 * image's pixels before anything could decode it ({@link PdfStreams}). Streams are copied encoded, byte for byte,
 * except JPEG data, whose metadata segments are removed ({@link JpegScrubber}); image and form XObjects keep only
 * the keys that draw them, and no dictionary keeps a developer's private key. Nesting deeper than
 * {@link #MAX_DEPTH} is refused, not cut off.
 */
final class PdfCopier {

    static final int MAX_DEPTH = 100;

    /** The resource kinds a content stream can name (ISO 32000-2, 7.8.3); any other key is dropped. */
    private static final java.util.Set<String> RESOURCE_KINDS = java.util.Set.of(
            "Font", "XObject", "ExtGState", "ColorSpace", "Pattern", "Shading", "Properties", "ProcSet");

    /**
     * All an image XObject may keep (ISO 32000-2, 8.9.5, table 87): what it takes to draw it. Left behind:
     * {@code /Metadata}, {@code /ID}, {@code /StructParent}, {@code /Name}, {@code /OPI} and every private key,
     * such as pdfTeX's {@code /PTEX.InfoDict} (the included file's author) and {@code /PTEX.FileName} (its path).
     */
    static final java.util.Set<String> IMAGE_KEYS = java.util.Set.of("Type", "Subtype", "Width", "Height",
            "ColorSpace", "BitsPerComponent", "Intent", "ImageMask", "Mask", "Decode", "Interpolate", "SMask",
            "SMaskInData", "Matte", "Filter", "DecodeParms", "OC");
    /** All a form XObject may keep (table 93): without {@code /PieceInfo}, {@code /LastModified}, {@code /Ref} …. */
    static final java.util.Set<String> FORM_KEYS = java.util.Set.of("Type", "Subtype", "FormType", "BBox", "Matrix",
            "Resources", "Group", "OC", "Filter", "DecodeParms");
    /** Keys whose dictionary maps names the document chose (resources, glyphs, colorants) to their objects. */
    private static final java.util.Set<String> NAME_MAPS = java.util.Set.of(
            "Font", "XObject", "ExtGState", "ColorSpace", "Pattern", "Shading", "Properties", "CharProcs", "Colorants");

    private final COSDocument target;
    private final long maxPixels;
    private final PdfStreams streams;
    private final Map<COSBase, COSBase> copies = new IdentityHashMap<>();
    /** Streams already read as content: a glyph may have been met first where nothing said it was one. */
    private final java.util.Set<COSBase> readAsContent = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    /** The page whose resources are being copied, for the refusal's words. */
    private int page = 1;

    PdfCopier(COSDocument target, long maxPixels, PdfStreams streams) {
        this.target = target;
        this.maxPixels = maxPixels;
        this.streams = streams;
    }

    /** A page's resource dictionary, only its known kinds, deep-copied; an empty one when there is none. */
    COSDictionary resources(COSDictionary source, int number) throws IOException {
        page = number;
        COSDictionary out = new COSDictionary();
        if (source == null) {
            return out;
        }
        for (Map.Entry<COSName, COSBase> e : source.entrySet()) {
            if (RESOURCE_KINDS.contains(e.getKey().getName())) {
                COSBase copy = copy(e.getValue(), 1, NAME_MAPS.contains(e.getKey().getName()) ? Role.NAMES : Role.PLAIN);
                if (copy != null) {
                    out.setItem(e.getKey(), copy);
                }
            }
        }
        return out;
    }

    /** A copy of {@code value}, or null when it must not be copied at all. */
    COSBase copy(COSBase value, int depth) throws IOException {
        return copy(value, depth, Role.PLAIN);
    }

    /** What a value is to the dictionary that holds it. */
    private enum Role {
        PLAIN,
        /** Its keys are names the document chose, kept whatever they are. */
        NAMES,
        /** A Type 3 font's glyphs: names the document chose, each a content stream. */
        GLYPHS,
        /** A content stream that no key of its own says is one (a Type 3 glyph). */
        CONTENT
    }

    /** As above, with what the value is to its holder. */
    private COSBase copy(COSBase value, int depth, Role role) throws IOException {
        boolean nameMap = role == Role.NAMES || role == Role.GLYPHS;
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
            if (role == Role.CONTENT && resolved instanceof COSStream stream && readAsContent.add(stream)) {
                byte[] content = PdfContent.cleaned(streams.bytes(stream, PdfContent.MAX_PAGE_BYTES), page,
                        maxPixels, streams);
                if (content != null) {
                    write((COSStream) done, content);
                }
            }
            return done;
        }
        if (resolved instanceof COSArray array) {
            COSArray out = new COSArray();
            copies.put(resolved, out);
            for (COSBase item : array) {
                COSBase copy = copy(item, depth + 1, Role.PLAIN);
                out.add(copy == null ? COSNull.NULL : copy);
            }
            return out;
        }
        COSDictionary dict = (COSDictionary) resolved;
        if (PdfRules.activeDictionary(dict)) {
            return null;
        }
        java.util.Set<String> allowed = null;
        boolean jpeg = false;
        byte[] content = null;
        if (dict instanceof COSStream stream) {
            jpeg = PdfImages.jpegRaw(PdfStreams.filters(stream.getDictionaryObject(COSName.FILTER)));
            COSName subtype = stream.getCOSName(COSName.SUBTYPE);
            allowed = COSName.IMAGE.equals(subtype) ? IMAGE_KEYS : COSName.FORM.equals(subtype) ? FORM_KEYS : null;
            if (role == Role.CONTENT || COSName.FORM.equals(subtype) || stream.getInt(COSName.PATTERN_TYPE) == 1) {
                readAsContent.add(stream);
                // It draws as a page does: its inline images are held to the same limits and cleaned the same way,
                // and it is read whole into the heap as a page's content is, so within a page's bound.
                content = PdfContent.cleaned(streams.bytes(stream, PdfContent.MAX_PAGE_BYTES), page, maxPixels,
                        streams);
            } else {
                streams.check(stream, maxPixels);
            }
        }
        COSDictionary out = dict instanceof COSStream ? target.createCOSStream() : new COSDictionary();
        copies.put(resolved, out);
        for (Map.Entry<COSName, COSBase> e : dict.entrySet()) {
            COSName key = e.getKey();
            if (PdfRules.activeKey(key) || key.equals(COSName.LENGTH) || key.equals(COSName.DL)
                    || allowed != null && !allowed.contains(key.getName()) || !nameMap && privateKey(key)) {
                continue;
            }
            Role inner = role == Role.GLYPHS ? Role.CONTENT
                    : nameMap || !NAME_MAPS.contains(key.getName()) ? Role.PLAIN
                    : key.getName().equals("CharProcs") ? Role.GLYPHS : Role.NAMES;
            COSBase copy = copy(e.getValue(), depth + 1, inner);
            if (copy != null) {
                out.setItem(key, copy);
            }
        }
        if (content != null) {
            write((COSStream) out, content);
        } else if (dict instanceof COSStream stream) {
            try (InputStream in = stream.createRawInputStream(); OutputStream o = ((COSStream) out).createRawOutputStream()) {
                if (jpeg) {
                    JpegScrubber.scrub(in, o); // the data is a JPEG file, EXIF and GPS and all
                } else {
                    in.transferTo(o);
                }
            }
        }
        return out;
    }

    /** Content written anew, decoded: the source's filters no longer describe it. */
    private static void write(COSStream out, byte[] content) throws IOException {
        out.removeItem(COSName.FILTER);
        out.removeItem(COSName.DECODE_PARMS);
        try (OutputStream o = out.createOutputStream(COSName.FLATE_DECODE)) {
            o.write(content);
        }
    }

    /**
     * A key no standard defines: a developer's extension such as pdfTeX's {@code PTEX.FileName} or Apple's
     * {@code AAPL:Keywords}, which carry file paths, authors and keywords. The standard's keys have neither
     * character; resource names, which may, are kept (their maps are copied with {@code nameMap}).
     */
    static boolean privateKey(COSName key) {
        String name = key.getName();
        return name.indexOf('.') >= 0 || name.indexOf(':') >= 0;
    }
}
