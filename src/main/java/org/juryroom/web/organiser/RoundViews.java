package org.juryroom.web.organiser;

import org.juryroom.competition.CompetitionView;
import org.juryroom.rounds.RoundHistory;
import org.juryroom.rounds.RoundService.RoundView;
import org.juryroom.web.Forms.Errors;

import java.util.List;
import java.util.Map;

/** What the organiser's rounds page shows (templates/organiser/rounds.html). */
public final class RoundViews {

    /** Entries listed by name on the page per list; the CSV export has every one. */
    static final int LISTED = 200;

    private RoundViews() {
    }

    /**
     * @param refusal a refused close or reassignment of this round: the message to show next to its forms
     */
    public record RoundCard(RoundView round, String kind, String rule, String closedBy, boolean current, RoundHistory.Progress progress,
                            List<OrganiserViews.MissingWork> missing, List<MissingEntry> missingEntries,
                            PreviewView preview, HistoryView history, List<OrganiserViews.RemedyRow> remedies,
                            String refusal) {
        public boolean closable() {
            return preview != null;
        }
    }

    public record MissingEntry(long entryId, String code, String title, long count) {
    }

    /** A list of entries shown by name up to {@link #LISTED}, with how many more there are. */
    public record Listed(List<RoundHistory.EntryName> shown, long total) {
        public long more() {
            return total - shown.size();
        }
    }

    public record PreviewView(Listed advancing, Listed notAdvancing, Listed boundary) {
        /** The boundary first (what the organiser checks before closing), then who advances, then who does not. */
        public List<Listed> lists() {
            return List.of(boundary, advancing, notAdvancing);
        }
    }

    /** A number field of the edit form: its name ({@code k}, {@code quorum}, …) and value. */
    public record NumberField(String name, String value) {
    }

    /** One entry of a closed round: its votes (SCREENING) and whether it advanced. */
    public record HistoryLine(RoundHistory.EntryName entry, Integer yes, Integer no, Integer abstain, boolean advanced) {
    }

    public record HistoryView(long advanced, long notAdvanced, List<HistoryLine> lines, long more) {
    }

    /** One row of the edit form, as sent or as stored; {@code fixed}: opened or closed, shown but not editable. */
    public record FormRow(int index, Long id, boolean fixed, String order, String kind, String name, String k,
                          String quorum, String top, String places, String mentions, String closesAt,
                          boolean remove, Map<String, String> errors) {
        public String error(String field) {
            return errors.get(field);
        }

        public boolean isNew() {
            return id == null;
        }

        public List<NumberField> numbers() {
            return List.of(new NumberField("k", k), new NumberField("quorum", quorum), new NumberField("top", top),
                    new NumberField("places", places), new NumberField("mentions", mentions));
        }
    }

    public record RoundsPage(CompetitionView competition, List<RoundCard> rounds, boolean editable,
                             List<FormRow> form, Errors errors) {
        /**
         * The summary at the top of a refused edit form: the page's own message and each row's, named by the round
         * (the rows' messages stay next to their fields too).
         */
        public Errors summary() {
            Map<String, String> fields = new java.util.LinkedHashMap<>(errors.fields());
            if (form != null) {
                form.forEach(f -> f.errors().forEach((field, message) -> fields.put("round." + f.index() + "." + field,
                        f.name() == null || f.name().isBlank() ? message : f.name() + ": " + message)));
            }
            return new Errors(fields, errors.general());
        }
    }
}
