package org.juryroom.publishing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.juryroom.common.ProblemException;
import org.juryroom.competition.Competition;
import org.juryroom.competition.CompetitionStatus;
import org.juryroom.entry.Entry;
import org.juryroom.entry.EntryViews;
import org.juryroom.entry.Participant;
import org.juryroom.ranking.Shortlist;
import org.juryroom.ranking.ShortlistEntry;
import org.juryroom.storage.EntryFile;
import org.juryroom.storage.FileDownloads;
import org.juryroom.storage.FileStatus;

import java.time.Instant;
import java.util.List;

/**
 * What the public may read: the frozen shortlist of a PUBLISHED competition, and of each entry
 * only what its guardians consented to. Without {@code publishWork}: title and school only (no
 * category, no files, no names). With it: also the category and the files, and the children's
 * first names only if {@code publishNames} too.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PublicShortlistService {

    public record PublicShortlist(String competition, String theme, Instant publishedAt, List<PublicEntry> entries) {
    }

    public record PublicFile(long id, String contentType, String url) {
    }

    public record PublicEntry(int rank, String title, String schoolName, List<String> participants, String category,
                              boolean workPublished, List<PublicFile> files) {
    }

    private final EntityManager em;

    public PublicShortlistService(EntityManager em) {
        this.em = em;
    }

    public PublicShortlist shortlist(long competitionId) {
        Competition c = published(competitionId);
        Shortlist s = Shortlist.ofCompetition(competitionId)
                .orElseThrow(() -> ProblemException.notFound("Published shortlist " + competitionId));
        List<PublicEntry> entries = s.entries().stream().map(row -> publicEntry(c, row)).toList();
        return new PublicShortlist(c.title, c.theme, c.publishedAt, entries);
    }

    /** A file of a published shortlisted entry whose guardians consented to publishing the work; else 404. */
    public FileDownloads.Download file(long competitionId, int rank, long fileId) {
        published(competitionId);
        Shortlist s = Shortlist.ofCompetition(competitionId)
                .orElseThrow(() -> ProblemException.notFound("Published shortlist " + competitionId));
        ShortlistEntry row = ShortlistEntry.find("shortlistId = ?1 and rank = ?2", s.id, rank).firstResult();
        Entry e = row == null ? null : em.find(Entry.class, row.entryId);
        EntryFile f = EntryFile.findById(fileId);
        if (e == null || !e.consentPublishWork || f == null || !f.entryId.equals(e.id) || f.status != FileStatus.STORED) {
            throw ProblemException.notFound("Published file " + fileId);
        }
        return new FileDownloads.Download(f.objectKey, EntryViews.blindName(e, f), f.contentType, f.size);
    }

    private static Competition published(long competitionId) {
        Competition c = Competition.findById(competitionId);
        // Anything not published does not exist for the public, drafts and frozen lists included.
        if (c == null || c.status != CompetitionStatus.PUBLISHED) {
            throw ProblemException.notFound("Published shortlist " + competitionId);
        }
        return c;
    }

    private PublicEntry publicEntry(Competition c, ShortlistEntry row) {
        Entry e = em.find(Entry.class, row.entryId);
        if (!e.consentPublishWork) {
            return new PublicEntry(row.rank, row.title, row.schoolName, List.of(), null, false, List.of());
        }
        List<String> names = e.consentPublishNames
                ? e.participants.stream().map((Participant p) -> p.firstName).toList() : List.of();
        List<PublicFile> files = EntryFile.storedOf(e.id).stream().map(f -> new PublicFile(f.id, f.contentType,
                "/api/public/competitions/" + c.id + "/shortlist/" + row.rank + "/files/" + f.id)).toList();
        return new PublicEntry(row.rank, row.title, row.schoolName, names, e.category.name, true, files);
    }
}
