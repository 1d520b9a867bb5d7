package org.juryroom.competition;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.juryroom.common.NfcText;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** Request bodies of the competition API (shape checks here; rules that span fields in the service). */
public final class CompetitionRequests {

    private CompetitionRequests() {
    }

    public static final String CODE_PATTERN = "[a-z0-9][a-z0-9_-]{0,39}";
    /**
     * A score scale lies within 0..1000; a weight is more than 0, at most 1000, to 4 decimals (docs/api.md); a
     * disagreement threshold 0..100 points to 2 decimals. The database keeps those decimals: more would be rounded
     * away unseen, and a number like 1e-99999999 would keep its driver encoding it for minutes.
     */
    public static final int MAX_SCORE = 1000;
    public static final String MAX_WEIGHT = "1000";
    /** The largest per-school quota a competition can set: 1 TiB. */
    public static final long MAX_SCHOOL_BYTES = 1L << 40;

    public record CreateCompetition(
            @NotBlank @Size(max = 200) String title,
            @Size(max = 2000) String theme,
            @NotNull OffsetDateTime submissionOpensAt,
            @NotNull OffsetDateTime submissionClosesAt,
            @Min(1) @jakarta.validation.constraints.Max(1000) Integer shortlistSize,
            @NotNull @Min(1) @jakarta.validation.constraints.Max(1000) Integer maxEntriesPerSchool,
            org.juryroom.ranking.math.NormalisationMethod rankingMethod,
            @NotEmpty @Size(max = 20, message = "{juryroom.listSize}") List<@Valid @NotNull CategoryRequest> categories,
            @NotEmpty @Size(max = 20, message = "{juryroom.listSize}") List<@Valid @NotNull CriterionRequest> criteria,
            @Positive @jakarta.validation.constraints.Max(MAX_SCHOOL_BYTES) Long maxSchoolBytes,
            @DecimalMin("0") @jakarta.validation.constraints.DecimalMax("100") @Digits(integer = 3, fraction = 2)
            BigDecimal disagreementMaxSpread,
            @DecimalMin("0") @jakarta.validation.constraints.DecimalMax("100") @Digits(integer = 3, fraction = 2)
            BigDecimal disagreementMaxStdDev,
            OffsetDateTime judgingClosesAt) {

        // Names and titles are stored NFC (common/NfcText), measured as stored; one that shows nothing is empty.
        public CreateCompetition {
            title = NfcText.name(title);
            theme = NfcText.nfc(theme);
        }

        /** Without a judging deadline (none is set). */
        public CreateCompetition(String title, String theme, OffsetDateTime submissionOpensAt,
                                 OffsetDateTime submissionClosesAt, Integer shortlistSize, Integer maxEntriesPerSchool,
                                 org.juryroom.ranking.math.NormalisationMethod rankingMethod,
                                 List<CategoryRequest> categories, List<CriterionRequest> criteria, Long maxSchoolBytes,
                                 BigDecimal disagreementMaxSpread, BigDecimal disagreementMaxStdDev) {
            this(title, theme, submissionOpensAt, submissionClosesAt, shortlistSize, maxEntriesPerSchool, rankingMethod,
                    categories, criteria, maxSchoolBytes, disagreementMaxSpread, disagreementMaxStdDev, null);
        }

        /** Without disagreement thresholds: the competition keeps the defaults (spread above 30 points). */
        public CreateCompetition(String title, String theme, OffsetDateTime submissionOpensAt,
                                 OffsetDateTime submissionClosesAt, Integer shortlistSize, Integer maxEntriesPerSchool,
                                 org.juryroom.ranking.math.NormalisationMethod rankingMethod,
                                 List<CategoryRequest> categories, List<CriterionRequest> criteria, Long maxSchoolBytes) {
            this(title, theme, submissionOpensAt, submissionClosesAt, shortlistSize, maxEntriesPerSchool, rankingMethod,
                    categories, criteria, maxSchoolBytes, null, null, null);
        }
    }

    public record CategoryRequest(
            @NotBlank @Pattern(regexp = CODE_PATTERN, message = "{juryroom.code}") String code,
            @NotBlank @Size(max = 200) String name,
            @NotEmpty @Size(max = 20, message = "{juryroom.listSize}") List<@NotBlank @Size(max = 100) String> allowedTypes,
            @NotNull @Positive @jakarta.validation.constraints.Max(MAX_SCHOOL_BYTES) Long maxFileBytes) {
        public CategoryRequest {
            name = NfcText.name(name);
        }
    }

    public record CriterionRequest(
            @NotBlank @Pattern(regexp = CODE_PATTERN, message = "{juryroom.code}") String code,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 2000) String description,
            @NotNull @DecimalMin(value = "0", inclusive = false) @jakarta.validation.constraints.DecimalMax(MAX_WEIGHT)
            @jakarta.validation.constraints.Digits(integer = 4, fraction = 4) BigDecimal weight,
            @NotNull @Min(0) @jakarta.validation.constraints.Max(MAX_SCORE) Integer minScore,
            @NotNull @Min(0) @jakarta.validation.constraints.Max(MAX_SCORE) Integer maxScore) {
        public CriterionRequest {
            name = NfcText.name(name);
        }
    }

    /** The judging deadline alone: changeable until judging ends (null removes it). */
    public record JudgingDeadline(OffsetDateTime judgingClosesAt) {
    }

    public record Transition(@NotNull CompetitionStatus to) {
    }

    /**
     * When the children's personal data and files are erased (docs/privacy.md); null: first
     * publication + 12 months. Not in the past, and not before publication once published.
     */
    public record RetentionSetting(OffsetDateTime retainPersonalDataUntil) {
    }

    /** How the ranking is computed and when an entry is flagged; changeable until the freeze. */
    public record RankingSettings(
            @NotNull org.juryroom.ranking.math.NormalisationMethod rankingMethod,
            @NotNull @DecimalMin("0") @jakarta.validation.constraints.DecimalMax("100") @Digits(integer = 3, fraction = 2)
            BigDecimal disagreementMaxSpread,
            @DecimalMin("0") @jakarta.validation.constraints.DecimalMax("100") @Digits(integer = 3, fraction = 2)
            BigDecimal disagreementMaxStdDev) {
    }

}
