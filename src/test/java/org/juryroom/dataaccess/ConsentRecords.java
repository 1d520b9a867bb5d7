package org.juryroom.dataaccess;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Guardian consent records for tests of what is read from them. The entry API makes the records (consent
 * per child); for entries that have none (made before it did), this inserts one per child, so the tests
 * hold on either side of that change. Reads come back as the database holds them.
 */
final class ConsentRecords {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ConsentRecords() {
    }

    /** Ensures every child of the entry has a record; returns the records, by position. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> ensure(EntityManager em, long entryId) {
        QuarkusTransaction.requiringNew().run(() -> {
            Number existing = (Number) em.createNativeQuery("select count(*) from guardian_consent where entry_id = ?1")
                    .setParameter(1, entryId).getSingleResult();
            if (existing.longValue() > 0) {
                return;
            }
            long notice = notice(em);
            List<Object[]> children = em.createNativeQuery(
                    "select id, position, first_name from participant where entry_id = ?1 order by position")
                    .setParameter(1, entryId).getResultList();
            for (Object[] child : children) {
                em.createNativeQuery("insert into guardian_consent (entry_id, participant_id, position, token, guardian_name,"
                                + " relationship, guardian_email, verification, verification_reference, notice_id, judging,"
                                + " publish_work, publish_name, given_at, recorded_by, attested_by, publish_name_withdrawn_at)"
                                + " values (?1, ?2, ?3, ?4, ?5, 'PARENT', ?6, 'PAPER_FORM_HELD_BY_SCHOOL', ?7, ?8, true, true,"
                                + " true, now() - interval '1 day', 'test', 'Ms. Rao, class teacher', now())")
                        .setParameter(1, entryId).setParameter(2, ((Number) child[0]).longValue())
                        .setParameter(3, ((Number) child[1]).intValue())
                        .setParameter(4, HexFormat.of().formatHex(bytes(32)))
                        .setParameter(5, "Guardian of " + child[2])
                        .setParameter(6, "guardian." + ((Number) child[0]).longValue() + "@example.org")
                        .setParameter(7, "FORM-" + ((Number) child[0]).longValue())
                        .setParameter(8, notice)
                        .executeUpdate();
            }
        });
        return read(em, entryId);
    }

    /** The entry's records as stored, by position, with the notice's texts. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> read(EntityManager em, long entryId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object[]> rows = em.createNativeQuery("select g.guardian_name, g.guardian_email, g.verification,"
                            + " g.verification_reference, g.token, n.version, cast(n.texts as text), g.publish_name_withdrawn_at"
                            + " from guardian_consent g left join consent_notice n on n.id = g.notice_id"
                            + " where g.entry_id = ?1 order by g.position")
                    .setParameter(1, entryId).getResultList();
            return rows.stream().map(r -> {
                Map<String, Object> m = new java.util.HashMap<>();
                m.put("guardianName", r[0]);
                m.put("guardianEmail", r[1]);
                m.put("verification", r[2]);
                m.put("verificationReference", r[3]);
                m.put("token", r[4]);
                m.put("noticeVersion", r[5]);
                m.put("noticeTexts", r[6]);
                m.put("publishNameWithdrawn", r[7] != null);
                return m;
            }).toList();
        });
    }

    /** The newest notice, or a first one when the app has none yet. */
    private static long notice(EntityManager em) {
        List<?> latest = em.createNativeQuery("select id from consent_notice order by version desc limit 1").getResultList();
        if (!latest.isEmpty()) {
            return ((Number) latest.get(0)).longValue();
        }
        String text = "We ask your permission to show your child's work to the jury of the competition.";
        return ((Number) em.createNativeQuery("insert into consent_notice (version, text_sha256, texts)"
                        + " values (1, encode(sha256(convert_to(?1, 'UTF8')), 'hex'), cast(?2 as jsonb)) returning id")
                .setParameter(1, text).setParameter(2, "{\"en\": \"" + text + "\"}").getSingleResult()).longValue();
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
