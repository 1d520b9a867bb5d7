package org.juryroom.ranking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.juryroom.judging.Conflict;
import org.juryroom.ranking.math.Bootstrap;
import org.juryroom.ranking.math.Normalisation;
import org.juryroom.ranking.math.NormalisationMethod;
import org.juryroom.ranking.math.TieBreak;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ranking maths of {@code ranking.math}, pushed into PostgreSQL so that a competition of
 * 100,000 entries is ranked without loading its scorecards into the JVM. The same formulas
 * (weighted total on 0–100, per-juror z-score mapped back to the competition's scale with the
 * fallback to raw, mean/median/spread per entry, the documented tie-break) are unit-tested in
 * the pure module; RankingQueryTest proves both give the same ranking. The tie-break compares
 * scores rounded to 1e-9, exactly as {@code TieBreak} does.
 *
 * <p>{@link #materialise} computes the ranking once per transaction into two temporary tables
 * (dropped at commit); the page, the count and the bootstrap inputs are then cheap reads of them.
 *
 * <p>Which scorecards count: SUBMITTED, on a SUBMITTED entry, and either (live) on an entry under no
 * safeguarding hold by a juror with no conflict with the entry's school, or (frozen) exactly those sealed in the competition's
 * shortlist, so that a ranking re-run after the freeze gives the frozen list whatever happens later.
 */
@ApplicationScoped
public class RankingQuery {

    /** One ranked entry with the figures the organiser needs to judge the ranking itself. */
    public record Row(int rank, long entryId, String code, String title, String schoolName, String categoryCode,
                      double score, double rawMean, double median, int jurorCount, double spread, double stdDev,
                      double minValue, double maxValue) {
    }

    /** The scorecards that count: live (conflicts applied now) or those sealed in a frozen shortlist. */
    public record Basis(Long shortlistId) {
        public static final Basis LIVE = new Basis(null);

        public static Basis frozen(long shortlistId) {
            return new Basis(shortlistId);
        }

        String predicate() {
            // Frozen: exactly the sealed scorecards, whatever became of their entries since (a safeguarding
            // exclusion withdraws one), so that a re-run after the freeze reproduces the sealed ranking.
            return shortlistId == null
                    ? "e.status = 'SUBMITTED' and e.hold is null and " + Conflict.notConflicted("sc.juror_id", "e.school_id")
                    : "exists (select 1 from shortlist_scorecard ss where ss.shortlist_id = " + shortlistId
                    + " and ss.scorecard_id = sc.id)";
        }
    }

    /** A counted scorecard as the freeze seals it. */
    public record CountedScorecard(long scorecardId, long entryId, long jurorId, long version, BigDecimal total,
                                   String scores) {
    }

    private static String counted(Basis basis) {
        return """
                counted as (
                    select sc.id, sc.entry_id, sc.juror_id, sc.version, sc.total
                    from scorecard sc join entry e on e.id = sc.entry_id
                    where e.competition_id = :cid and sc.status = 'SUBMITTED'
                      and %s
                )""".formatted(basis.predicate());
    }

    // The stored total (scorecard.total, kept by a trigger as marks are written, with the formula of
    // Scorecards.weightedTotal): what the ranking reads. The freeze and the verification recompute it
    // from the marks instead (SEALED), so that an edited total cannot hide.
    private static final String STORED_TOTALS = """
            totals as (select id as scorecard_id, entry_id, juror_id, total as t from counted)""";

    // "varies" is the pure module's !flat: a scale whose values are all identical is never divided by.
    private static final String Z_SCORES = """
            ,
            juror_scale as (
                select juror_id, count(*) as n, avg(t) as m, stddev_pop(t) as sd, min(t) < max(t) as varies
                from totals group by juror_id
            ),
            comp_scale as (select avg(t) as m, stddev_pop(t) as sd, min(t) < max(t) as varies from totals)
            select t.scorecard_id, t.entry_id, t.juror_id, t.t as raw,
                   case when j.n >= %d and j.varies and c.varies
                        then c.m + c.sd * (t.t - j.m) / j.sd
                        else t.t end as v
            from totals t join juror_scale j on j.juror_id = t.juror_id cross join comp_scale c
            """.formatted(Normalisation.MIN_SCORECARDS_FOR_Z);

    // Raw means need no scales: computing them anyway made the database keep and read every total three times.
    private static final String RAW = "\nselect scorecard_id, entry_id, juror_id, t as raw, t as v from totals";

    /** Each counted scorecard's raw total and normalised value: what follows the WITH's {@code totals}. */
    private static String normalised(NormalisationMethod method) {
        return method == NormalisationMethod.Z_SCORE ? Z_SCORES : RAW;
    }

    // Per entry over the normalised values of a source (the temporary table, or the single query's CTE). The
    // sorted values give the median, the lowest and the highest: PostgreSQL sorts the input once by (entry, value)
    // for the ordered array_agg, where percentile_cont sorted each entry's values again. The median is
    // percentile_cont(0.5)'s own arithmetic (the middle value, or lo + (hi - lo) * 0.5), equal to the last bit.
    private static final String PER_ENTRY = """
            select q.*, case when q.juror_count %% 2 = 1 then q.vals[q.juror_count / 2 + 1]
                             else q.vals[q.juror_count / 2]
                                  + (q.vals[q.juror_count / 2 + 1] - q.vals[q.juror_count / 2]) * 0.5::float8
                        end as median,
                   q.vals[1] as vmin, q.vals[q.juror_count] as vmax
            from (select entry_id, avg(v) as score, avg(raw) as raw_mean, count(*) as juror_count,
                         max(raw) - min(raw) as spread, stddev_pop(raw) as std_dev, array_agg(v order by v) as vals
                  from %s group by entry_id) q""";

    private static final String RANK = """
            row_number() over (order by round(p.score * 1e9) desc, round(p.median * 1e9) desc,
                                         p.juror_count desc, e.code asc) as rank""";

    private static final String FIGURES = "p.score, p.raw_mean, p.median, p.juror_count, p.spread, p.std_dev,"
            + " p.vmin, p.vmax";

    private static final String RANKED = "create temp table jr_ranked on commit drop as with per_entry as ("
            + PER_ENTRY.formatted("jr_normalised") + ")\n select p.entry_id, e.code, " + FIGURES + ", " + RANK
            + "\n from per_entry p join entry e on e.id = p.entry_id";

    // Titles, schools and categories are read only for the rows a caller asks for, not for every entry.
    private static final String ROW = "r.rank, r.entry_id, r.code, e.title, sch.name, k.code, r.score, r.raw_mean,"
            + " r.median, r.juror_count, r.spread, r.std_dev, r.vmin, r.vmax";
    private static final String ROW_FROM = " from jr_ranked r join entry e on e.id = r.entry_id"
            + " join school sch on sch.id = e.school_id join category k on k.id = e.category_id";

    /** One juror's counted weighted totals (0–100): how they mark, before any normalisation. */
    public record JurorSpread(long jurorId, String name, long count, double mean, double stdDev, double min,
                              double q1, double median, double q3, double max) {
    }

    private final EntityManager em;

    public RankingQuery(EntityManager em) {
        this.em = em;
    }

    /**
     * Computes the ranking of a competition into the transaction's temporary tables
     * {@code jr_normalised} (one row per counted scorecard) and {@code jr_ranked} (one per entry).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void materialise(long competitionId, NormalisationMethod method, Basis basis) {
        for (String sql : materialiseStatements(competitionId, method, basis)) {
            em.createNativeQuery(sql).executeUpdate();
        }
    }

    /**
     * The statements {@link #materialise} runs, in order (the benchmark explains them): the normalised
     * value of every counted scorecard, then the per-entry figures and ranks. The first temporary table
     * is analysed before the second statement reads it, so the planner knows its size.
     */
    public static List<String> materialiseStatements(long competitionId, NormalisationMethod method, Basis basis) {
        // DDL takes no bind parameters: the values inlined here are numbers and booleans, never text.
        String normalised = ("create temp table jr_normalised on commit drop as with " + counted(basis) + ", "
                + STORED_TOTALS + normalised(method))
                .replace(":cid", Long.toString(competitionId));
        return List.of(WORK_MEM, "drop table if exists jr_ranked",
                "drop table if exists jr_normalised", normalised, "analyze jr_normalised", RANKED,
                "create index on jr_ranked (rank)", "analyze jr_ranked");
    }

    /**
     * Every ranked row (without title, school and category: {@link #describe} adds them per page) and
     * the sorted normalised values of the entries that may reach the top N (see {@link #reachable}),
     * computed in one statement without temporary tables: what {@link RankingCache} keeps. Writing half a million normalised rows to a temporary table, analysing
     * and indexing it cost more than the ranking's own arithmetic; a cached ranking needs none of that.
     * Read with plain JDBC in binary: Hibernate's Object[] rows, boxed numbers and text parsed back into
     * doubles cost more than the rows' transfer.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Computed compute(long competitionId, NormalisationMethod method, Basis basis, int topN) {
        em.createNativeQuery(WORK_MEM).executeUpdate(); // a native statement: flushes this transaction's writes first
        String sql = computeStatement(competitionId, method, basis, topN);
        return em.unwrap(org.hibernate.Session.class).doReturningWork(connection -> {
            try (java.sql.PreparedStatement st = connection.prepareStatement(sql)) {
                // Negative: binary results from the first execution (float8 and float8[] as their bytes).
                st.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
                try (java.sql.ResultSet rs = st.executeQuery()) {
                    List<Row> rows = new java.util.ArrayList<>();
                    Map<Long, double[]> values = new HashMap<>();
                    while (rs.next()) {
                        Row row = new Row(rs.getInt(1), rs.getLong(2), rs.getString(3), null, null, null,
                                rs.getDouble(4), rs.getDouble(5), rs.getDouble(6), rs.getInt(7), rs.getDouble(8),
                                rs.getDouble(9), rs.getDouble(10), rs.getDouble(11));
                        rows.add(row);
                        java.sql.Array vals = rs.getArray(12);
                        if (vals != null) {
                            values.put(row.entryId(), doubles(vals.getArray()));
                        }
                    }
                    // The statement does not sort by rank again (100,000 rows): the rows come in window order,
                    // which this checks in one pass and restores if ever not.
                    rows.sort(java.util.Comparator.comparingInt(Row::rank));
                    return new Computed(rows, values);
                }
            }
        });
    }

    /** The statement of {@link #compute}, its numbers inlined (the benchmark explains it). */
    public static String computeStatement(long competitionId, NormalisationMethod method, Basis basis, int topN) {
        return ("with normalised as (with " + counted(basis) + ", " + STORED_TOTALS + normalised(method) + "),\n"
                + " per_entry as (" + PER_ENTRY.formatted("normalised") + ")\n"
                + " select " + RANK + ", p.entry_id, e.code, " + FIGURES + ","
                + " case when " + reachable("p", "per_entry") + " then p.vals end"
                + "\n from per_entry p join entry e on e.id = p.entry_id")
                .replace(":cid", Long.toString(competitionId)).replace(":nth", Integer.toString(topN - 1))
                .replace(":slack", Double.toString(SLACK));
    }

    /** What {@link #compute} returns: the ranked rows and the reachable entries' sorted values. */
    public record Computed(List<Row> rows, Map<Long, double[]> reachableValues) {
    }

    /** Ranks {@code offset .. offset+limit-1} (0-based) of the materialised ranking. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Row> page(int offset, int limit) {
        return rows("select " + ROW + ROW_FROM + " where r.rank > :offset and r.rank <= :end order by r.rank",
                Map.of("offset", (long) offset, "end", (long) offset + limit));
    }

    /** The same rows with their entries' titles, schools and categories, in one query. */
    @SuppressWarnings("unchecked")
    public List<Row> describe(List<Row> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, Object[]> names = new HashMap<>();
        List<Long> ids = rows.stream().map(Row::entryId).toList();
        // An export asks for every row: PostgreSQL takes at most 65,535 parameters per statement.
        for (int from = 0; from < ids.size(); from += 10_000) {
            List<Object[]> found = em.createNativeQuery("select e.id, e.title, sch.name, k.code from entry e"
                            + " join school sch on sch.id = e.school_id join category k on k.id = e.category_id"
                            + " where e.id in (:ids)")
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 10_000))).getResultList();
            found.forEach(f -> names.put(((Number) f[0]).longValue(), f));
        }
        return rows.stream().map(r -> {
            Object[] n = names.getOrDefault(r.entryId(), new Object[4]);
            return new Row(r.rank(), r.entryId(), r.code(), (String) n[1], (String) n[2], (String) n[3], r.score(),
                    r.rawMean(), r.median(), r.jurorCount(), r.spread(), r.stdDev(), r.minValue(), r.maxValue());
        }).toList();
    }

    /** How many entries have at least one counted scorecard. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long scoredCount() {
        return ((Number) em.createNativeQuery("select count(*) from jr_ranked").getSingleResult()).longValue();
    }

    private static double[] doubles(Object array) {
        return array instanceof Double[] boxed
                ? Arrays.stream(boxed).mapToDouble(Double::doubleValue).toArray() : (double[]) array;
    }

    // The partition compares keys rounded to quanta with SLACK_QUANTA of slack: rounding moves each side by up
    // to half a quantum, so 3 quanta on the raw values are the exact bound; one more keeps every candidate the
    // partition can choose inside this set whatever the floating-point error near that bound.
    private static final double SLACK = (Bootstrap.SLACK_QUANTA + 2) * TieBreak.QUANTUM;
    // Whether the entry of alias can reach the top N: its highest value within the partition's slack of
    // the N-th highest lowest value among the rows of source.
    private static String reachable(String alias, String source) {
        return alias + ".vmax >= coalesce((select vmin from " + source
                + " order by vmin desc offset :nth limit 1), '-Infinity'::float8) - :slack";
    }

    /**
     * Entries that may reach the top N in some bootstrap round: those whose highest value comes
     * within the partition's slack of the N-th highest lowest value. Every other entry is beaten
     * by N entries in every round, so leaving it out changes no probability (docs/judging.md).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Row> reachable(int topN) {
        return rows("select " + ROW + ROW_FROM + " where " + reachable("r", "jr_ranked") + " order by r.rank",
                Map.of("nth", topN - 1, "slack", SLACK));
    }

    /** The scorecards that count for one entry now (for the scorecard list and adjudication). */
    @SuppressWarnings("unchecked")
    public Set<Long> countedScorecardIds(long competitionId, long entryId) {
        List<Object> ids = em.createNativeQuery("with " + counted(Basis.LIVE) + " select id from counted where entry_id = :eid")
                .setParameter("cid", competitionId).setParameter("eid", entryId).getResultList();
        Set<Long> out = new HashSet<>();
        ids.forEach(id -> out.add(((Number) id).longValue()));
        return out;
    }

    /** "id:version,..." of the scorecards that count for one entry now: what an adjudication was decided on. */
    public String fingerprint(long competitionId, long entryId) {
        return fingerprints(competitionId, List.of(entryId)).get(entryId);
    }

    /** Per juror, the distribution of their counted totals now: shows harsh and lenient jurors. */
    @SuppressWarnings("unchecked")
    public List<JurorSpread> jurorSpreads(long competitionId) {
        List<Object[]> rows = em.createNativeQuery("with " + counted(Basis.LIVE) + ", " + STORED_TOTALS + """
                         select t.juror_id, j.name, count(*), avg(t.t), coalesce(stddev_pop(t.t), 0), min(t.t),
                                percentile_cont(0.25) within group (order by t.t),
                                percentile_cont(0.5) within group (order by t.t),
                                percentile_cont(0.75) within group (order by t.t), max(t.t)
                         from totals t join juror j on j.id = t.juror_id
                         group by t.juror_id, j.name order by j.name, t.juror_id""")
                .setParameter("cid", competitionId).getResultList();
        return rows.stream().map(r -> new JurorSpread(((Number) r[0]).longValue(), (String) r[1],
                ((Number) r[2]).longValue(), num(r[3]), num(r[4]), num(r[5]), num(r[6]), num(r[7]), num(r[8]),
                num(r[9]))).toList();
    }

    /**
     * The normalised value the ranking gives each scorecard of these entries (scorecard id → value),
     * with the competition's method and basis (live, or sealed once frozen): the same formula as the
     * ranking, over the whole competition's scales. Scorecards that do not count are absent.
     */
    @SuppressWarnings("unchecked")
    public Map<Long, Double> normalisedValues(org.juryroom.competition.Competition c, java.util.Collection<Long> entryIds) {
        Map<Long, Double> out = new HashMap<>();
        if (entryIds.isEmpty()) {
            return out;
        }
        List<Object[]> rows = em.createNativeQuery("select n.scorecard_id, n.v from (with "
                        + counted(RankingService.basis(c)) + ", " + STORED_TOTALS + normalised(c.rankingMethod)
                        + ") n where n.entry_id in (:ids)")
                .setParameter("cid", c.id).setParameter("ids", entryIds).getResultList();
        rows.forEach(r -> out.put(((Number) r[0]).longValue(), num(r[1])));
        return out;
    }

    /** Count, mean and population sd of some marks; mean and sd null when there are none. */
    public record Figures(long count, Double mean, Double sd) {
    }

    /** One juror's marks beside everyone's (theirs included), per criterion in rubric order. */
    public record CriterionFigures(String code, String name, int minScore, int maxScore, Figures juror, Figures all) {
    }

    /**
     * @param otherJurors how many other jurors have counted scorecards in the competition
     * @param jurorTotals / allTotals the weighted totals (0–100) of the counted scorecards
     */
    public record JurorFigures(long otherJurors, Figures jurorTotals, Figures allTotals,
                               List<CriterionFigures> criteria) {
    }

    /**
     * A juror's counted marks against the whole jury's, per criterion and for the total, with the
     * competition's basis (live, or sealed once frozen). Two aggregate queries, no row per scorecard.
     */
    @SuppressWarnings("unchecked")
    public JurorFigures jurorFigures(org.juryroom.competition.Competition c, long jurorId) {
        String counted = "with " + counted(RankingService.basis(c));
        Object[] t = (Object[]) em.createNativeQuery(counted + """
                         select count(distinct juror_id) filter (where juror_id <> :jid),
                                count(*) filter (where juror_id = :jid), avg(total) filter (where juror_id = :jid),
                                stddev_pop(total) filter (where juror_id = :jid),
                                count(*), avg(total), stddev_pop(total)
                         from counted""")
                .setParameter("cid", c.id).setParameter("jid", jurorId).getSingleResult();
        List<Object[]> rows = em.createNativeQuery(counted + """
                         select cr.code, cr.name, cr.min_score, cr.max_score,
                                count(m.value) filter (where m.juror_id = :jid),
                                avg(m.value) filter (where m.juror_id = :jid),
                                stddev_pop(m.value) filter (where m.juror_id = :jid),
                                count(m.value), avg(m.value), stddev_pop(m.value)
                         from criterion cr
                         left join (select s.criterion_id, s.value, k.juror_id from score s
                                    join counted k on k.id = s.scorecard_id) m on m.criterion_id = cr.id
                         where cr.competition_id = :cid
                         group by cr.id, cr.code, cr.name, cr.min_score, cr.max_score, cr.position
                         order by cr.position""")
                .setParameter("cid", c.id).setParameter("jid", jurorId).getResultList();
        return new JurorFigures(((Number) t[0]).longValue(), figures(t, 1), figures(t, 4),
                rows.stream().map(r -> new CriterionFigures((String) r[0], (String) r[1], ((Number) r[2]).intValue(),
                        ((Number) r[3]).intValue(), figures(r, 4), figures(r, 7))).toList());
    }

    private static Figures figures(Object[] row, int from) {
        long n = ((Number) row[from]).longValue();
        return n == 0 ? new Figures(0, null, null) : new Figures(n, num(row[from + 1]), num(row[from + 2]));
    }

    /** "id:version,..." for several entries at once (entries without counted scorecards map to ""). */
    @SuppressWarnings("unchecked")
    public Map<Long, String> fingerprints(long competitionId, List<Long> entryIds) {
        Map<Long, String> out = new HashMap<>();
        entryIds.forEach(id -> out.put(id, ""));
        if (entryIds.isEmpty()) {
            return out;
        }
        List<Object[]> rows = em.createNativeQuery("with " + counted(Basis.LIVE) + " select entry_id,"
                        + " string_agg(id || ':' || version, ',' order by id) from counted where entry_id in (:ids)"
                        + " group by entry_id")
                .setParameter("cid", competitionId).setParameter("ids", entryIds).getResultList();
        rows.forEach(r -> out.put(((Number) r[0]).longValue(), (String) r[1]));
        return out;
    }

    /** The raw totals (0-100) of the scorecards that count for one entry now. */
    @SuppressWarnings("unchecked")
    public double[] rawTotals(long competitionId, long entryId) {
        List<Object> rows = em.createNativeQuery("with " + counted(Basis.LIVE) + ", " + STORED_TOTALS
                        + " select t from totals where entry_id = :eid order by t")
                .setParameter("cid", competitionId).setParameter("eid", entryId).getResultList();
        return rows.stream().mapToDouble(o -> ((Number) o).doubleValue()).toArray();
    }

    /**
     * Every counted scorecard of the competition with its total recomputed from its marks (rounded to
     * 6 decimals) and the marks themselves ("code=value;..." in rubric order), as the freeze seals them
     * and the verification re-reads them. One pass over the marks gives both.
     */
    @SuppressWarnings("unchecked")
    public List<CountedScorecard> countedScorecards(long competitionId, Basis basis) {
        em.createNativeQuery(WORK_MEM).executeUpdate();
        List<Object[]> rows = em.createNativeQuery("with " + counted(basis) + ", " + SEALED + " order by c.id")
                .setParameter("cid", competitionId).getResultList();
        return rows.stream().map(r -> new CountedScorecard(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                ((Number) r[2]).longValue(), ((Number) r[3]).longValue(), (BigDecimal) r[4], (String) r[5])).toList();
    }

    /**
     * Seals the scorecards of the live ranking materialised in this transaction into a shortlist, in
     * one INSERT ... SELECT; returns how many.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int seal(long competitionId, long shortlistId) {
        em.createNativeQuery(WORK_MEM).executeUpdate();
        return em.createNativeQuery("insert into shortlist_scorecard"
                        + " (shortlist_id, scorecard_id, entry_id, juror_id, version, total, scores)"
                        + " with " + RANKED_SCORECARDS + ", " + SEALED.replace("select c.id,", "select :sid, c.id,"))
                .setParameter("cid", competitionId).setParameter("sid", shortlistId).executeUpdate();
    }

    // The freeze seals exactly the scorecards its ranking was computed from (jr_normalised, materialised
    // earlier in the same transaction): a safeguarding hold raised meanwhile cannot split the two.
    private static final String RANKED_SCORECARDS = """
            counted as (
                select sc.id, sc.entry_id, sc.juror_id, sc.version, sc.total
                from scorecard sc join jr_normalised n on n.scorecard_id = sc.id
            )""";

    // Sorting or hashing half a million rows in 4 MB (PostgreSQL's default) spills to disk; a transaction
    // that ranks or seals a competition may use more.
    private static final String WORK_MEM = "set local work_mem = '64MB'";

    // Same formula as Scorecards.weightedTotal and as the trigger that keeps scorecard.total.
    private static final String SEALED = """
            marks as (
                select s.scorecard_id,
                       100.0 * sum(cr.weight::float8 * (s.value - cr.min_score) / (cr.max_score - cr.min_score))
                             / sum(cr.weight::float8) as t,
                       string_agg(cr.code || '=' || s.value, ';' order by cr.position) as scores
                from score s join criterion cr on cr.id = s.criterion_id
                where cr.competition_id = :cid
                group by s.scorecard_id
            )
            select c.id, c.entry_id, c.juror_id, c.version, round(m.t::numeric, 6), m.scores
            from counted c join marks m on m.scorecard_id = c.id""";

    @SuppressWarnings("unchecked")
    private List<Row> rows(String select, Map<String, Object> params) {
        Query q = em.createNativeQuery(select);
        params.forEach(q::setParameter);
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(RankingQuery::row).toList();
    }

    private static Row row(Object[] r) {
        return new Row(((Number) r[0]).intValue(), ((Number) r[1]).longValue(),
                (String) r[2], (String) r[3], (String) r[4], (String) r[5], num(r[6]), num(r[7]), num(r[8]),
                ((Number) r[9]).intValue(), num(r[10]), num(r[11]), num(r[12]), num(r[13]));
    }

    private static double num(Object o) {
        return o == null ? 0.0 : ((Number) o).doubleValue();
    }
}
