package org.juryroom.publishing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.juryroom.common.ProblemException;
import org.juryroom.competition.Competition;
import org.juryroom.competition.CompetitionStatus;
import org.juryroom.entry.Entry;
import org.juryroom.entry.Participant;
import org.juryroom.ranking.Shortlist;
import org.juryroom.ranking.ShortlistEntry;
import org.juryroom.storage.EntryFile;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the public may read: the frozen shortlist of a PUBLISHED competition, and of each entry
 * only what its guardians consented to (names only with publishNames).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PublicShortlistService {

    public record PublicShortlist(String competition, String theme, Instant publishedAt, List<PublicEntry> entries) {
    }

    public record PublicEntry(int rank, String title, String schoolName, List<String> participants, String category,
                              boolean workPublished) {
    }

    private final EntityManager em;

    public PublicShortlistService(EntityManager em) {
        this.em = em;
    }

    /** A shortlisted work the public may see: its first stored image or PDF. */
    public record PublicWork(String objectKey, String contentType, String sha256) {
    }

    public PublicShortlist shortlist(long competitionId) {
        Competition c = Competition.findById(competitionId);
        Shortlist s = published(c, competitionId);
        List<PublicEntry> entries = s.entries().stream().map(this::publicEntry).toList();
        return new PublicShortlist(c.title, c.theme, c.publishedAt, entries);
    }

    /** The published competitions, newest first. */
    public List<Competition> publishedCompetitions() {
        return Competition.list("status = ?1 order by publishedAt desc, id desc", CompetitionStatus.PUBLISHED);
    }

    /**
     * The work at a place of a published shortlist, only where the guardians agreed to publish the
     * work; empty otherwise (also for a video, which has no picture to show).
     */
    public Optional<PublicWork> work(long competitionId, int rank) {
        Shortlist s = published(Competition.findById(competitionId), competitionId);
        ShortlistEntry row = ShortlistEntry.find("shortlistId = ?1 and rank = ?2", s.id, rank).firstResult();
        if (row == null || !em.find(Entry.class, row.entryId).consentPublishWork) {
            return Optional.empty();
        }
        return EntryFile.storedOf(row.entryId).stream()
                .filter(f -> f.contentType.startsWith("image/") || f.contentType.equals("application/pdf"))
                .findFirst().map(f -> new PublicWork(f.objectKey, f.contentType, f.sha256));
    }

    // Anything not published does not exist for the public, drafts and frozen lists included.
    private static Shortlist published(Competition c, long competitionId) {
        if (c == null || c.status != CompetitionStatus.PUBLISHED) {
            throw ProblemException.notFound("Published shortlist " + competitionId);
        }
        return Shortlist.ofCompetition(competitionId)
                .orElseThrow(() -> ProblemException.notFound("Published shortlist " + competitionId));
    }

    private PublicEntry publicEntry(ShortlistEntry row) {
        Entry e = em.find(Entry.class, row.entryId);
        List<String> names = e.consentPublishNames
                ? e.participants.stream().map((Participant p) -> p.firstName).toList() : List.of();
        return new PublicEntry(row.rank, row.title, row.schoolName, names, e.category.name, e.consentPublishWork);
    }
}
