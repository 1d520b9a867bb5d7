package org.juryroom.access;

import jakarta.enterprise.context.RequestScoped;
import org.juryroom.common.ProblemException;
import org.juryroom.competition.Competition;
import org.juryroom.competition.CompetitionStatus;
import org.juryroom.ranking.Shortlist;
import org.juryroom.entry.Entry;
import org.juryroom.entry.EntryStatus;
import org.juryroom.judging.Assignment;
import org.juryroom.judging.Conflict;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place that answers who may see and do what with an entry (HotCRP's rights()).
 * An entry a user may not see does not exist for them: 404, never 403, so existence never leaks.
 * Every resource and every list query goes through here.
 */
@RequestScoped
public class AccessPolicy {

    /** How much of an entry a reader gets: everything, or the blind jury view. */
    public enum View { FULL, BLIND }

    /** A JPQL condition on an entry aliased {@code e}, with its parameters. */
    public record EntryFilter(String where, Map<String, Object> params) {
    }

    private final CurrentUser me;

    public AccessPolicy(CurrentUser me) {
        this.me = me;
    }

    public CurrentUser currentUser() {
        return me;
    }

    /** The entry if this user may read it at all, else 404. */
    public Entry readableEntry(long entryId) {
        Entry e = Entry.findById(entryId);
        if (e == null || !mayRead(e)) {
            throw ProblemException.notFound("Entry " + entryId);
        }
        return e;
    }

    /** The entry if this user is the school that owns it, else 404 (also for organisers and jurors). */
    public Entry ownEntry(long entryId) {
        Entry e = Entry.findById(entryId);
        if (e == null || !me.isSchool() || !e.school.id.equals(me.schoolId())) {
            throw ProblemException.notFound("Entry " + entryId);
        }
        return e;
    }

    /** The entry if this user is a juror who may score it (assigned, not conflicted), else 404. */
    public Entry scorableEntry(long entryId) {
        Entry e = Entry.findById(entryId);
        if (e == null || !me.isJuror() || !jurorSees(e)) {
            throw ProblemException.notFound("Entry " + entryId);
        }
        return e;
    }

    public boolean mayRead(Entry e) {
        if (me.isOrganiser()) {
            return true;
        }
        if (me.isSchool()) {
            return e.school.id.equals(me.schoolId());
        }
        return me.isJuror() && jurorSees(e);
    }

    /** Jurors judge blind: no school, no participants, no consent, no upload names. */
    public View view() {
        return me.isOrganiser() || me.isSchool() ? View.FULL : View.BLIND;
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
     * WebM whose metadata could not be removed): organisers and the school that uploaded it.
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
                : Shortlist.ofCompetition(competitionId).flatMap(s -> s.entries().stream()
                        .filter(row -> row.rank == rank).findFirst())
                .map(row -> Entry.<Entry>findById(row.entryId)).orElse(null);
        if (e == null || !e.consentPublishWork) {
            throw ProblemException.notFound("Published entry " + rank);
        }
        return e;
    }

    private boolean jurorSees(Entry e) {
        long jurorId = me.jurorId();
        return e.status == EntryStatus.SUBMITTED
                && Assignment.exists(e.id, jurorId)
                && !Conflict.exists(jurorId, e.school.id);
    }

    /** The entries of a competition this user may list; the same rules as {@link #mayRead}. */
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
            return new EntryFilter("e.competition.id = :cid and e.status = :submitted"
                    + " and exists (select 1 from Assignment a where a.entryId = e.id and a.jurorId = :jid)"
                    + " and not exists (select 1 from Conflict c where c.jurorId = :jid and c.schoolId = e.school.id)",
                    params);
        }
        throw ProblemException.notFound("Competition " + competitionId);
    }
}
