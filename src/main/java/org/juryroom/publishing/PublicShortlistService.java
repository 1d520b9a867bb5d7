package org.juryroom.publishing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.juryroom.common.ProblemException;
import org.juryroom.competition.Competition;
import org.juryroom.competition.CompetitionStatus;
import org.juryroom.entry.Entry;
import org.juryroom.ranking.Shortlist;
import org.juryroom.ranking.ShortlistEntry;
import org.juryroom.storage.EntryFile;

import java.time.Instant;
import java.util.List;

/**
 * What the public may read: the frozen shortlist of a PUBLISHED competition, and of each entry
 * only what its guardians consented to. Without {@code publishWork}: title and school only (no
 * category, no files, no names). With it: also the category and the files (clean copies, see
 * PublicFileResource), and the children's first names as {@link PublicNames} allows.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PublicShortlistService {

    public record PublicShortlist(String competition, String theme, Instant publishedAt, List<PublicEntry> entries) {
    }

    public record PublicEntry(int rank, String title, String schoolName, List<String> participants, String category,
                              boolean workPublished, List<PublicFile> files) {
    }

    /** A published file: its clean copy and thumbnail addresses (see PublicFileResource). */
    public record PublicFile(long id, String contentType, String url, String thumbnailUrl) {
    }

    private final EntityManager em;

    public PublicShortlistService(EntityManager em) {
        this.em = em;
    }

    public PublicShortlist shortlist(long competitionId) {
        Competition c = Competition.findById(competitionId);
        Shortlist s = published(c, competitionId);
        List<PublicEntry> entries = s.shownEntries().stream().map(this::publicEntry).toList();
        return new PublicShortlist(c.title, c.theme, c.publishedAt, entries);
    }

    /** The published competitions, newest first. */
    public List<Competition> publishedCompetitions() {
        return Competition.list("status = ?1 order by publishedAt desc, id desc", CompetitionStatus.PUBLISHED);
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
        // One read of the children's records serves the title and the names.
        List<org.juryroom.consent.GuardianConsent> records = org.juryroom.consent.GuardianConsent.ofEntry(e.id);
        String title = PublicNames.title(e, row.title, records);
        if (!e.consentPublishWork) {
            return new PublicEntry(row.rank, title, row.schoolName, List.of(), null, false, List.of());
        }
        List<String> names = PublicNames.of(e, records);
        List<PublicFile> files = EntryFile.storedOf(e.id).stream()
                .filter(f -> f.review != EntryFile.Review.REQUIRED)
                .map(f -> {
                    String url = "/api/public/competitions/" + e.competition.id + "/shortlist/" + row.rank
                            + "/files/" + f.id;
                    return new PublicFile(f.id, f.contentType, url, f.thumbKey == null ? null : url + "/thumbnail");
                }).toList();
        return new PublicEntry(row.rank, title, row.schoolName, names, e.category.name, true, files);
    }
}
