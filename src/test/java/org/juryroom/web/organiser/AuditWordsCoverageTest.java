package org.juryroom.web.organiser;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.juryroom.audit.AuditEvent;
import org.juryroom.web.Fixtures;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every field name and every constant the audit trail holds has its words (AuditWordsTest keeps the three
 * languages alike), so no JSON name or enum constant reaches an organiser. It reads what the trail holds when it
 * runs: the events of every test before it in the shared database.
 */
@QuarkusTest
class AuditWordsCoverageTest {

    private static final String VALUES = """
            select distinct v from audit_event a,
              lateral (select a.before_value union all select a.after_value) d(doc),
              lateral jsonb_path_query(d.doc, 'lax $.**') v
            where d.doc is not null""";

    @Test
    void everyFieldNameInTheTrailHasWords() {
        // Run alone, the trail still holds an entry's creation, a file and a submission.
        long cid = Fixtures.openCompetition(Fixtures.unique("Audit words"), 5);
        Fixtures.submittedEntry(Fixtures.school(Fixtures.unique("Audit School")), cid, "poster", "Trail",
                List.of("Tara"), "posters/poster-01.jpg");
        List<String> names = query("select distinct k from (" + VALUES + ") x, lateral jsonb_object_keys("
                + "case when jsonb_typeof(x.v) = 'object' then x.v else '{}'::jsonb end) k");
        assertThat(names).contains("status", "participants", "firstName");
        // Keys that are data, not names: ids, and the criterion codes a scorecard's marks are recorded under.
        List<String> criteria = query("select distinct k from audit_event a, lateral (select a.before_value union all"
                + " select a.after_value) d(doc), lateral jsonb_path_query(d.doc, 'lax $.**.scores') s,"
                + " lateral jsonb_object_keys(case when jsonb_typeof(s) = 'object' then s else '{}'::jsonb end) k"
                + " where d.doc is not null");
        List<String> missing = names.stream().filter(k -> !k.matches("\\d+") && !criteria.contains(k))
                .filter(k -> !AuditWords.bundle("en").containsKey("field." + k)).sorted().toList();
        assertThat(missing).as("field names without words in i18n/audit_*.properties").isEmpty();
    }

    @Test
    void everyConstantInTheTrailHasWords() {
        List<String> missing = query("select distinct x.v #>> '{}' from (" + VALUES + ") x"
                + " where jsonb_typeof(x.v) = 'string' and x.v #>> '{}' ~ '^[A-Z][A-Z0-9_]+$'")
                .stream().filter(c -> !AuditWords.bundle("en").containsKey("value." + c))
                // A file format's name ("JPEG", a logo's type) is the same word in every language (glossary).
                .filter(c -> org.juryroom.storage.FileTypes.SUPPORTED.stream()
                        .map(org.juryroom.storage.FileTypes::name).noneMatch(c::equals))
                .sorted().toList();
        assertThat(missing).as("constants without words in i18n/audit_*.properties").isEmpty();
    }

    @Test
    void everyRoleAndPseudonymousActorHasWords() {
        List<String> missing = query("select distinct 'role.' || actor_role from audit_event union "
                + "select distinct 'actor.' || actor from audit_event where actor in ('system', 'anonymous', 'safeguarding')")
                .stream().filter(k -> !AuditWords.bundle("en").containsKey(k)).sorted().toList();
        assertThat(missing).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<String> query(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.getEntityManager()
                .createNativeQuery(sql).getResultList());
    }
}
