package org.juryroom.web.organiser;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import org.juryroom.competition.Competition;
import org.juryroom.competition.CompetitionRequests.CategoryRequest;
import org.juryroom.competition.CompetitionRequests.CreateCompetition;
import org.juryroom.competition.CompetitionRequests.CriterionRequest;
import org.juryroom.competition.CompetitionStatus;
import org.juryroom.i18n.Languages;
import org.juryroom.ranking.math.NormalisationMethod;
import org.juryroom.storage.FileTypes;
import org.juryroom.web.FormFields;
import org.juryroom.web.Formats;
import org.juryroom.web.OrgMsg;
import org.juryroom.web.Forms.Errors;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The competition form, both ways: shown from a competition (or blank), and read back from the
 * posted fields into the API's request. Repeated rows are named {@code cat.<n>.code},
 * {@code crit.<n>.weight}; rows left empty are dropped, so row n of a re-shown form is item n of
 * the request, and the API's violation keys ({@code categories[n].code}) point at the right field.
 */
public record CompetitionForm(Long id, CompetitionStatus status, String title, String theme, String opensAt,
                              String closesAt, String shortlistSize, String maxEntries, String maxSchoolMb,
                              String rankingMethod, List<CategoryRow> categories, List<CriterionRow> criteria,
                              Errors errors, String judgingClosesAt) {

    /** The API's limit on categories and criteria. */
    static final int MAX_ROWS = 20;
    static final long MB = 1024 * 1024;
    /** A size in MB past any limit (the largest is 1 TiB), and one byte in MB. */
    private static final BigDecimal MAX_MB = BigDecimal.valueOf(Long.MAX_VALUE / MB);
    private static final BigDecimal ONE_BYTE_IN_MB = BigDecimal.ONE.divide(BigDecimal.valueOf(MB));

    public record CategoryRow(int index, String code, String name, List<String> types, String maxMb) {
        public String key(String field) {
            return "categories[" + index + "]." + field;
        }

        public boolean has(String type) {
            return types.contains(type);
        }

        /** Whether any type of {@code kind} (IMAGES, PDF, VIDEO) is accepted. */
        public boolean hasKind(String kind) {
            return FileTypes.Kind.valueOf(kind).types.stream().anyMatch(types::contains);
        }
    }

    /** A kind of work the form offers by name, with the types it stands for in words ("JPEG, PNG, WebP"). */
    public record KindOption(String name, String types) {
    }

    public List<KindOption> kinds() {
        return java.util.Arrays.stream(FileTypes.Kind.values()).map(k -> new KindOption(k.name(),
                String.join(", ", k.types.stream().map(FileTypes::name).toList()))).toList();
    }

    /**
     * The types a posted category row accepts. The form offers kinds by name ({@code kinds}, with an
     * empty marker value so that "none ticked" is told apart from a client that sends exact
     * {@code types}); the row's exact types travel as hidden fields, so a kind ticked keeps the
     * types it had (a category of only JPEG and PNG stays so) and a kind newly ticked gets all its types.
     */
    static List<String> postedTypes(List<String> kinds, List<String> types) {
        if (kinds.isEmpty()) {
            return types;
        }
        List<String> out = new ArrayList<>();
        for (FileTypes.Kind k : FileTypes.Kind.values()) {
            if (kinds.contains(k.name())) {
                List<String> kept = k.types.stream().filter(types::contains).toList();
                out.addAll(kept.isEmpty() ? k.types : kept);
            }
        }
        return out;
    }

    public record CriterionRow(int index, String code, String name, String description, String weight, String min,
                               String max) {
        public String key(String field) {
            return "criteria[" + index + "]." + field;
        }
    }

    public boolean creating() {
        return id == null;
    }

    /** Once a competition is open, schools upload against its categories and jurors use its rubric. */
    public boolean structureLocked() {
        return status != null && status != CompetitionStatus.DRAFT;
    }

    public List<String> types() {
        return FileTypes.SUPPORTED;
    }

    /** A new competition's form, its suggested categories and rubric in the reader's language (codes stay as codes). */
    static CompetitionForm blank() {
        OrgMsg m = MessageBundles.get(OrgMsg.class, Localized.Literal.of(Languages.ofCurrentRequest()));
        List<CategoryRow> cats = new ArrayList<>(List.of(
                new CategoryRow(0, "poster", m.org_default_poster(), List.of("image/jpeg", "image/png", "image/webp"),
                        "20"),
                new CategoryRow(1, "essay", m.org_default_essay(), List.of("application/pdf"), "10"),
                new CategoryRow(2, "video", m.org_default_video(), List.of("video/mp4", "video/webm"), "200")));
        List<CriterionRow> crits = new ArrayList<>(List.of(
                new CriterionRow(0, "message", m.org_default_message(), m.org_default_message_text(), "40", "1", "10"),
                new CriterionRow(1, "originality", m.org_default_originality(), m.org_default_originality_text(), "25",
                        "1", "10"),
                new CriterionRow(2, "craft", m.org_default_craft(), m.org_default_craft_text(), "20", "1", "10"),
                new CriterionRow(3, "age-fit", m.org_default_age_fit(), m.org_default_age_fit_text(), "15", "1",
                        "10")));
        return new CompetitionForm(null, null, "", "", "", "", "25", "5", "", NormalisationMethod.Z_SCORE.name(), cats,
                crits, Errors.NONE, "");
    }

    static CompetitionForm of(Competition c) {
        List<CategoryRow> cats = new ArrayList<>();
        c.categories.forEach(k -> cats.add(new CategoryRow(cats.size(), k.code, k.name, k.allowedTypes(),
                mb(k.maxFileBytes))));
        List<CriterionRow> crits = new ArrayList<>();
        c.criteria.forEach(k -> crits.add(new CriterionRow(crits.size(), k.code, k.name,
                k.description == null ? "" : k.description, k.weight.stripTrailingZeros().toPlainString(),
                String.valueOf(k.minScore), String.valueOf(k.maxScore))));
        return new CompetitionForm(c.id, c.status, c.title, c.theme == null ? "" : c.theme,
                Formats.inputValue(c.submissionOpensAt), Formats.inputValue(c.submissionClosesAt),
                String.valueOf(c.shortlistSize), String.valueOf(c.maxEntriesPerSchool),
                c.maxSchoolBytes == null ? "" : mb(c.maxSchoolBytes), c.rankingMethod.name(), cats, crits, Errors.NONE,
                c.judgingClosesAt == null ? "" : Formats.inputValue(c.judgingClosesAt)).withBlankRows();
    }

    /** The posted form (of the current request), rows as sent, for showing again. */
    static CompetitionForm posted(Long id, CompetitionStatus status) {
        List<CategoryRow> cats = new ArrayList<>();
        for (int i = 0; i < MAX_ROWS; i++) {
            String p = "cat." + i + ".";
            String code = FormFields.first(p + "code");
            String name = FormFields.first(p + "name");
            List<String> types = postedTypes(FormFields.all(p + "kinds"), FormFields.all(p + "types"));
            String max = FormFields.first(p + "maxMb");
            if (!(code.isBlank() && name.isBlank())) {
                cats.add(new CategoryRow(cats.size(), code.strip(), name.strip(), types, max.strip()));
            }
        }
        List<CriterionRow> crits = new ArrayList<>();
        for (int i = 0; i < MAX_ROWS; i++) {
            String p = "crit." + i + ".";
            String code = FormFields.first(p + "code");
            String name = FormFields.first(p + "name");
            if (!(code.isBlank() && name.isBlank())) {
                crits.add(new CriterionRow(crits.size(), code.strip(), name.strip(), FormFields.first(p + "description"),
                        FormFields.first(p + "weight").strip(), FormFields.first(p + "min").strip(),
                        FormFields.first(p + "max").strip()));
            }
        }
        return new CompetitionForm(id, status, FormFields.first("title"), FormFields.first("theme"),
                FormFields.first("opensAt"), FormFields.first("closesAt"), FormFields.first("shortlistSize"),
                FormFields.first("maxEntries"), FormFields.first("maxSchoolMb"), FormFields.first("rankingMethod"), cats,
                crits, Errors.NONE, FormFields.first("judgingClosesAt"));
    }

    /** The same form with the categories and rubric of {@code fixed} (locked once the competition is open). */
    CompetitionForm withStructureOf(CompetitionForm fixed) {
        return new CompetitionForm(id, status, title, theme, opensAt, closesAt, shortlistSize, maxEntries, maxSchoolMb,
                rankingMethod, fixed.categories, fixed.criteria, errors, judgingClosesAt);
    }

    CompetitionForm withErrors(Errors errors) {
        return new CompetitionForm(id, status, title, theme, opensAt, closesAt, shortlistSize, maxEntries, maxSchoolMb,
                rankingMethod, categories, criteria, errors, judgingClosesAt).withBlankRows();
    }

    /** One empty row of each kind at the end, for adding without script. */
    CompetitionForm withBlankRows() {
        if (structureLocked()) {
            return this;
        }
        List<CategoryRow> cats = new ArrayList<>(categories);
        if (cats.isEmpty() || !cats.get(cats.size() - 1).code().isBlank()) {
            cats.add(new CategoryRow(cats.size(), "", "", List.of(), ""));
        }
        List<CriterionRow> crits = new ArrayList<>(criteria);
        if (crits.isEmpty() || !crits.get(crits.size() - 1).code().isBlank()) {
            crits.add(new CriterionRow(crits.size(), "", "", "", "", "1", "10"));
        }
        return new CompetitionForm(id, status, title, theme, opensAt, closesAt, shortlistSize, maxEntries, maxSchoolMb,
                rankingMethod, cats, crits, errors, judgingClosesAt);
    }

    /**
     * The API request this form describes. Unreadable numbers and dates become values the
     * service refuses with a violation on the right field (never a page of its own).
     */
    CreateCompetition toRequest() {
        List<CategoryRequest> cats = categories.stream().filter(k -> !k.code().isBlank() || !k.name().isBlank())
                .map(k -> new CategoryRequest(k.code(), k.name(), k.types(), megabytes(k.maxMb()))).toList();
        List<CriterionRequest> crits = criteria.stream().filter(k -> !k.code().isBlank() || !k.name().isBlank())
                .map(k -> new CriterionRequest(k.code(), k.name(), k.description().isBlank() ? null : k.description(),
                        decimal(k.weight()), integer(k.min()), integer(k.max()))).toList();
        return new CreateCompetition(title.strip(), theme.isBlank() ? null : theme, dateTime(opensAt),
                dateTime(closesAt), integer(shortlistSize), integer(maxEntries), method(rankingMethod), cats, crits,
                megabytes(maxSchoolMb), null, null, judgingDeadline());
    }

    /** Blank: no deadline; unreadable: a date the service refuses on the field (never silently none). */
    private OffsetDateTime judgingDeadline() {
        if (judgingClosesAt == null || judgingClosesAt.isBlank()) {
            return null;
        }
        OffsetDateTime when = dateTime(judgingClosesAt);
        return when != null ? when : OffsetDateTime.parse("1970-01-01T00:00:00Z");
    }

    private static String mb(long bytes) {
        return bytes % MB == 0 ? String.valueOf(bytes / MB)
                : BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(MB), 2, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }

    private static Long megabytes(String value) {
        BigDecimal mb = decimal(value);
        if (mb == null) {
            return null;
        }
        // Bounded before the exact product: 1e99999999 or 1e-99999999 multiplied out would keep a core busy for
        // minutes. Comparisons look at the exponent first, so they are cheap for any number.
        if (mb.signum() <= 0) {
            return (long) mb.signum(); // refused as not positive
        }
        if (mb.compareTo(MAX_MB) > 0) {
            return Long.MAX_VALUE; // far beyond any limit: refused by the bounds
        }
        if (mb.compareTo(ONE_BYTE_IN_MB) < 0) {
            return 1L; // a fraction of a byte rounds up to one, as the exact product would
        }
        try {
            return mb.multiply(BigDecimal.valueOf(MB)).setScale(0, java.math.RoundingMode.CEILING).longValueExact();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE; // far beyond any limit: refused by the bounds, never wrapped round into range
        }
    }

    private static BigDecimal decimal(String value) {
        try {
            return value == null || value.isBlank() ? null : new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            return BigDecimal.valueOf(-1);
        }
    }

    private static Integer integer(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static OffsetDateTime dateTime(String value) {
        try {
            return value == null || value.isBlank() ? null
                    : LocalDateTime.parse(value.strip()).atZone(Formats.zone()).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static NormalisationMethod method(String value) {
        try {
            return value == null || value.isBlank() ? null : NormalisationMethod.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
