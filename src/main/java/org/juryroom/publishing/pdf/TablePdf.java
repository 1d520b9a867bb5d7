package org.juryroom.publishing.pdf;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A printable table (A4 landscape): title, lines about how it was made, a table whose header repeats on every
 * page, a closing note and "page n of m" at the foot. Text is shaped by {@link Shaper} and written glyph by glyph
 * with the fonts embedded (subset); each line carries its text as {@code /ActualText}, so that copying or
 * extracting it gives the words in reading order even where a vowel sign is drawn before its consonant.
 */
public final class TablePdf {

    public record Column(String label, boolean numeric) {
    }

    public record Row(List<String> cells, boolean highlighted) {
    }

    /** {@code pageLabel} turns (page, pages) into the footer text. */
    public record Content(String title, List<String> meta, List<Column> columns, List<Row> rows, String note,
                          BiFunction<Integer, Integer, String> pageLabel) {
    }

    private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float MARGIN_X = 28;
    private static final float MARGIN_TOP = 34;
    private static final float MARGIN_BOTTOM = 42;
    private static final float TITLE_SIZE = 15;
    private static final float META_SIZE = 8;
    private static final float CELL_SIZE = 8;
    private static final float PAD = 3;
    /** Line height per point of size: Bengali and Devanagari need room above and below. */
    private static final float LEADING = 1.55f;
    private static final float ASCENT = 1.1f;
    private static final float MIN_TEXT_COLUMN = 42;
    private static final String TEXT_COLOUR = "0.067 0.067 0.067 rg\n";
    private static final Color HIGHLIGHT = new Color(0xff, 0xf3, 0xcd);
    private static final Color RULE = new Color(0xbb, 0xbb, 0xbb);

    private final Content content;
    private final PDDocument doc = new PDDocument();
    private final Map<String, Shaper.Shaped> shaped = new HashMap<>();
    private final Map<Integer, PDType0Font> fonts = new HashMap<>();
    private final Map<Integer, Set<Integer>> usedGlyphs = new HashMap<>();
    /** Resource name of each face on the current page. */
    private final Map<Integer, COSName> pageFonts = new HashMap<>();
    private PDPage page;
    private PDPageContentStream cs;
    private float y;

    private TablePdf(Content content) {
        this.content = content;
    }

    public static byte[] render(Content content) {
        try {
            return new TablePdf(content).write();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] write() throws IOException {
        try (doc) {
            float width = PAGE.getWidth() - 2 * MARGIN_X;
            float[] widths = columnWidths(width);
            newPage();
            for (Shaper.Shaped line : wrap(content.title(), true, TITLE_SIZE, width)) {
                text(line, MARGIN_X, TITLE_SIZE);
            }
            y -= 2;
            for (String meta : content.meta()) {
                for (Shaper.Shaped line : wrap(meta, false, META_SIZE, width)) {
                    text(line, MARGIN_X, META_SIZE);
                }
            }
            y -= 8;
            header(widths);
            for (Row row : content.rows()) {
                List<List<Shaper.Shaped>> cells = cells(row.cells(), false, widths);
                float height = height(cells);
                if (y - height < MARGIN_BOTTOM) {
                    newPage();
                    header(widths);
                }
                if (row.highlighted()) {
                    cs.setNonStrokingColor(HIGHLIGHT);
                    cs.addRect(MARGIN_X, y - height, width, height);
                    cs.fill();
                }
                drawCells(cells, widths, false);
                y -= height;
                rule(width, 0.4f, RULE);
            }
            if (content.note() != null) {
                y -= 8;
                for (Shaper.Shaped line : wrap(content.note(), false, META_SIZE, width)) {
                    if (y - META_SIZE * LEADING < MARGIN_BOTTOM) {
                        newPage();
                    }
                    text(line, MARGIN_X, META_SIZE);
                }
            }
            cs.close();
            footers();
            for (Map.Entry<Integer, PDType0Font> f : fonts.entrySet()) {
                f.getValue().addGlyphsToSubset(usedGlyphs.get(f.getKey()));
                f.getValue().subset(); // by hand: only PDFBox's setFont, which we do not use, would queue it
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private void newPage() throws IOException {
        if (cs != null) {
            cs.close();
        }
        page = new PDPage(PAGE);
        page.setResources(new PDResources());
        pageFonts.clear();
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        y = PAGE.getHeight() - MARGIN_TOP;
    }

    private void header(float[] widths) throws IOException {
        List<List<Shaper.Shaped>> cells = cells(content.columns().stream().map(Column::label).toList(), true, widths);
        drawCells(cells, widths, true);
        y -= height(cells);
        rule(PAGE.getWidth() - 2 * MARGIN_X, 1.2f, Color.BLACK);
    }

    private void footers() throws IOException {
        int pages = doc.getNumberOfPages();
        for (int i = 0; i < pages; i++) {
            try (PDPageContentStream foot = new PDPageContentStream(doc, doc.getPage(i),
                    PDPageContentStream.AppendMode.APPEND, true)) {
                cs = foot;
                page = doc.getPage(i);
                pageFonts.clear();
                Shaper.Shaped line = shape(content.pageLabel().apply(i + 1, pages), false);
                y = MARGIN_BOTTOM - 12;
                text(line, (PAGE.getWidth() - line.width() * META_SIZE / 1000) / 2, META_SIZE);
            }
        }
    }

    private List<List<Shaper.Shaped>> cells(List<String> values, boolean bold, float[] widths) {
        List<List<Shaper.Shaped>> out = new ArrayList<>();
        for (int i = 0; i < widths.length; i++) {
            String v = i < values.size() && values.get(i) != null ? values.get(i) : "";
            out.add(wrap(v, bold, CELL_SIZE, widths[i] - 2 * PAD));
        }
        return out;
    }

    private static float height(List<List<Shaper.Shaped>> cells) {
        int lines = cells.stream().mapToInt(List::size).max().orElse(1);
        return Math.max(lines, 1) * CELL_SIZE * LEADING + 2 * PAD;
    }

    private void drawCells(List<List<Shaper.Shaped>> cells, float[] widths, boolean header) throws IOException {
        float top = y;
        float x = MARGIN_X;
        for (int c = 0; c < widths.length; c++) {
            y = top - PAD;
            boolean right = content.columns().get(c).numeric() && !header;
            for (Shaper.Shaped line : cells.get(c)) {
                float w = line.width() * CELL_SIZE / 1000;
                text(line, right ? x + widths[c] - PAD - w : x + PAD, CELL_SIZE);
            }
            x += widths[c];
        }
        y = top;
    }

    private void rule(float width, float thickness, Color color) throws IOException {
        cs.setStrokingColor(color);
        cs.setLineWidth(thickness);
        cs.moveTo(MARGIN_X, y);
        cs.lineTo(MARGIN_X + width, y);
        cs.stroke();
    }

    /** Draws one shaped line with its top at {@code y}, and moves {@code y} down by a line. */
    private void text(Shaper.Shaped line, float x, float size) throws IOException {
        float baseline = y - size * ASCENT;
        y -= size * LEADING;
        if (line.pieces().isEmpty()) {
            return;
        }
        // Written directly: PDFBox's own calls add a resource per marked span and look fonts up per call,
        // which is quadratic on a 2,000-row ranking. The span's text is inline, as UTF-16BE with a BOM.
        HexFormat hex = HexFormat.of();
        StringBuilder ops = new StringBuilder("/Span <</ActualText <FEFF")
                .append(hex.formatHex(line.text().getBytes(StandardCharsets.UTF_16BE))).append(">>> BDC\nBT\n")
                .append(TEXT_COLOUR);
        float scale = size / 1000;
        for (Shaper.Piece piece : line.pieces()) {
            int key = piece.face() * 2 + (line.bold() ? 1 : 0);
            PDType0Font font = font(key, line.bold(), piece.face());
            ops.append('/').append(pageFonts.computeIfAbsent(key, k -> page.getResources().add(font)).getName())
                    .append(' ');
            num(ops, size);
            ops.append(" Tf\n");
            Set<Integer> used = usedGlyphs.get(key);
            piece.chars().codePoints().forEach(font::addToSubset);
            for (int g = 0; g < piece.glyphs().length; g++) {
                used.add(piece.glyphs()[g]);
                ops.append("1 0 0 1 ");
                num(ops, x + piece.x()[g] * scale);
                ops.append(' ');
                num(ops, baseline - piece.y()[g] * scale);
                ops.append(" Tm <")
                        .append(hex.formatHex(font.encodeGlyphId(piece.glyphs()[g]))).append("> Tj\n");
            }
        }
        appendRaw(ops.append("ET\nEMC\n").toString());
    }

    @SuppressWarnings("deprecation") // PDFBox has no public call for glyphs a shaper has already chosen
    private void appendRaw(String ops) throws IOException {
        cs.appendRawCommands(ops);
    }

    /** Two decimals without String.format: a ranking PDF writes a few hundred thousand of these. */
    private static void num(StringBuilder out, float v) {
        long hundredths = Math.round(v * 100.0);
        if (hundredths < 0) {
            out.append('-');
            hundredths = -hundredths;
        }
        out.append(hundredths / 100).append('.');
        long fraction = hundredths % 100;
        if (fraction < 10) {
            out.append('0');
        }
        out.append(fraction);
    }

    private PDType0Font font(int key, boolean bold, int face) throws IOException {
        PDType0Font font = fonts.get(key);
        if (font == null) {
            font = PDType0Font.load(doc, new RandomAccessReadBuffer(Shaper.faces(bold).get(face).bytes()), true, false);
            fonts.put(key, font);
            usedGlyphs.put(key, new HashSet<>());
        }
        return font;
    }

    private Shaper.Shaped shape(String text, boolean bold) {
        return shaped.computeIfAbsent((bold ? "b" : "r") + text, k -> Shaper.shape(text, bold));
    }

    /**
     * Greedy word wrap, measuring words shaped one by one (shaping never joins across a space); a word longer
     * than the width stays whole on its own line.
     */
    private List<Shaper.Shaped> wrap(String text, boolean bold, float size, float width) {
        Shaper.Shaped whole = shape(text, bold);
        if (whole.width() * size / 1000 <= width || text.indexOf(' ') < 0) {
            return List.of(whole);
        }
        float limit = width * 1000 / size;
        float space = shape(" ", bold).width();
        List<Shaper.Shaped> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        float used = 0;
        for (String word : text.split(" +")) {
            float w = shape(word, bold).width();
            if (line.length() > 0 && used + space + w > limit) {
                lines.add(shape(line.toString(), bold));
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
                used += space + w;
            } else {
                used = w;
            }
            line.append(word);
        }
        lines.add(shape(line.toString(), bold));
        return lines;
    }

    /**
     * Numbers keep their natural width; text columns share what is left in proportion to their longest value,
     * so a long title wraps rather than pushing the numbers off the page. Headers may wrap at spaces.
     */
    private float[] columnWidths(float available) {
        int n = content.columns().size();
        float[] natural = new float[n];
        for (int c = 0; c < n; c++) {
            for (String word : content.columns().get(c).label().split(" +")) {
                natural[c] = Math.max(natural[c], shape(word, true).width() * CELL_SIZE / 1000);
            }
            for (Row row : content.rows()) {
                String v = c < row.cells().size() && row.cells().get(c) != null ? row.cells().get(c) : "";
                natural[c] = Math.max(natural[c], shape(v, false).width() * CELL_SIZE / 1000);
            }
            natural[c] += 2 * PAD + 1;
        }
        float numeric = 0;
        float text = 0;
        for (int c = 0; c < n; c++) {
            if (content.columns().get(c).numeric()) {
                numeric += natural[c];
            } else {
                text += natural[c];
            }
        }
        float[] widths = natural.clone();
        float left = available - numeric;
        for (int c = 0; c < n; c++) {
            if (!content.columns().get(c).numeric() && text > 0) {
                widths[c] = Math.max(MIN_TEXT_COLUMN, left * natural[c] / text);
            }
        }
        return widths;
    }
}
