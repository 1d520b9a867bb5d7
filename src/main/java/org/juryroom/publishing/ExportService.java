package org.juryroom.publishing;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.transaction.Transactional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.juryroom.access.AccessPolicy;
import org.juryroom.competition.Competition;
import org.juryroom.competition.CompetitionService;
import org.juryroom.ranking.RankingService;
import org.juryroom.ranking.Shortlist;
import org.juryroom.ranking.ShortlistEntry;
import org.juryroom.ranking.ShortlistService;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Organisers' exports: the frozen shortlist and the full ranking, as CSV (every row) and as a
 * printable PDF. The PDF is a Qute template printed by openhtmltopdf; it needs no font download:
 * it uses DejaVu Sans when the system has it (full Unicode) and PDF's built-in Helvetica otherwise.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
@TransactionConfiguration(timeout = 900) // a national ranking has 100,000 rows
public class ExportService {

    /** The PDF of the full ranking stops here; the CSV always has every row. */
    public static final int PDF_MAX_ROWS = 2000;
    private static final File DEJAVU = new File("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

    /** A download; {@code etag} is set where the body has a fingerprint of its own (the snapshot's digest). */
    public record Export(String fileName, String contentType, byte[] body, String etag) {
        public Export(String fileName, String contentType, byte[] body) {
            this(fileName, contentType, body, null);
        }
    }

    record Column(String label, String css) {
    }

    record Cell(String text, String css) {
    }

    record Row(List<Cell> cells, String css) {
    }

    private static final List<String> SHORTLIST_HEADER = List.of("rank", "code", "title", "school", "category",
            "score", "median", "jurors");
    private static final List<String> RANKING_HEADER = List.of("rank", "code", "title", "school", "category", "score",
            "raw_mean", "median", "jurors", "spread", "std_dev", "flagged", "p_top_n", "needs_adjudication");

    private final CompetitionService competitions;
    private final ShortlistService shortlists;
    private final RankingService ranking;
    private final AccessPolicy access;
    private final Template table;

    public ExportService(CompetitionService competitions, ShortlistService shortlists, RankingService ranking,
                         AccessPolicy access, @Location("exports/table.html") Template table) {
        this.competitions = competitions;
        this.shortlists = shortlists;
        this.ranking = ranking;
        this.access = access;
        this.table = table;
    }

    public Export shortlist(long competitionId, boolean pdf) {
        access.requireOrganiser("Exporting the shortlist");
        Competition c = competitions.get(competitionId);
        Shortlist s = shortlists.get(competitionId);
        List<List<String>> rows = new ArrayList<>();
        for (ShortlistEntry e : s.shownEntries()) {
            // The shortlist export travels (press, notice boards): its titles follow the public page's rule.
            org.juryroom.entry.Entry entry = org.juryroom.entry.Entry.findById(e.entryId);
            rows.add(List.of(Integer.toString(e.rank), e.code, PublicNames.title(entry, e.title), e.schoolName,
                    entry.category.code,
                    e.score.toPlainString(), e.median.toPlainString(), Integer.toString(e.jurorCount)));
        }
        String base = "shortlist-" + competitionId;
        if (!pdf) {
            return new Export(base + ".csv", "text/csv; charset=UTF-8", csv(SHORTLIST_HEADER, rows));
        }
        List<String> meta = List.of("Shortlist of the top " + c.shortlistSize + ", frozen " + s.frozenAt + " by "
                        + s.frozenBy, "Method: " + s.method + ". Tie-break: " + s.tieBreak,
                "SHA-256 digest of the sealed snapshot: " + s.digest);
        return new Export(base + ".pdf", "application/pdf", pdf(c.title + " - shortlist", meta,
                columns(SHORTLIST_HEADER, 5), rows.stream().map(r -> row(r, 5, false)).toList(), null));
    }

    /** The sealed snapshot exactly as hashed: {@code sha256sum} of it is the shortlist's digest. */
    public Export snapshot(long competitionId) {
        access.requireOrganiser("Reading the sealed snapshot");
        Shortlist s = shortlists.get(competitionId);
        return new Export("shortlist-" + competitionId + "-snapshot.json", "application/json",
                s.canonicalJson.getBytes(StandardCharsets.UTF_8), s.digest);
    }

    public Export ranking(long competitionId, boolean pdf) {
        access.requireOrganiser("Exporting the ranking");
        Competition c = competitions.get(competitionId);
        RankingService.RankingView first = ranking.top(competitionId, pdf ? PDF_MAX_ROWS : Integer.MAX_VALUE);
        long total = first.total();
        int limit = first.rows().size();
        List<List<String>> rows = new ArrayList<>(limit);
        List<Boolean> flagged = new ArrayList<>(limit);
        for (RankingService.RankingRow r : first.rows()) {
            rows.add(List.of(Integer.toString(r.rank()), r.code(), r.title(), r.schoolName(), r.categoryCode(),
                    fixed(r.score()), fixed(r.rawMean()), fixed(r.median()), Integer.toString(r.jurorCount()),
                    fixed(r.spread()), fixed(r.stdDev()), r.flagged() ? "yes" : "no",
                    r.pTopN() == null ? "" : String.format(Locale.ROOT, "%.3f", r.pTopN()),
                    r.needsAdjudication() ? "yes" : "no"));
            flagged.add(r.flagged());
        }
        String base = "ranking-" + competitionId;
        if (!pdf) {
            return new Export(base + ".csv", "text/csv; charset=UTF-8", csv(RANKING_HEADER, rows));
        }
        List<String> meta = List.of(total + " ranked entries; shortlist of " + c.shortlistSize
                        + (first.frozen() ? " (frozen: ranking of the sealed scorecards)" : " (not frozen yet)"),
                "Method: " + first.method() + ". Tie-break: " + first.tieBreak(),
                "Disagreement: " + first.disagreement() + ". pTopN: bootstrap over jurors, "
                        + first.bootstrapRounds() + " rounds, seed " + first.bootstrapSeed()
                        + ", shown for ranks up to " + (c.shortlistSize + first.nearCutMargin()));
        List<Row> pdfRows = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            pdfRows.add(row(rows.get(i), 5, flagged.get(i)));
        }
        String note = total > limit ? "Showing the first " + limit + " of " + total
                + " ranked entries; the CSV export has all of them." : null;
        return new Export(base + ".pdf", "application/pdf", pdf(c.title + " - ranking", meta,
                columns(RANKING_HEADER, 5), pdfRows, note));
    }

    private static String fixed(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static List<Column> columns(List<String> header, int firstNumeric) {
        List<Column> out = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            out.add(new Column(header.get(i).replace('_', ' '), i == 0 || i >= firstNumeric ? "num" : ""));
        }
        return out;
    }

    private static Row row(List<String> values, int firstNumeric, boolean flagged) {
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            cells.add(new Cell(values.get(i) == null ? "" : values.get(i), i == 0 || i >= firstNumeric ? "num" : ""));
        }
        return new Row(cells, flagged ? "flag" : "");
    }

    static byte[] csv(List<String> header, List<List<String>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private byte[] pdf(String title, List<String> meta, List<Column> columns, List<Row> rows, String note) {
        boolean dejavu = DEJAVU.canRead();
        String html = table.data("title", title).data("meta", meta).data("columns", columns).data("rows", rows)
                .data("note", note).data("fontFamily", dejavu ? "'DejaVu Sans', sans-serif" : "sans-serif").render();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            if (dejavu) {
                builder.useFont(DEJAVU, "DejaVu Sans");
            }
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
