package org.juryroom.consent;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.juryroom.entry.Entry;
import org.juryroom.entry.Participant;
import org.juryroom.judging.JudgingFixtures;
import org.juryroom.judging.JudgingFixtures.JurorAccount;
import org.juryroom.judging.JudgingFixtures.SchoolAccount;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.juryroom.judging.JudgingFixtures.ORGANISER;

/** Guardian consent records for the withdrawal tests, and a published shortlist to withdraw from. */
public final class ConsentFixtures {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ConsentFixtures() {
    }

    /**
     * The withdrawal tokens of an entry's children, by position. An entry made through the API with the
     * entry-level (legacy) consent gets one record per child here, as the school's consent gives it, if
     * it has none yet (once the API records them itself, those are used).
     */
    public static List<String> tokens(long entryId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (GuardianConsent.ofEntry(entryId).isEmpty()) {
                Entry e = Entry.findById(entryId);
                for (Participant p : e.participants) {
                    GuardianConsent r = new GuardianConsent();
                    r.entryId = e.id;
                    r.participant = p;
                    r.position = p.position;
                    byte[] token = new byte[32];
                    RANDOM.nextBytes(token);
                    r.token = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
                    r.verification = GuardianConsent.Verification.PAPER_FORM_HELD_BY_SCHOOL;
                    r.judging = e.consentJudging;
                    r.publishWork = e.consentPublishWork;
                    r.publishName = e.consentPublishNames;
                    r.givenAt = Instant.now();
                    r.recordedBy = "test";
                    r.attestedBy = e.consentAttestedBy;
                    r.persist();
                }
                GuardianConsent.flush();
                ConsentSummary.apply(e);
            }
            return GuardianConsent.ofEntry(entryId).stream().map(r -> r.token).toList();
        });
    }

    public static Response withdraw(String token, String... scopes) {
        return JudgingFixtures.anonymous().contentType(ContentType.JSON).body(Map.of("scopes", List.of(scopes)))
                .post("/api/consents/{token}/withdraw", token);
    }

    /** A competition in PUBLISHED whose shortlist of 2 holds {@code eid} at rank 1 and another entry at rank 2. */
    public record Published(long cid, long eid, long other, SchoolAccount school, JurorAccount juror,
                            List<String> tokens) {
    }

    public static Published published(String title, List<String> firstNames) {
        Published p = shortlisted(title, firstNames);
        JudgingFixtures.transition(p.cid(), "PUBLISHED");
        return p;
    }

    /** As {@link #published}, one step before: the shortlist is frozen and the competition not yet published. */
    public static Published shortlisted(String title, List<String> firstNames) {
        long cid = JudgingFixtures.openCompetition(2);
        SchoolAccount school = JudgingFixtures.school(JudgingFixtures.unique("District"));
        long eid = JudgingFixtures.draftEntry(cid, school, title, "Our message.", firstNames, true, true);
        List<String> tokens = tokens(eid);
        JudgingFixtures.submit(school, eid);
        long other = JudgingFixtures.submittedEntry(cid, school, JudgingFixtures.unique("Other"), "s",
                List.of(JudgingFixtures.firstName()));
        JurorAccount juror = JudgingFixtures.juror();
        JudgingFixtures.panels(cid, Map.of(juror.id(), List.of()));
        JudgingFixtures.transition(cid, "JUDGING");
        JudgingFixtures.assign(cid, 1, 1).then().statusCode(201);
        JudgingFixtures.submitScore(juror, eid, 9, 5);
        JudgingFixtures.submitScore(juror, other, 4, 1);
        ORGANISER.as().post("/api/competitions/{cid}/shortlist", cid).then().statusCode(201);
        return new Published(cid, eid, other, school, juror, tokens);
    }

    public static boolean sealVerifies(long cid) {
        return ORGANISER.as().get("/api/competitions/{cid}/shortlist/verify", cid).then().statusCode(200)
                .extract().jsonPath().getBoolean("valid");
    }
}
