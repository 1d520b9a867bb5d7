package org.juryroom.judging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Volume fixtures written straight into the database (the API path for one entry is covered by
 * the HTTP tests; hundreds of uploads would only test the object store's patience). Rows are
 * exactly what the API would write: SUBMITTED entries with consent, jurors, SUBMITTED scorecards.
 */
public final class BulkData {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();

    private BulkData() {
    }

    public record BulkEntry(long id, String code, long schoolId, String categoryCode) {
    }

    /** {@code count} schools in one district; returns their ids. */
    public static List<Long> schools(EntityManager em, int count, String district) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ids.add(((Number) em.createNativeQuery("insert into school (name, district, contact_name, contact_email)"
                                + " values (?1, ?2, 'Teacher', 'bulk@school.example') returning id")
                        .setParameter(1, JudgingFixtures.unique("Bulk school")).setParameter(2, district)
                        .getSingleResult()).longValue());
            }
            return ids;
        });
    }

    /** {@code count} jurors without sign-ins (the assignment only needs the rows). */
    public static List<Long> jurors(EntityManager em, int count) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ids.add(((Number) em.createNativeQuery("insert into juror (name, email) values (?1, 'bulk@jury.example')"
                                + " returning id").setParameter(1, JudgingFixtures.unique("Bulk juror"))
                        .getSingleResult()).longValue());
            }
            return ids;
        });
    }

    /** SUBMITTED entries, spread round-robin over the schools and the given categories. */
    public static List<BulkEntry> entries(EntityManager em, long competitionId, List<Long> schoolIds,
                                          List<String> categories, int count) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<BulkEntry> out = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                long school = schoolIds.get(i % schoolIds.size());
                String category = categories.get(i % categories.size());
                String code = code();
                long id = ((Number) em.createNativeQuery("""
                                insert into entry (competition_id, school_id, category_id, code, title, status,
                                                   consent_judging, consent_publish_work, consent_publish_names,
                                                   consent_attested_by, submitted_at)
                                select ?1, ?2, k.id, ?3, ?4, 'SUBMITTED', true, true, false, 'Teacher', now()
                                from category k where k.competition_id = ?1 and k.code = ?5
                                returning id""")
                        .setParameter(1, competitionId).setParameter(2, school).setParameter(3, code)
                        .setParameter(4, "Bulk entry " + i).setParameter(5, category).getSingleResult()).longValue();
                out.add(new BulkEntry(id, code, school, category));
            }
            return out;
        });
    }

    /** A SUBMITTED scorecard with the given marks (criterion code → value). */
    public static void scorecard(EntityManager em, long entryId, long jurorId, Map<String, Integer> marks) {
        long id = ((Number) em.createNativeQuery("insert into scorecard (entry_id, juror_id, status)"
                        + " values (?1, ?2, 'SUBMITTED') returning id")
                .setParameter(1, entryId).setParameter(2, jurorId).getSingleResult()).longValue();
        marks.forEach((code, value) -> em.createNativeQuery("""
                        insert into score (scorecard_id, criterion_id, value)
                        select ?1, cr.id, ?2 from criterion cr join entry e on e.competition_id = cr.competition_id
                        where e.id = ?3 and cr.code = ?4""")
                .setParameter(1, id).setParameter(2, value).setParameter(3, entryId).setParameter(4, code)
                .executeUpdate());
    }

    public static void assignment(EntityManager em, long competitionId, long entryId, long jurorId) {
        em.createNativeQuery("insert into assignment (competition_id, entry_id, juror_id) values (?1, ?2, ?3)")
                .setParameter(1, competitionId).setParameter(2, entryId).setParameter(3, jurorId).executeUpdate();
    }

    static String code() {
        StringBuilder sb = new StringBuilder("T-");
        for (int i = 0; i < 8; i++) {
            sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }
}
