package org.juryroom.web.school;

import jakarta.enterprise.context.ApplicationScoped;
import org.juryroom.competition.Category;
import org.juryroom.competition.Competition;
import org.juryroom.competition.CompetitionStatus;
import org.juryroom.entry.Entry;
import org.juryroom.entry.EntryStatus;
import org.juryroom.consent.ConsentNotices;
import org.juryroom.consent.GuardianConsent;
import org.juryroom.entry.EntryRequests;
import org.juryroom.entry.EntryViews;
import org.juryroom.entry.EntryViews.EntryDetails;
import org.juryroom.storage.EntryFile;
import org.juryroom.storage.FileTypes;
import org.juryroom.web.Deadline;
import org.juryroom.web.FileRow;
import org.juryroom.web.Forms.Errors;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The school pages' view models: plain records, built while the entities are at hand. */
@ApplicationScoped
public class SchoolViews {

    /** Rows offered on a new form; the teacher can add more (up to the API's ten). */
    static final int BLANK_ROWS = 3;

    public record CompetitionBlock(long id, String title, String theme, CompetitionStatus status, Deadline deadline,
                                   boolean canCreate, int maxEntries, long activeEntries, List<EntryRow> entries) {
    }

    /** {@code result}, {@code place}: the entry's result once the competition is published (EntryResults), else null. */
    public record EntryRow(long id, String code, String title, String categoryName, EntryStatus status,
                           Instant submittedAt, Instant updatedAt, long files, String result, Integer place) {
    }

    /** A category with its limits as the upload widget checks them before sending anything. */
    public record CategoryOption(String code, String name, String extensions, String accept, long maxBytes) {
    }

    /** A child's guardian consent as the form shows it (empty strings for what is not filled in). */
    public record GuardianRow(String guardianName, String relationship, String guardianEmail, String guardianPhone,
                              String verification, String verificationReference, String verificationNote,
                              Set<String> scopes, String language) {
        static final GuardianRow EMPTY = new GuardianRow("", "", "", "", "PAPER_FORM_HELD_BY_SCHOOL", "", "", Set.of(), "");

        static GuardianRow of(EntryRequests.GuardianConsentRequest c) {
            if (c == null) {
                return EMPTY;
            }
            return new GuardianRow(nz(c.guardianName()), c.relationship() == null ? "" : c.relationship().name(),
                    nz(c.guardianEmail()), nz(c.guardianPhone()),
                    c.verification() == null ? "" : c.verification().name(), nz(c.verificationReference()),
                    nz(c.verificationNote()), names(c.scopes()), nz(c.language()));
        }

        /** A recorded guardian's consent; a record from the entry-wide form has no guardian fields to edit. */
        static GuardianRow of(EntryViews.ConsentRecordView r) {
            if (r == null || r.guardianName() == null) {
                return EMPTY;
            }
            return new GuardianRow(r.guardianName(), r.relationship() == null ? "" : r.relationship().name(),
                    nz(r.guardianEmail()), nz(r.guardianPhone()), r.verification().name(),
                    nz(r.verificationReference()), nz(r.verificationNote()), names(r.activeScopes()), nz(r.language()));
        }

        private static Set<String> names(java.util.Collection<GuardianConsent.Scope> scopes) {
            Set<String> out = new TreeSet<>();
            if (scopes != null) {
                scopes.forEach(s -> out.add(s.name()));
            }
            return out;
        }

        public boolean has(String scope) {
            return scopes.contains(scope);
        }
    }

    public record ParticipantRow(int index, String firstName, String grade, GuardianRow guardian) {
        public ParticipantRow(int index, String firstName, String grade) {
            this(index, firstName, grade, GuardianRow.EMPTY);
        }

        /** The API's name of one of this child's consent fields, as violations name it. */
        public String consentKey(String field) {
            return "participants[" + index + "].consent." + field;
        }

        /** The form's name of one of this child's consent fields (renumbered by the page script with the rows). */
        public String field(String name) {
            return "child." + index + "." + name;
        }

        /** The API's names for this row's fields, as violations name them. */
        public String nameKey() {
            return "participants[" + index + "].firstName";
        }

        public String gradeKey() {
            return "participants[" + index + "].grade";
        }

        public int number() {
            return index + 1;
        }
    }

    public record EntryForm(Long entryId, long competitionId, String competitionTitle, Deadline deadline, String title,
                            String categoryCode, String statement, List<ParticipantRow> participants, boolean judging,
                            boolean publishWork, boolean publishNames, String attestedBy,
                            List<CategoryOption> categories, Errors errors, boolean filesNotKept,
                            ConsentNotices.NoticeView notice) {
        public boolean creating() {
            return entryId == null;
        }

        public List<Integer> grades() {
            return java.util.stream.IntStream.rangeClosed(1, 12).boxed().toList();
        }

        public List<String> relationships() {
            return java.util.Arrays.stream(GuardianConsent.Relationship.values()).map(Enum::name).toList();
        }

        /** The ways a school can verify a consent today (no e-mail confirmation until e-mail exists). */
        public List<String> verifications() {
            return List.of(GuardianConsent.Verification.PAPER_FORM_HELD_BY_SCHOOL.name(),
                    GuardianConsent.Verification.OTHER.name());
        }

        public List<String> scopes() {
            return java.util.Arrays.stream(GuardianConsent.Scope.values()).map(Enum::name).toList();
        }
    }

    public record EntryPage(EntryDetails entry, long competitionId, String competitionTitle, Deadline deadline,
                            CategoryOption category, boolean editable, boolean withdrawable, boolean reopenable,
                            boolean reinstatable, List<FileRow> files, Errors errors) {
    }

    private final ConsentNotices notices;
    private final org.juryroom.publishing.EntryResults results;

    public SchoolViews(ConsentNotices notices, org.juryroom.publishing.EntryResults results) {
        this.notices = notices;
        this.results = results;
    }

    public CompetitionBlock block(Competition c, List<Entry> mine) {
        long active = mine.stream().filter(e -> e.status != EntryStatus.WITHDRAWN).count();
        Deadline deadline = Deadline.of(c);
        var outcome = results.of(c, mine.stream().map(e -> e.id).toList());
        List<EntryRow> rows = mine.stream().map(e -> {
            var r = outcome.get(e.id);
            return new EntryRow(e.id, e.code, e.title, e.category.name, e.status, e.submittedAt, e.updatedAt,
                    EntryFile.storedCount(e.id), r == null ? null : r.result().name(), r == null ? null : r.place());
        }).toList();
        return new CompetitionBlock(c.id, c.title, c.theme, c.status, deadline,
                deadline.open() && active < c.maxEntriesPerSchool, c.maxEntriesPerSchool, active, rows);
    }

    /** A new entry's form; the category is the one of the school's last entry ({@code mine}), else the first. */
    public EntryForm blankForm(Competition c, List<Entry> mine) {
        List<ParticipantRow> rows = new ArrayList<>();
        for (int i = 0; i < BLANK_ROWS; i++) {
            rows.add(new ParticipantRow(i, "", ""));
        }
        String first = mine.stream().max(java.util.Comparator.comparing((Entry e) -> e.id)).map(e -> e.category.code)
                .orElse(c.categories.isEmpty() ? "" : c.categories.get(0).code);
        return new EntryForm(null, c.id, c.title, Deadline.of(c), "", first, "", rows, false, false, false, "",
                options(c), Errors.NONE, false, notices.view(null));
    }

    public EntryForm editForm(Competition c, EntryDetails d) {
        List<ParticipantRow> rows = new ArrayList<>();
        d.participants().forEach(p -> rows.add(new ParticipantRow(rows.size(), p.firstName(), String.valueOf(p.grade()),
                GuardianRow.of(p.consent()))));
        rows.add(new ParticipantRow(rows.size(), "", ""));
        return new EntryForm(d.id(), c.id, c.title, Deadline.of(c), d.title(), d.categoryCode(),
                d.statement() == null ? "" : d.statement(), rows, d.consent().judging(), d.consent().publishWork(),
                d.consent().publishNames(), d.consent().attestedBy() == null ? "" : d.consent().attestedBy(),
                options(c), Errors.NONE, false, notices.view(null));
    }

    /** The form as it was posted, with the reasons it was refused. */
    public EntryForm filledForm(Competition c, EntryDetails d, EntryFormData form, Errors errors, boolean creating) {
        List<ParticipantRow> rows = new ArrayList<>();
        form.participants().forEach(p -> rows.add(new ParticipantRow(rows.size(),
                p.firstName() == null ? "" : p.firstName(), p.grade() == null ? "" : String.valueOf(p.grade()),
                GuardianRow.of(p.consent()))));
        rows.add(new ParticipantRow(rows.size(), "", ""));
        var consent = form.consent();
        return new EntryForm(creating ? null : d.id(), c.id, c.title, Deadline.of(c), nz(form.title),
                nz(form.categoryCode), nz(form.statement), rows, Boolean.TRUE.equals(consent.judging()),
                Boolean.TRUE.equals(consent.publishWork()),
                Boolean.TRUE.equals(consent.publishNames()), nz(form.attestedBy), options(c), errors,
                creating && form.files != null && !form.files.isEmpty(), notices.view(null));
    }

    public EntryPage entryPage(EntryDetails d, Errors errors) {
        Competition c = Competition.findById(d.competitionId());
        Entry e = Entry.findById(d.id());
        CategoryOption category = options(c).stream().filter(o -> o.code().equals(d.categoryCode())).findFirst()
                .orElse(null);
        boolean withdrawable = d.status() != EntryStatus.WITHDRAWN
                && (c.status == CompetitionStatus.DRAFT || c.status == CompetitionStatus.OPEN);
        // The same conditions EntryService#reopen and #reinstate check: only offered when they would work.
        boolean changeable = SchoolPages.editable(c) && e.personalDataErasedAt == null && e.erasureReason == null;
        boolean reopenable = changeable && e.status == EntryStatus.SUBMITTED;
        boolean reinstatable = changeable && e.status == EntryStatus.WITHDRAWN && e.withdrawnFrom != null && !e.held();
        List<FileRow> files = d.files().stream().map(FileRow::of).toList();
        return new EntryPage(d, c.id, c.title, Deadline.of(c), category, SchoolPages.editable(e), withdrawable,
                reopenable, reinstatable, files, errors);
    }

    static List<CategoryOption> options(Competition c) {
        return c.categories.stream().map(SchoolViews::option).toList();
    }

    static CategoryOption option(Category k) {
        Set<String> extensions = new TreeSet<>();
        for (String type : k.allowedTypes()) {
            extensions.addAll(FileTypes.EXTENSIONS.getOrDefault(type, Set.of()));
        }
        List<String> accept = new ArrayList<>(k.allowedTypes());
        extensions.forEach(x -> accept.add("." + x));
        // In words first ("JPEG or PNG images", in the reader's language), then the endings a file name may have.
        return new CategoryOption(k.code, k.name, org.juryroom.common.ProblemTexts.typesOnPage(
                FileTypes.describe(k.allowedTypes()), org.juryroom.i18n.Languages.ofCurrentRequest()) + " ("
                + String.join(", ", extensions.stream().map(x -> "." + x).toList()) + ")", String.join(",", accept),
                k.maxFileBytes);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
