package org.juryroom.publishing.pdf;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Shapes text with the JDK's OpenType layout (HarfBuzz): Bengali and Devanagari conjuncts, reph, and vowel
 * signs that are drawn before their consonant come out as the fonts' designers meant. The faces are the Noto
 * fonts shipped in {@code resources/fonts} (SIL OFL, see OFL.txt there), in fallback order Latin, Bengali,
 * Devanagari. Positions are in font units of 1000 per em; {@link TablePdf} scales them to the point size.
 */
public final class Shaper {

    /** One face: its file (embedded into each PDF) and the same font for shaping. */
    record Face(byte[] bytes, Font font) {
    }

    /** Glyphs of one run in one face; {@code x}/{@code y} are offsets from the start of the line. */
    record Piece(int face, int[] glyphs, float[] x, float[] y, String chars) {
    }

    /** A shaped line: {@code text} (NFC) is what a reader copies out of the PDF. */
    record Shaped(String text, boolean bold, List<Piece> pieces, float width) {
    }

    private static final String[] FAMILIES = {"NotoSans", "NotoSansBengali", "NotoSansDevanagari"};
    private static final FontRenderContext FRC = new FontRenderContext(null, false, true);
    static final List<Face> REGULAR = load("Regular");
    static final List<Face> BOLD = load("Bold");

    private Shaper() {
    }

    static List<Face> faces(boolean bold) {
        return bold ? BOLD : REGULAR;
    }

    static Shaped shape(String raw, boolean bold) {
        String text = Normalizer.normalize(raw == null ? "" : raw, Normalizer.Form.NFC);
        List<Face> faces = faces(bold);
        List<IntPredicate> can = faces.stream().map(f -> (IntPredicate) f.font()::canDisplay).toList();
        char[] chars = text.toCharArray();
        List<Piece> pieces = new ArrayList<>();
        float pen = 0;
        for (FontRuns.Run run : FontRuns.split(text, can)) {
            GlyphVector gv = faces.get(run.face()).font()
                    .layoutGlyphVector(FRC, chars, run.start(), run.end(), Font.LAYOUT_LEFT_TO_RIGHT);
            int n = gv.getNumGlyphs();
            int[] glyphs = new int[n];
            float[] x = new float[n];
            float[] y = new float[n];
            int kept = 0;
            for (int i = 0; i < n; i++) {
                int g = gv.getGlyphCode(i);
                if (g >= 0xFFFE) {
                    continue; // invisible: ZWJ, ZWNJ after shaping
                }
                var p = gv.getGlyphPosition(i);
                glyphs[kept] = g;
                x[kept] = pen + (float) p.getX();
                y[kept] = (float) p.getY();
                kept++;
            }
            pieces.add(new Piece(run.face(), java.util.Arrays.copyOf(glyphs, kept), java.util.Arrays.copyOf(x, kept),
                    java.util.Arrays.copyOf(y, kept), text.substring(run.start(), run.end())));
            pen += (float) gv.getGlyphPosition(n).getX();
        }
        return new Shaped(text, bold, pieces, pen);
    }

    private static List<Face> load(String weight) {
        List<Face> faces = new ArrayList<>();
        for (String family : FAMILIES) {
            String name = "fonts/" + family + "-" + weight + ".ttf";
            try (InputStream in = Shaper.class.getClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("Missing font " + name);
                }
                byte[] bytes = in.readAllBytes();
                Font font = Font.createFont(Font.TRUETYPE_FONT, new java.io.ByteArrayInputStream(bytes))
                        .deriveFont(1000f);
                faces.add(new Face(bytes, font));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (FontFormatException e) {
                throw new IllegalStateException(name, e);
            }
        }
        return List.copyOf(faces);
    }
}
