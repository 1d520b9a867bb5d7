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

import java.util.List;

/** A juror's queue: the entries the access policy lets them score, with their scorecard state. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class JuryQueueService {

    public record QueueItem(Long entryId, String code, String title, String categoryCode, String scorecardStatus) {
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
        TypedQuery<Object[]> rows = em.createQuery("select e, s.status from Entry e join fetch e.category"
                + " left join Scorecard s on s.entryId = e.id and s.jurorId = :me where " + filter.where()
                + " order by e.code", Object[].class);
        TypedQuery<Long> count = em.createQuery("select count(e) from Entry e where " + filter.where(), Long.class);
        filter.params().forEach((k, v) -> {
            rows.setParameter(k, v);
            count.setParameter(k, v);
        });
        rows.setParameter("me", access.currentUser().jurorId());
        List<QueueItem> items = rows.setFirstResult(paging.page() * paging.size()).setMaxResults(paging.size())
                .getResultList().stream() // a list, not a stream: the titles load more rows as they go
                .map(r -> {
                    Entry e = (Entry) r[0];
                    return new QueueItem(e.id, e.code, EntryViews.blindTitle(e), e.category.code,
                            r[1] == null ? "NONE" : r[1].toString());
                })
                .toList();
        return new Page<>(items, paging.page(), paging.size(), count.getSingleResult());
    }
}
