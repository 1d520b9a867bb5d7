package org.juryroom.access;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.RequestScoped;
import org.juryroom.common.ProblemException;
import org.juryroom.competition.Competition;
import org.juryroom.competition.CompetitionStatus;
import org.juryroom.consent.GuardianConsent;
import org.juryroom.ranking.Shortlist;
import org.juryroom.entry.Entry;
import org.juryroom.entry.EntryStatus;
import org.juryroom.judging.Assignment;
import org.juryroom.rounds.ScreeningVote;
import org.juryroom.judging.Scorecard;
import org.juryroom.judging.ScorecardStatus;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place that answers who may see and do what (HotCRP's rights()). Every endpoint declares
 * the roles it admits ({@code @RolesAllowed}, default deny, proven by AuthorisationMatrixTest);
 * every question about a particular object is answered here, by {@link #rights(Entry)} for entries
 * and {@link #entriesOf(long)} for everything that lists or counts them.
 *
 * <p>An entry a user may not see does not exist for them: 404, never 403, so existence never
 * leaks. A juror sees an entry only if it is SUBMITTED, assigned to them, and they have no
 * conflict with its school; a conflict declared during judging applies on the next request. An
 * entry under a safeguarding hold leaves judging at once, and its files are served to no one here.
 * An entry whose guardian withdrew judging consent is WITHDRAWN, so it is out of judging like any
 * withdrawn entry; a guardian's link is checked here too ({@link #consentByLink}, {@link #consentByConfirmation}).
 */
@RequestScoped
public class AccessPolicy {

    /** How much of an entry a reader gets: everything, or the blind jury view. */
    public enum View { FULL, BLIND }

    /** A JPQL condition on an entry aliased {@code e}, with its parameters. */
    public record EntryFilter(String where, Map<String, Object> params) {
    }

    /**
     * What this user may do with one entry.
     *
     * @param exists          the entry exists for the user at all (else every access is 404)
     * @param view            FULL (school, participants, consent, upload names) or BLIND (code and work only)
     * @param edit            the user is the school that owns it (the entry's status decides if it is editable)
     * @param score           the user is a juror who may score it
     * @param readScorecards  the user may read the entry's scorecards now (jurors: after submitting their own)
     * @param seeJurorNames   scorecards come with the names of the jurors who gave them
     * @param redact          the user may hide words from the jury view
     */
    public record EntryRights(boolean exists, View view, boolean edit, boolean score, boolean readScorecards,
                              boolean seeJurorNames, boolean redact) {

        static final EntryRights NONE = new EntryRights(false, View.BLIND, false, false, false, false, false);

        public boolean seeSchool() {
            return exists && view == View.FULL;
        }

        public boolean seeParticipants() {
            return seeSchool();
        }

        public boolean seeConsent() {
            return seeSchool();
        }

        public boolean seeUploadNames() {
            return seeSchool();
        }
    }

    private final CurrentUser me;

    public AccessPolicy(CurrentUser me) {
        this.me = me;
    }

    public CurrentUser currentUser() {
        return me;
    }

    public EntryRights rights(Entry e) {
        if (me.isOrganiser()) {
            return new EntryRights(true, View.FULL, false, false, true, true, true);
        }
        if (me.isSchool()) {
            return e.school.id.equals(me.schoolId())
                    ? new EntryRights(true, View.FULL, true, false, false, false, false)
                    : EntryRights.NONE;
        }
        if (me.isJuror() && e.status == EntryStatus.SUBMITTED && !e.held()) {
            long jurorId = me.jurorId();
            JurorTie tie = JurorTie.of(e.id, jurorId, e.school.id);
            if (!jurorHas(e, tie)) {
                return EntryRights.NONE;
            }
            // Scoring is the RUBRIC round's; a juror screening the entry sees it the same blind way.
            boolean scores = tie.assigned();
            boolean ownSubmitted = scores && Scorecard.of(e.id, jurorId)
                    .map(s -> s.status == ScorecardStatus.SUBMITTED).orElse(false);
            return new EntryRights(true, View.BLIND, false, scores, ownSubmitted, false, false);
        }
        return EntryRights.NONE;
    }

    /** The entry if this user may read it at all, else 404. */
    public Entry readableEntry(long entryId) {
        return entryWhere(entryId, EntryRights::exists);
    }

    /** The entry if this user is the school that owns it, else 404 (also for organisers and jurors). */
    public Entry ownEntry(long entryId) {
        return entryWhere(entryId, EntryRights::edit);
    }

    /** The entry if this user is a juror who may score it (assigned, not conflicted), else 404. */
    public Entry scorableEntry(long entryId) {
        return entryWhere(entryId, EntryRights::score);
    }

    /** The entry if this user may hide words from its jury view (organisers), else 404. */
    public Entry redactableEntry(long entryId) {
        return entryWhere(entryId, EntryRights::redact);
    }

    /**
     * The entry if this user may read its scorecards now. A juror who may score it but has not
     * submitted their own scorecard gets 409: they know the entry, so nothing leaks, and the
     * message tells them what to do.
     */
    public Entry scorecardsEntry(long entryId) {
        Entry e = readableEntry(entryId);
        EntryRights rights = rights(e);
        if (rights.readScorecards()) {
            return e;
        }
        if (rights.score()) {
            throw ProblemException.conflict("Submit your own scorecard for this entry before reading the others");
        }
        throw ProblemException.notFound("Entry " + entryId);
    }

    private Entry entryWhere(long entryId, java.util.function.Predicate<EntryRights> allowed) {
        Entry e = Entry.findById(entryId);
        if (e == null || !allowed.test(rights(e))) {
            throw ProblemException.notFound("Entry " + entryId);
        }
        return e;
    }

    /** The entry if this user may erase its personal data (organisers only: docs/privacy.md), else 404. */
    public Entry erasableEntry(long entryId) {
        return entryWhere(entryId, rights -> me.isOrganiser() && rights.exists());
    }

    public boolean mayRead(Entry e) {
        return rights(e).exists();
    }

    /** Jurors judge blind: no school, no participants, no consent, no upload names. */
    public View view() {
        return me.isOrganiser() || me.isSchool() ? View.FULL : View.BLIND;
    }

    /**
     * Competition-wide acts (assign, adjudicate, freeze, publish, export, read the audit trail,
     * manage conflicts, panels and redactions) belong to organisers. The endpoints already admit
     * only them; services that do these acts call this too, so that no other caller slips past.
     */
    public void requireOrganiser(String act) {
        if (!me.isOrganiser()) {
            throw new ForbiddenException(act + " is for organisers");
        }
    }

    /** School names (by district) are shown to jurors in one place only: when they declare a conflict. */
    public boolean maySeeSchoolDirectory() {
        return me.isJuror() || me.isOrganiser();
    }

    /**
     * The files of an entry under a safeguarding hold are served to no one through the entry: a lead
     * reads them on the safeguarding desk ({@link #mayReadHeldFiles}), and for suspected abuse
     * material not even there.
     */
    public boolean mayReadFiles(Entry e) {
        return !e.held();
    }

    /** A safeguarding lead may look at a held entry's clean copies, unless they may be abuse material. */
    public boolean mayReadHeldFiles(Entry e) {
        return me.isSafeguardingLead() && !e.filesSealed;
    }

    /**
     * The entry if this user may raise a concern about it, else 404: anyone who can see it, and a
     * juror who still has it in their work though it left judging, held by a concern or withdrawn.
     * A hold takes the entry out of every queue at once, so a second juror's concern would otherwise
     * be lost; held and withdrawn answer alike, so the juror does not learn which it was.
     */
    public Entry concernableEntry(long entryId) {
        Entry e = Entry.findById(entryId);
        if (e == null || !(rights(e).exists() || me.isJuror() && e.status != EntryStatus.DRAFT
                && jurorHas(e, JurorTie.of(e.id, me.jurorId(), e.school.id)))) {
            throw ProblemException.notFound("Entry " + entryId);
        }
        return e;
    }

    /** This juror has the entry in some work (scoring, screening, the final ballot) and no conflict with its school. */
    private boolean jurorHas(Entry e, JurorTie tie) {
        long jurorId = me.jurorId();
        return !tie.conflicted() && (tie.assigned() || ScreeningVote.assignedInOpenRound(e.id, jurorId)
                || org.juryroom.rounds.RoundJury.finalCandidate(e.id, jurorId));
    }

    /** The safeguarding desk: leads only. An organiser without the role gets 403. */
    public void requireSafeguardingLead(String act) {
        if (!me.isSafeguardingLead()) {
            throw new ForbiddenException(act + " is for safeguarding leads");
        }
    }

    /** The sealed original (with whatever metadata it came with) is for organisers only, for disputes. */
    public boolean mayReadOriginal() {
        return me.isOrganiser();
    }

    /** Releasing a file held for privacy review is an organiser's call. */
    public boolean mayClearReview() {
        return me.isOrganiser();
    }

    /**
     * Whether this reader may get a file that still awaits an organiser's privacy review (e.g. a
     * fragmented MP4 whose metadata could not be removed): organisers and the school that uploaded it.
     */
    public boolean maySeeUnreviewed(Entry e) {
        return me.isOrganiser() || (me.isSchool() && e.school.id.equals(me.schoolId()));
    }

    /**
     * The entry whose work the public may see: on the frozen shortlist of a PUBLISHED competition,
     * with the guardians' consent to publish the work; else 404. Needs no sign-in.
     */
    public static Entry publicEntry(long competitionId, int rank) {
        Competition c = Competition.findById(competitionId);
        Entry e = c == null || c.status != CompetitionStatus.PUBLISHED ? null
                : Shortlist.ofCompetition(competitionId).flatMap(s -> s.shownEntries().stream()
                        .filter(row -> row.rank == rank).findFirst())
                .map(row -> Entry.<Entry>findById(row.entryId)).orElse(null);
        if (e == null || !e.consentPublishWork || e.held()) {
            throw ProblemException.notFound("Published entry " + rank);
        }
        return e;
    }

    /** Guardians' links are 256 random bits, URL-safe (older withdrawal links: 64 hex digits). */
    private static final java.util.regex.Pattern CONSENT_TOKEN = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{32,64}");

    /*
     * A guardian's link is the credential, so no sign-in. An unknown and a malformed one get the same 404
     * (the lookups go through unique indexes).
     */

    /**
     * The record whose confirmation secret this is (mailed to the guardian only, consent/GuardianMails):
     * live (not used yet, not replaced, not expired), or the one that confirmed it; else 404. The
     * withdrawal token never confirms.
     */
    public static GuardianConsent consentByConfirmation(String secret) {
        return secret == null || !CONSENT_TOKEN.matcher(secret).matches() ? noConsent()
                : GuardianConsent.byAnyConfirmSecret(secret, java.time.Instant.now())
                .orElseGet(AccessPolicy::noConsent);
    }

    /**
     * A guardian's link: the withdrawal token, or a confirmation secret, live or the one that confirmed
     * the record (which shows and withdraws too: the same mail carries the withdrawal link).
     */
    public static GuardianConsent consentByLink(String link) {
        return link == null || !CONSENT_TOKEN.matcher(link).matches() ? noConsent()
                : GuardianConsent.byToken(link).or(() -> GuardianConsent.byAnyConfirmSecret(link, java.time.Instant.now()))
                .orElseGet(AccessPolicy::noConsent);
    }

    private static GuardianConsent noConsent() {
        throw ProblemException.notFound("Consent link");
    }

    /**
     * The entry whose guardians' withdrawals this user may record at the guardian's request: the
     * school's own entry, any entry for organisers; else 404.
     */
    public Entry consentRecordingEntry(long entryId) {
        return entryWhere(entryId, EntryRights::seeConsent);
    }

    /**
     * Access request (DPDP s.11, GDPR Art. 15, docs/privacy.md): a school gets everything held about
     * the children of its own entries, and only its own; no other role asks as a school. Returns the
     * school whose entries the file covers.
     */
    public long accessRequestSchool() {
        if (!me.isSchool()) {
            throw new ForbiddenException("An access request for a school's entries is the school's");
        }
        return me.schoolId();
    }

    /**
     * Access request for one entry, answered by an organiser on a guardian's behalf (the guardian may
     * not be able to reach the school). Organisers only; an entry that does not exist is 404.
     */
    public Entry accessRequestEntry(long entryId) {
        requireOrganiser("Serving an access request for an entry");
        return readableEntry(entryId);
    }

    /**
     * What an access-request file says of safeguarding: organisers learn that an entry is held, as on
     * their entry page; the school learns nothing while a concern is open (the record is exempt from
     * access while it may concern an offence against a child: docs/privacy.md).
     */
    public boolean accessRequestShowsHold() {
        return me.isOrganiser();
    }

    /**
     * What ties a juror to an entry for its rights, read in one statement: assigned to score it, and
     * a conflict with its school (a second query per fact, or the same fact asked twice, was one
     * round trip more per scorecard save).
     */
    record JurorTie(boolean assigned, boolean conflicted) {
        static JurorTie of(long entryId, long jurorId, long schoolId) {
            Object[] row = (Object[]) Assignment.getEntityManager().createNativeQuery(
                            "select exists (select 1 from assignment where entry_id = ?1 and juror_id = ?2),"
                                    + " exists (select 1 from conflict where juror_id = ?2 and school_id = ?3)")
                    .setParameter(1, entryId).setParameter(2, jurorId).setParameter(3, schoolId).getSingleResult();
            return new JurorTie((Boolean) row[0], (Boolean) row[1]);
        }
    }

    /** The entry if this user is a juror assigned to screen it in a round open now (not conflicted), else 404. */
    public Entry screenableEntry(long entryId) {
        Entry e = readableEntry(entryId);
        if (!me.isJuror() || !ScreeningVote.assignedInOpenRound(e.id, me.jurorId())) {
            throw ProblemException.notFound("Entry " + entryId);
        }
        return e;
    }

    /**
     * A juror's own figures of a competition exist only where {@link #entriesOf} gives them work
     * there ({@code entriesInQueue}); elsewhere the competition is not theirs to read (404), so the
     * jury's averages of other competitions stay closed.
     */
    public void requireJurorWork(long competitionId, long entriesInQueue) {
        if (!me.isJuror() || entriesInQueue == 0) {
            throw ProblemException.notFound("Competition " + competitionId);
        }
    }

    /** The entries of a competition this user may list; the same rules as {@link #rights}. */
    public EntryFilter entriesOf(long competitionId) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("cid", competitionId);
        if (me.isOrganiser()) {
            return new EntryFilter("e.competition.id = :cid", params);
        }
        if (me.isSchool()) {
            params.put("sid", me.schoolId());
            return new EntryFilter("e.competition.id = :cid and e.school.id = :sid", params);
        }
        if (me.isJuror()) {
            params.put("jid", me.jurorId());
            params.put("submitted", EntryStatus.SUBMITTED);
            return new EntryFilter("e.competition.id = :cid and e.status = :submitted and e.hold is null"
                    + " and (exists (select 1 from Assignment a where a.entryId = e.id and a.jurorId = :jid)"
                    + " or exists (select 1 from ScreeningVote v, JudgingRound r where v.entryId = e.id"
                    + " and v.jurorId = :jid and r.id = v.roundId and r.status = org.juryroom.rounds.RoundStatus.OPEN))"
                    + " and not exists (select 1 from Conflict c where c.jurorId = :jid and c.schoolId = e.school.id)",
                    params);
        }
        throw ProblemException.notFound("Competition " + competitionId);
    }
}
