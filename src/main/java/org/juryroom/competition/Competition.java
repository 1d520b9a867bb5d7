package org.juryroom.competition;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import org.juryroom.ranking.math.DisagreementRule;
import org.juryroom.ranking.math.NormalisationMethod;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@Entity
public class Competition extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String title;
    public String theme;

    @Column(name = "submission_opens_at")
    public Instant submissionOpensAt;

    @Column(name = "submission_closes_at")
    public Instant submissionClosesAt;

    /** When jurors should have finished scoring; reminders go out before it. Null: no deadline set. */
    @Column(name = "judging_closes_at")
    public Instant judgingClosesAt;

    @Column(name = "shortlist_size")
    public int shortlistSize;

    @Column(name = "max_entries_per_school")
    public int maxEntriesPerSchool;

    /** Total bytes one school may upload to this competition; null: the configured default. */
    @Column(name = "max_school_bytes")
    public Long maxSchoolBytes;

    @Enumerated(EnumType.STRING)
    public CompetitionStatus status = CompetitionStatus.DRAFT;

    /** How jurors' totals become an entry's score (see docs/judging.md). */
    @Enumerated(EnumType.STRING)
    @Column(name = "ranking_method")
    public NormalisationMethod rankingMethod = NormalisationMethod.DEFAULT;

    /** An entry whose jurors' raw totals spread more than this (points, 0-100) is flagged. */
    @Column(name = "disagreement_max_spread")
    public BigDecimal disagreementMaxSpread = BigDecimal.valueOf(DisagreementRule.DEFAULT_MAX_SPREAD);

    /** Optional second rule: flagged when the population standard deviation exceeds this. */
    @Column(name = "disagreement_max_std_dev")
    public BigDecimal disagreementMaxStdDev;

    /** k of the last assignment run: reassignment keeps every entry at k counted jurors. */
    @Column(name = "jurors_per_entry")
    public Integer jurorsPerEntry;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** When it was first published: unpublishing keeps it, so the default retention runs on (docs/privacy.md). */
    @Column(name = "first_published_at")
    public Instant firstPublishedAt;

    /** After this the children's personal data and files are erased; null: first publication + 12 months. */
    @Column(name = "retain_personal_data_until")
    public Instant retainPersonalDataUntil;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    @Version
    public long version;

    @OneToMany(mappedBy = "competition", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("code")
    public List<Category> categories = new ArrayList<>();

    @OneToMany(mappedBy = "competition", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<Criterion> criteria = new ArrayList<>();

    /** Months after the first publication the children's data is kept when no retention date is set. */
    public static final int DEFAULT_RETENTION_MONTHS = 12;

    /**
     * When the children's personal data falls due for erasure; empty while unset and never published.
     * Counted from the first publication: neither unpublishing nor publishing again moves it.
     */
    public java.util.Optional<Instant> personalDataDueAt() {
        if (retainPersonalDataUntil != null) {
            return java.util.Optional.of(retainPersonalDataUntil);
        }
        return java.util.Optional.ofNullable(firstPublishedAt).map(p -> p.atZone(java.time.ZoneOffset.UTC)
                .plusMonths(DEFAULT_RETENTION_MONTHS).toInstant());
    }

    public DisagreementRule disagreementRule() {
        return new DisagreementRule(disagreementMaxSpread.doubleValue(),
                disagreementMaxStdDev == null ? null : disagreementMaxStdDev.doubleValue());
    }

    public Optional<Category> category(String code) {
        return categories.stream().filter(c -> c.code.equals(code)).findFirst();
    }

    public boolean windowOpen(Instant now) {
        return !now.isBefore(submissionOpensAt) && now.isBefore(submissionClosesAt);
    }
}
