package org.juryroom.judging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.juryroom.access.AccessPolicy;
import org.juryroom.common.Page;
import org.juryroom.competition.CompetitionService;
import org.juryroom.entry.Entry;
import org.juryroom.entry.EntryViews;
import org.juryroom.storage.EntryFile;
import org.juryroom.storage.FileStatus;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A juror's queue: the entries the access policy lets them score, with their scorecard state. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class JuryQueueService {

    /**
     * {@code thumbnailFileId}: the entry's first file with a thumbnail a juror may see, or null.
     * {@code screeningVote}: in a SCREENING round, the juror's vote (NONE before voting); null otherwise.
     */
    public record QueueItem(Long entryId, String code, String title, String categoryCode, String scorecardStatus,
                            Long thumbnailFileId, String screeningVote) {
        /**
         * Where the juror is with the entry: a cast screening vote counts as done (SUBMITTED), and so does an
         * abstention, which is final and not missing work (as the juror's statistics and the round's close count it).
         */
        public String progress() {
            if (screeningVote != null) {
                return "NONE".equals(screeningVote) ? "NONE" : "SUBMITTED";
            }
            return "ABSTAINED".equals(scorecardStatus) ? "SUBMITTED" : scorecardStatus;
        }
    }

    private final AccessPolicy access;
    private final CompetitionService competitions;
    private final EntityManager em;

    public JuryQueueService(AccessPolicy access, CompetitionService competitions, EntityManager em) {
        this.access = access;
        this.competitions = competitions;
        this.em = em;
    }

    public Page<QueueItem> queue(long competitionId, Page.Request paging) {
        competitions.get(competitionId);
        AccessPolicy.EntryFilter filter = access.entriesOf(competitionId);
        // Only the current round's work: a closed screening round's entries have left the queue (entriesOf).
        Long screening = org.juryroom.rounds.JudgingRound.current(competitionId)
                .filter(r -> r.kind == org.juryroom.rounds.RoundKind.SCREENING).map(r -> r.id).orElse(null);
        TypedQuery<Object[]> rows = em.createQuery("select e, s.status, v.vote from Entry e join fetch e.category"
                + " left join Scorecard s on s.entryId = e.id and s.jurorId = :me"
                + " left join ScreeningVote v on v.entryId = e.id and v.jurorId = :me and v.roundId = :screening"
                + " where " + filter.where()
                + " order by e.code", Object[].class);
        TypedQuery<Long> count = em.createQuery("select count(e) from Entry e where " + filter.where(), Long.class);
        filter.params().forEach((k, v) -> {
            rows.setParameter(k, v);
            count.setParameter(k, v);
        });
        rows.setParameter("me", access.currentUser().jurorId());
        rows.setParameter("screening", screening == null ? -1L : screening);
        List<Object[]> page = rows.setFirstResult(paging.page() * paging.size()).setMaxResults(paging.size())
                .getResultList(); // a list, not a stream: the titles load more rows as they go
        Map<Long, Long> thumbnails = thumbnails(page.stream().map(r -> ((Entry) r[0]).id).toList());
        List<QueueItem> items = page.stream()
                .map(r -> {
                    Entry e = (Entry) r[0];
                    return new QueueItem(e.id, e.code, EntryViews.blindTitle(e), e.category.code,
                            r[1] == null ? "NONE" : r[1].toString(), thumbnails.get(e.id),
                            screening == null ? null : r[2] == null ? "NONE" : r[2].toString());
                })
                .toList();
        return new Page<>(items, paging.page(), paging.size(), count.getSingleResult());
    }

    /** Per entry, its first stored file with a thumbnail, unless held for a privacy check; one query per page. */
    public Map<Long, Long> thumbnails(List<Long> entryIds) {
        if (entryIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select f.entryId, min(f.id) from EntryFile f where f.entryId in :ids and f.status = :stored"
                        + " and f.thumbKey is not null and f.review <> :held group by f.entryId", Object[].class)
                .setParameter("ids", entryIds).setParameter("stored", FileStatus.STORED)
                .setParameter("held", EntryFile.Review.REQUIRED).getResultList().stream()
                .collect(Collectors.toMap(r -> (Long) r[0], r -> (Long) r[1]));
    }
}
