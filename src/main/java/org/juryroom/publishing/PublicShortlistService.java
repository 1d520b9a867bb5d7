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

    /** {@code winners}: the FINAL round's awarded entries, places first (1, 2, …), then the special mentions. */
    public record PublicShortlist(String competition, String theme, Instant publishedAt, List<PublicEntry> winners,
                                  List<PublicEntry> entries) {
    }

    /** {@code place}: the final round's place, null if none; {@code specialMention}: a special mention. */
    public record PublicEntry(int rank, String title, String schoolName, List<String> participants, String category,
                              boolean workPublished, List<PublicFile> files, Integer place, boolean specialMention) {
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
        java.util.Map<Long, Award> awards = awards(competitionId);
        List<PublicEntry> entries = s.shownEntries().stream().map(row -> publicEntry(row, awards.get(row.entryId)))
                .toList();
        List<PublicEntry> winners = entries.stream().filter(e -> e.place() != null || e.specialMention())
                .sorted(java.util.Comparator.comparing((PublicEntry e) -> e.place() == null ? Integer.MAX_VALUE : e.place())
                        .thenComparing(PublicEntry::rank))
                .toList();
        return new PublicShortlist(c.title, c.theme, c.publishedAt, winners, entries);
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

    /** An entry's award in the FINAL round's sealed result; {@code place} null for a special mention. */
    public record Award(long entryId, Integer place) {
    }

    /** The awards of the competition's closed FINAL round, by entry; empty without one. */
    @SuppressWarnings("unchecked")
    public java.util.Map<Long, Award> awards(long competitionId) {
        java.util.Map<Long, Award> out = new java.util.HashMap<>();
        ((List<Object[]>) em.createNativeQuery("select a.entry_id, a.place from final_award a"
                        + " join final_result f on f.round_id = a.round_id where f.competition_id = :cid")
                .setParameter("cid", competitionId).getResultList())
                .forEach(r -> out.put(((Number) r[0]).longValue(), new Award(((Number) r[0]).longValue(),
                        r[1] == null ? null : ((Number) r[1]).intValue())));
        return out;
    }

    private PublicEntry publicEntry(ShortlistEntry row, Award award) {
        Integer place = award == null ? null : award.place();
        boolean mention = award != null && award.place() == null;
        Entry e = em.find(Entry.class, row.entryId);
        // One read of the children's records serves the title and the names.
        List<org.juryroom.consent.GuardianConsent> records = org.juryroom.consent.GuardianConsent.ofEntry(e.id);
        String title = PublicNames.title(e, row.title, records);
        if (!e.consentPublishWork) {
            return new PublicEntry(row.rank, title, row.schoolName, List.of(), null, false, List.of(), place, mention);
        }
        List<String> names = PublicNames.of(e, records);
        List<PublicFile> files = EntryFile.storedOf(e.id).stream()
                .filter(f -> f.review != EntryFile.Review.REQUIRED)
                .map(f -> {
                    String url = "/api/public/competitions/" + e.competition.id + "/shortlist/" + row.rank
                            + "/files/" + f.id;
                    return new PublicFile(f.id, f.contentType, url, f.thumbKey == null ? null : url + "/thumbnail");
                }).toList();
        return new PublicEntry(row.rank, title, row.schoolName, names, e.category.name, true, files, place, mention);
    }
}
