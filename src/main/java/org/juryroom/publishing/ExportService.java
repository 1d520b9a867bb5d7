package org.juryroom.publishing;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.juryroom.access.AccessPolicy;
import org.juryroom.competition.Competition;
import org.juryroom.competition.CompetitionService;
import org.juryroom.ops.JuryRoomConfig;
import org.juryroom.publishing.pdf.TablePdf;
import org.juryroom.ranking.RankingService;
import org.juryroom.ranking.Shortlist;
import org.juryroom.ranking.ShortlistEntry;
import org.juryroom.ranking.ShortlistService;
import org.juryroom.ranking.math.DisagreementRule;
import org.juryroom.ranking.math.NormalisationMethod;
import org.juryroom.rounds.JudgingRound;
import org.juryroom.rounds.RoundHistory;
import org.juryroom.rounds.RoundKind;
import org.juryroom.rounds.RoundStatus;
import org.juryroom.rounds.RoundWork;
import org.juryroom.rounds.ScreeningRule;
import org.juryroom.web.RoundMsg;
import org.juryroom.web.RoundTexts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Organisers' exports: the frozen shortlist and the full ranking, as CSV (every row; UTF-8 with a byte-order
 * mark so that a spreadsheet reads Bengali and Devanagari) and as a printable PDF ({@link TablePdf}: shaped
 * Indic text, embedded Noto fonts). Both in the requester's language ({@link ExportMsg}), with numbers to two
 * decimals, times in the competition's zone with the zone named, and what the score means written out.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
@TransactionConfiguration(timeout = 900) // a national ranking has 100,000 rows
public class ExportService {

    /** The PDF of the full ranking stops here; the CSV always has every row. */
    public static final int PDF_MAX_ROWS = 2000;
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** A download; {@code etag} is set where the body has a fingerprint of its own (the snapshot's digest). */
    public record Export(String fileName, String contentType, byte[] body, String etag) {
        public Export(String fileName, String contentType, byte[] body) {
            this(fileName, contentType, body, null);
        }
    }

    private final CompetitionService competitions;
    private final ShortlistService shortlists;
    private final RankingService ranking;
    private final AccessPolicy access;
    private final RoundHistory rounds;
    private final ZoneId zone;

    public ExportService(CompetitionService competitions, ShortlistService shortlists, RankingService ranking,
                         AccessPolicy access, RoundHistory rounds, JuryRoomConfig config) {
        this.competitions = competitions;
        this.shortlists = shortlists;
        this.ranking = ranking;
        this.access = access;
        this.rounds = rounds;
        this.zone = config.web().timeZone();
    }

    public Export shortlist(long competitionId, boolean pdf, Locale locale) {
        access.requireOrganiser("Exporting the shortlist");
        Competition c = competitions.get(competitionId);
        Shortlist s = shortlists.get(competitionId);
        ExportMsg m = msg(locale);
        List<TablePdf.Column> columns = List.of(text(m.export_col_rank(), true), text(m.export_col_code(), false),
                text(m.export_col_title(), false), text(m.export_col_school(), false),
                text(m.export_col_category(), false), text(m.export_col_score(), true),
                text(m.export_col_median(), true), text(m.export_col_jurors(), true));
        List<TablePdf.Row> rows = new ArrayList<>();
        for (ShortlistEntry e : s.shownEntries()) {
            // The shortlist export travels (press, notice boards): its titles follow the public page's rule.
            org.juryroom.entry.Entry entry = org.juryroom.entry.Entry.findById(e.entryId);
            rows.add(new TablePdf.Row(List.of(Integer.toString(e.rank), e.code, PublicNames.title(entry, e.title),
                    e.schoolName, entry.category.code, fixed(e.score.doubleValue()), fixed(e.median.doubleValue()),
                    Integer.toString(e.jurorCount)), false));
        }
        String base = "shortlist-" + competitionId;
        if (!pdf) {
            return new Export(base + ".csv", "text/csv; charset=UTF-8", csv(columns, rows));
        }
        NormalisationMethod method = NormalisationMethod.valueOf(s.method);
        // The size sealed, as the shortlist page says it: fewer than the competition's size when fewer were ranked.
        List<String> meta = new ArrayList<>(List.of(m.export_frozen(s.size, when(s.frozenAt, locale),
                s.frozenBy), method(m, method), scoreMeaning(m, method), m.export_ties(), m.export_digest(s.digest),
                m.export_made(when(Instant.now(), locale))));
        meta.addAll(roundLines(c, locale));
        return new Export(base + ".pdf", "application/pdf", TablePdf.render(new TablePdf.Content(
                m.export_shortlist_title(c.title), meta, columns, rows, null, m::export_page)));
    }

    /** The sealed snapshot exactly as hashed: {@code sha256sum} of it is the shortlist's digest. */
    public Export snapshot(long competitionId) {
        access.requireOrganiser("Reading the sealed snapshot");
        Shortlist s = shortlists.get(competitionId);
        return new Export("shortlist-" + competitionId + "-snapshot.json", "application/json",
                s.canonicalJson.getBytes(StandardCharsets.UTF_8), s.digest);
    }

    public Export ranking(long competitionId, boolean pdf, Locale locale) {
        access.requireOrganiser("Exporting the ranking");
        Competition c = competitions.get(competitionId);
        ExportMsg m = msg(locale);
        RankingService.RankingView first = ranking.top(competitionId, pdf ? PDF_MAX_ROWS : Integer.MAX_VALUE);
        long total = first.total();
        int limit = first.rows().size();
        List<TablePdf.Column> columns = List.of(text(m.export_col_rank(), true), text(m.export_col_code(), false),
                text(m.export_col_title(), false), text(m.export_col_school(), false),
                text(m.export_col_category(), false), text(m.export_col_score(), true),
                text(m.export_col_raw_mean(), true), text(m.export_col_median(), true),
                text(m.export_col_jurors(), true), text(m.export_col_spread(), true),
                text(m.export_col_std_dev(), true), text(m.export_col_flagged(), true),
                text(m.export_col_chance(), true), text(m.export_col_needs_decision(), true));
        List<TablePdf.Row> rows = new ArrayList<>(limit);
        for (RankingService.RankingRow r : first.rows()) {
            rows.add(new TablePdf.Row(List.of(Integer.toString(r.rank()), r.code(), r.title(), r.schoolName(),
                    r.categoryCode(), fixed(r.score()), fixed(r.rawMean()), fixed(r.median()),
                    Integer.toString(r.jurorCount()), fixed(r.spread()), fixed(r.stdDev()),
                    r.flagged() ? m.export_yes() : m.export_no(),
                    r.pTopN() == null ? "" : Math.round(r.pTopN() * 100) + "%",
                    r.needsAdjudication() ? m.export_yes() : m.export_no()), r.flagged()));
        }
        String base = "ranking-" + competitionId;
        if (!pdf) {
            return new Export(base + ".csv", "text/csv; charset=UTF-8", csv(columns, rows));
        }
        NormalisationMethod method = c.rankingMethod;
        DisagreementRule rule = c.disagreementRule();
        List<String> meta = List.of(m.export_ranked(total, c.shortlistSize),
                first.frozen() ? m.export_basis_frozen() : m.export_basis_open(),
                method(m, method), scoreMeaning(m, method),
                rule.maxStdDev() == null ? m.export_flag_rule(fixed(rule.maxSpread()))
                        : m.export_flag_rule_sd(fixed(rule.maxSpread()), fixed(rule.maxStdDev())),
                m.export_chance(first.bootstrapRounds(), first.bootstrapSeed(),
                        c.shortlistSize + first.nearCutMargin()),
                m.export_ties(), m.export_made(when(Instant.now(), locale)));
        meta = new ArrayList<>(meta);
        meta.addAll(roundLines(c, locale));
        String note = total > limit ? m.export_truncated(limit, total) : null;
        return new Export(base + ".pdf", "application/pdf", TablePdf.render(new TablePdf.Content(
                m.export_ranking_title(c.title), meta, columns, rows, note, m::export_page)));
    }

    /**
     * Every SCREENING round's votes per entry: YES, NO and ABSTAIN as the close counts them, and, once
     * the round is closed, whether the entry advanced. One row per round and entry, rounds in order.
     */
    public Export screeningVotes(long competitionId, Locale locale) {
        access.requireOrganiser("Exporting the screening votes");
        Competition c = competitions.get(competitionId);
        ExportMsg m = msg(locale);
        RoundMsg r = roundMsg(locale);
        List<TablePdf.Column> columns = List.of(text(r.rnd_export_col_round(), false),
                text(m.export_col_code(), false), text(m.export_col_title(), false),
                text(m.export_col_school(), false), text(r.rnd_col_yes(), true), text(r.rnd_col_no(), true),
                text(r.rnd_col_abstain(), true), text(r.rnd_col_advanced(), false));
        List<TablePdf.Row> rows = new ArrayList<>();
        Map<Long, RoundHistory.EntryName> names = null;
        for (JudgingRound round : rounds.of(c.id)) {
            if (round.kind != RoundKind.SCREENING || round.status == RoundStatus.PENDING) {
                continue;
            }
            names = names == null ? rounds.namesOf(c.id) : names;
            Map<Long, Boolean> outcome = rounds.outcome(round);
            for (ScreeningRule.Tally t : rounds.tallies(round)) {
                RoundHistory.EntryName e = names.get(t.entryId());
                if (e == null) {
                    continue;
                }
                Boolean advanced = outcome.get(t.entryId());
                rows.add(new TablePdf.Row(List.of(round.position + ". " + round.name, e.code(), e.title(),
                        e.schoolName(), Integer.toString(t.yes()), Integer.toString(t.no()),
                        Integer.toString(t.abstain()), advanced == null ? "" : advanced ? r.rnd_yes() : r.rnd_no()),
                        false));
            }
        }
        return new Export("screening-votes-" + competitionId + ".csv", "text/csv; charset=UTF-8", csv(columns, rows));
    }

    /**
     * The "Rounds" section of the PDFs: each round with its kind and rule, what it decided (or how far
     * it is), and the decisions on missing work with their reasons. Jurors are not named: the
     * exports travel; the rounds page names them to the organiser.
     */
    private List<String> roundLines(Competition c, Locale locale) {
        RoundMsg r = roundMsg(locale);
        List<String> lines = new ArrayList<>();
        lines.add(r.rnd_export_section());
        for (JudgingRound round : rounds.of(c.id)) {
            String rule = RoundTexts.rule(r, round.kind, round.jurorsPerEntry, round.quorum, round.advanceTop,
                    round.places, round.mentions, c.shortlistSize);
            String state;
            if (round.status == RoundStatus.CLOSED) {
                Map<Long, Boolean> outcome = rounds.outcome(round);
                long advanced = outcome.values().stream().filter(b -> b).count();
                state = r.rnd_export_closed(when(round.closedAt, locale), round.closedBy, advanced,
                        outcome.size() - advanced);
            } else if (round.status == RoundStatus.OPEN) {
                RoundHistory.Progress p = rounds.progress(round);
                // As the rounds page says it: nothing assigned yet is "not started", not "0 of 0 done".
                state = r.rnd_export_open(p.started() ? r.rnd_progress_line(p.done(), p.assigned())
                        : r.rnd_progress_not_started());
            } else {
                state = r.rnd_export_pending();
            }
            lines.add(r.rnd_export_round(round.position, round.name, RoundTexts.kind(r, round.kind), rule) + " "
                    + state);
            List<RoundWork.RemedyView> remedies = rounds.remedies(round);
            // One read for the round's named entries; a held entry is named by its number only.
            Map<Long, RoundHistory.EntryName> named = rounds.names(remedies.stream()
                    .map(RoundWork.RemedyView::entryId).filter(java.util.Objects::nonNull).toList());
            for (RoundWork.RemedyView remedy : remedies) {
                lines.add("– " + switch (remedy.kind()) {
                    case EXCUSE -> r.rnd_export_remedy_excuse(remedy.reason());
                    case ACCEPT_FEWER -> r.rnd_export_remedy_fewer(named.containsKey(remedy.entryId())
                            ? named.get(remedy.entryId()).code() : "#" + remedy.entryId(), remedy.reason());
                    case REASSIGN -> r.rnd_export_remedy_reassign(remedy.moved(), remedy.reason());
                });
            }
        }
        return lines;
    }

    private static RoundMsg roundMsg(Locale locale) {
        return MessageBundles.get(RoundMsg.class, Localized.Literal.of(locale.getLanguage()));
    }

    static ExportMsg msg(Locale locale) {
        return MessageBundles.get(ExportMsg.class, Localized.Literal.of(locale.getLanguage()));
    }

    private static String method(ExportMsg m, NormalisationMethod method) {
        return method == NormalisationMethod.Z_SCORE ? m.export_method_z() : m.export_method_raw();
    }

    /** What a score is: a z-score value is on the competition's points scale but not bounded by 0 and 100. */
    private static String scoreMeaning(ExportMsg m, NormalisationMethod method) {
        return method == NormalisationMethod.Z_SCORE ? m.export_score_z() : m.export_score_raw();
    }

    /** "5 December 2026, 18:30 India Standard Time", in the competition's zone and the reader's language. */
    private String when(Instant instant, Locale locale) {
        return instant == null ? "" : DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm zzzz", locale)
                .format(instant.atZone(zone));
    }

    static String fixed(double v) {
        return org.juryroom.i18n.Numbers.score(v);
    }

    private static TablePdf.Column text(String label, boolean numeric) {
        return new TablePdf.Column(label, numeric);
    }

    /** RFC 4180 with a UTF-8 byte-order mark, headers in the export's language, every cell spreadsheet-safe. */
    static byte[] csv(List<TablePdf.Column> columns, List<TablePdf.Row> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(BOM);
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                CSVFormat.RFC4180.builder().setHeader(columns.stream().map(TablePdf.Column::label).map(CsvCells::safe)
                        .toArray(String[]::new)).get())) {
            for (TablePdf.Row row : rows) {
                printer.printRecord(CsvCells.safe(row.cells()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
