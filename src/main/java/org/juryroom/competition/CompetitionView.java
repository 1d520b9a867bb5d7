package org.juryroom.competition;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A competition as the API shows it to every signed-in user. {@code retainPersonalDataUntil} is the
 * organiser's retention date (null: the default); {@code personalDataDueAt} the date that applies
 * (null while neither is set nor the competition published).
 */
public record CompetitionView(Long id, String title, String theme, Instant submissionOpensAt,
                              Instant submissionClosesAt, int shortlistSize, int maxEntriesPerSchool,
                              CompetitionStatus status, String rankingMethod, Instant publishedAt, List<CompetitionStatus> allowedTransitions,
                              List<CategoryView> categories, List<CriterionView> criteria, Long maxSchoolBytes,
                              BigDecimal disagreementMaxSpread, BigDecimal disagreementMaxStdDev, Integer jurorsPerEntry,
                              Instant retainPersonalDataUntil, Instant personalDataDueAt, Instant judgingClosesAt) {

    public record CategoryView(String code, String name, List<String> allowedTypes, long maxFileBytes) {
    }

    public record CriterionView(String code, String name, String description, BigDecimal weight,
                                int minScore, int maxScore) {
    }

    public static CompetitionView of(Competition c) {
        return new CompetitionView(c.id, c.title, c.theme, c.submissionOpensAt, c.submissionClosesAt,
                c.shortlistSize, c.maxEntriesPerSchool, c.status, c.rankingMethod.name(), c.publishedAt, c.status.transitions(),
                c.categories.stream().map(k -> new CategoryView(k.code, k.name, k.allowedTypes(), k.maxFileBytes)).toList(),
                c.criteria.stream().map(k -> new CriterionView(k.code, k.name, k.description, k.weight,
                        k.minScore, k.maxScore)).toList(), c.maxSchoolBytes,
                c.disagreementMaxSpread, c.disagreementMaxStdDev, c.jurorsPerEntry,
                c.retainPersonalDataUntil, c.personalDataDueAt().orElse(null), c.judgingClosesAt);
    }
}
