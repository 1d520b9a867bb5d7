package org.juryroom.entry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import org.juryroom.competition.Category;
import org.juryroom.competition.Competition;
import org.juryroom.school.School;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A school's submission: one work by one or more children, with its files and guardian consent. */
@Entity
public class Entry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "competition_id")
    public Competition competition;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "school_id")
    public School school;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "category_id")
    public Category category;

    /** The anonymous code jurors and the ranking know the entry by (random, not sequential). */
    public String code;
    @jakarta.persistence.Convert(converter = org.juryroom.common.NfcText.class)
    public String title;
    public String statement;

    @Enumerated(EnumType.STRING)
    public EntryStatus status = EntryStatus.DRAFT;

    /** The status before the school withdrew it; set only by the school's own withdrawal, which it may undo. */
    @Enumerated(EnumType.STRING)
    @Column(name = "withdrawn_from")
    public EntryStatus withdrawnFrom;

    /** Words an organiser hid from the jury view (a school name a child wrote into the text). */
    @Column(name = "jury_redactions")
    public String[] juryRedactions = new String[0];

    @Column(name = "consent_judging")
    public boolean consentJudging;

    @Column(name = "consent_publish_work")
    public boolean consentPublishWork;

    @Column(name = "consent_publish_names")
    public boolean consentPublishNames;

    @Column(name = "consent_attested_by")
    public String consentAttestedBy;

    // The three consent_* booleans are the summary of the children's records (consent/GuardianConsent):
    // true only while every child's guardian gives that scope. Kept by the consent service, read by
    // access checks and the public page without loading the records.

    /**
     * Safeguarding hold (docs/safeguarding.md): HELD while a concern is open, EXCLUDED when a lead
     * kept the entry out for good. A held entry is out of judging, ranking, publication and exports.
     */
    @Enumerated(EnumType.STRING)
    public Hold hold;

    /** A concern of suspected abuse material: no file of the entry is served to anyone. */
    @Column(name = "files_sealed")
    public boolean filesSealed;

    public enum Hold { HELD, EXCLUDED }

    /** The organiser judged that the work shows a recognisable child: no child's name is ever shown with it. */
    @Column(name = "identifiable_child")
    public boolean identifiableChild;

    /** When the children's personal data and every file of the entry were erased (docs/privacy.md). */
    @Column(name = "personal_data_erased_at")
    public Instant personalDataErasedAt;

    /** Why: ORGANISER, CONSENT_WITHDRAWN or RETENTION. */
    @Column(name = "erasure_reason")
    public String erasureReason;

    public boolean held() {
        return hold != null;
    }

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt = Instant.now();

    @Version
    public long version;

    @OneToMany(mappedBy = "entry", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<Participant> participants = new ArrayList<>();

    public static boolean codeTaken(String code) {
        return count("code", code) > 0;
    }

    public static long activeCount(long competitionId, long schoolId) {
        return count("competition.id = ?1 and school.id = ?2 and status <> ?3", competitionId, schoolId,
                EntryStatus.WITHDRAWN);
    }
}
