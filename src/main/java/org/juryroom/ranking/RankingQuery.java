package org.juryroom.ranking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.juryroom.ranking.math.Bootstrap;
import org.juryroom.ranking.math.NormalisationMethod;
import org.juryroom.ranking.math.TieBreak;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ranking maths of {@code ranking.math}, pushed into PostgreSQL so that a competition of
 * 100,000 entries is ranked without loading its scorecards into the JVM. The same formulas
 * (weighted total on 0–100, per-juror z-score mapped back to the competition's scale with the
 * fallback to raw, mean/median/spread per entry, the documented tie-break) are unit-tested in
 * the pure module; RankingQueryTest proves both give the same ranking. The tie-break compares
 * scores rounded to 1e-9, exactly as {@code TieBreak} does.
 */
@ApplicationScoped
public class RankingQuery {

    /** One ranked entry with the figures the organiser needs to judge the ranking itself. */
    public record Row(int rank, long entryId, String code, String title, String schoolName, String categoryCode,
                      double score, double rawMean, double median, int jurorCount, double spread, double stdDev,
                      double minValue, double maxValue) {
    }

    // Counted scorecards: SUBMITTED, on a SUBMITTED entry, by a juror with no conflict with its school.
    private static final String TOTALS = """
            with totals as (
                select sc.entry_id, sc.juror_id,
                       100.0 * sum(cr.weight::float8 * (s.value - cr.min_score) / (cr.max_score - cr.min_score))
                             / sum(cr.weight::float8) as t
                from scorecard sc
                join entry e on e.id = sc.entry_id
                join score s on s.scorecard_id = sc.id
                join criterion cr on cr.id = s.criterion_id
                where e.competition_id = :cid and e.status = 'SUBMITTED' and sc.status = 'SUBMITTED'
                  and not exists (select 1 from conflict c where c.juror_id = sc.juror_id and c.school_id = e.school_id)
                group by sc.id, sc.entry_id, sc.juror_id
            ),
            juror_scale as (
                select juror_id, count(*) as n, avg(t) as m, stddev_pop(t) as sd from totals group by juror_id
            ),
            comp_scale as (select avg(t) as m, stddev_pop(t) as sd from totals),
            normalised as (
                select t.entry_id, t.juror_id, t.t as raw,
                       case when :zscore and j.n >= :minForZ and j.sd > 0 and c.sd > 0
                            then c.m + c.sd * (t.t - j.m) / j.sd
                            else t.t end as v
                from totals t join juror_scale j on j.juror_id = t.juror_id cross join comp_scale c
            ),
            per_entry as (
                select entry_id, avg(v) as score, avg(raw) as raw_mean,
                       percentile_cont(0.5) within group (order by v) as median,
                       count(*) as juror_count, max(raw) - min(raw) as spread, stddev_pop(raw) as std_dev,
                       min(v) as vmin, max(v) as vmax
                from normalised group by entry_id
            ),
            ranked as (
                select p.*, e.code, e.title, sch.name as school_name, k.code as category_code,
                       row_number() over (order by round(p.score * 1e9) desc, round(p.median * 1e9) desc,
                                                 p.juror_count desc, e.code asc) as rank
                from per_entry p
                join entry e on e.id = p.entry_id
                join school sch on sch.id = e.school_id
                join category k on k.id = e.category_id
            )
            """;

    private static final String ROW = "rank, entry_id, code, title, school_name, category_code, score, raw_mean,"
            + " median, juror_count, spread, std_dev, vmin, vmax";

    /** One juror's counted weighted totals (0–100): how they mark, before any normalisation. */
    public record JurorSpread(long jurorId, String name, long count, double mean, double stdDev, double min,
                              double q1, double median, double q3, double max) {
    }

    private final EntityManager em;

    public RankingQuery(EntityManager em) {
        this.em = em;
    }

    /** Ranks {@code offset .. offset+limit-1} (0-based) of the competition's scored entries. */
    public List<Row> page(long competitionId, NormalisationMethod method, int offset, int limit) {
        return rows(competitionId, method, "select " + ROW + " from ranked order by rank offset :offset limit :limit",
                Map.of("offset", offset, "limit", limit));
    }

    /** How many entries have at least one counted scorecard. */
    public long scoredCount(long competitionId) {
        return ((Number) bind(em.createNativeQuery(TOTALS + "select count(distinct entry_id) from totals"),
                competitionId, NormalisationMethod.RAW_MEAN, Map.of()).getSingleResult()).longValue();
    }

    /** Per juror, the distribution of their counted totals: shows harsh and lenient jurors. */
    @SuppressWarnings("unchecked")
    public List<JurorSpread> jurorSpreads(long competitionId) {
        List<Object[]> rows = bind(em.createNativeQuery(TOTALS + """
                select t.juror_id, j.name, count(*), avg(t.t), coalesce(stddev_pop(t.t), 0), min(t.t),
                       percentile_cont(0.25) within group (order by t.t), percentile_cont(0.5) within group (order by t.t),
                       percentile_cont(0.75) within group (order by t.t), max(t.t)
                from totals t join juror j on j.id = t.juror_id
                group by t.juror_id, j.name order by j.name, t.juror_id"""), competitionId, NormalisationMethod.RAW_MEAN,
                Map.of()).getResultList();
        return rows.stream().map(r -> new JurorSpread(((Number) r[0]).longValue(), (String) r[1],
                ((Number) r[2]).longValue(), num(r[3]), num(r[4]), num(r[5]), num(r[6]), num(r[7]), num(r[8]),
                num(r[9]))).toList();
    }

    /** The normalised value of every counted scorecard of the given entries (for the bootstrap). */
    @SuppressWarnings("unchecked")
    public Map<Long, double[]> values(long competitionId, NormalisationMethod method, List<Long> entryIds) {
        if (entryIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = bind(em.createNativeQuery(TOTALS
                        + "select entry_id, array_agg(v order by v) from normalised where entry_id in (:ids)"
                        + " group by entry_id"), competitionId, method, Map.of("ids", entryIds))
                .getResultList();
        Map<Long, double[]> values = new HashMap<>();
        for (Object[] r : rows) {
            Object array = r[1];
            double[] v;
            if (array instanceof Double[] boxed) {
                v = java.util.Arrays.stream(boxed).mapToDouble(Double::doubleValue).toArray();
            } else {
                v = (double[]) array;
            }
            values.put(((Number) r[0]).longValue(), v);
        }
        return values;
    }

    /**
     * Entries that may reach the top N in some bootstrap round: those whose highest value comes
     * within the partition's slack of the N-th highest lowest value. Every other entry is beaten
     * by N entries in every round, so leaving it out changes no probability (docs/judging.md).
     */
    public List<Row> reachable(long competitionId, NormalisationMethod method, int topN) {
        return rows(competitionId, method, "select " + ROW + """
                 from ranked where vmax >= coalesce(
                    (select vmin from ranked order by vmin desc offset :nth limit 1), '-Infinity'::float8) - :slack
                order by rank""", Map.of("nth", topN - 1,
                "slack", (Bootstrap.SLACK_QUANTA + 1) * TieBreak.QUANTUM));
    }

    @SuppressWarnings("unchecked")
    private List<Row> rows(long competitionId, NormalisationMethod method, String select, Map<String, Object> params) {
        List<Object[]> rows = bind(em.createNativeQuery(TOTALS + select), competitionId, method, params).getResultList();
        return rows.stream().map(r -> new Row(((Number) r[0]).intValue(), ((Number) r[1]).longValue(),
                (String) r[2], (String) r[3], (String) r[4], (String) r[5], num(r[6]), num(r[7]), num(r[8]),
                ((Number) r[9]).intValue(), num(r[10]), num(r[11]), num(r[12]), num(r[13]))).toList();
    }

    private static double num(Object o) {
        return o == null ? 0.0 : ((Number) o).doubleValue();
    }

    private static jakarta.persistence.Query bind(jakarta.persistence.Query q, long competitionId,
                                                  NormalisationMethod method, Map<String, Object> params) {
        q.setParameter("cid", competitionId);
        params.forEach(q::setParameter);
        q.setParameter("zscore", method == NormalisationMethod.Z_SCORE);
        q.setParameter("minForZ", org.juryroom.ranking.math.Normalisation.MIN_SCORECARDS_FOR_Z);
        return q;
    }
}
