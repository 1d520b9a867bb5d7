package org.juryroom.mail;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.juryroom.judging.JudgingFixtures;
import org.juryroom.judging.JudgingProfile;
import org.juryroom.support.Api;
import org.juryroom.support.Mailbox;
import org.juryroom.support.RealStack;
import org.juryroom.web.WebSession;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.juryroom.judging.JudgingFixtures.ORGANISER;
import static org.juryroom.judging.JudgingFixtures.anonymous;

/** Importing jurors, editing schools and jurors, inviting safeguarding leads, and the audit lines of it all. */
@QuarkusTest
@TestProfile(JudgingProfile.class)
class PeopleTest {

    @Inject
    MailSender sender;

    @Test
    void jurorsImportFromACsvWithAPreviewAllOrNothingAndIdempotentByEmail() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String a = "ja-" + run + "@import.example";
        String b = "jb-" + run + "@import.example";
        String header = "Email,NAME,expertise\n";
        String good = a + ",Asha " + run + ",\"Design, posters\"\n" + b + ",Bimal " + run + ",\n";
        String bad = good + "not-an-address,Chitra,\n" + b.toUpperCase() + ",Bimal again,\n";
        JsonPath preview = post(header + bad, "true").then().statusCode(200).extract().jsonPath();
        assertThat(preview.getList("errors.line", Integer.class)).containsExactly(4, 5);
        assertThat(preview.getList("errors.field")).containsExactly("email", "email");
        assertThat(preview.getList("lines.outcome")).containsExactly("CREATE", "CREATE");
        Api.problem(post(header + bad, "false"), 422);
        Api.problem(post(header + good, "maybe"), 400);
        assertThat(post("name\nX\n", "true").then().statusCode(200).extract().jsonPath().getList("errors.message"))
                .containsExactly("missing column email");

        JsonPath imported = post(header + good, null).then().statusCode(200).extract().jsonPath();
        assertThat(imported.getInt("created")).isEqualTo(2);
        long asha = imported.getLong("lines[0].id");
        assertThat(ORGANISER.as().get("/api/jurors/{jid}", asha).jsonPath().getString("expertise"))
                .isEqualTo("Design, posters");
        JsonPath again = post(header + good, null).then().statusCode(200).extract().jsonPath();
        assertThat(again.getInt("created")).isZero();
        assertThat(again.getList("lines.id", Long.class)).contains(asha);
        sender.run();
        assertThat(Mailbox.to(a)).hasSize(1);
        assertThat(Mailbox.to(a).get(0).text()).contains("as a juror", "/invite/");
        assertThat(Mailbox.to(b)).hasSize(1);
    }

    @Test
    void organisersEditSchoolsAndJurorsAndEachChangeIsAudited() {
        JudgingFixtures.SchoolAccount school = JudgingFixtures.school("Edit district");
        Map<String, Object> corrected = Map.of("name", "Corrected School", "district", "New district",
                "contactName", "Ms Sen", "contactEmail", "sen-" + school.id() + "@school.example");
        ORGANISER.as().contentType(ContentType.JSON).body(corrected).put("/api/schools/{sid}", school.id()).then()
                .statusCode(200);
        JsonPath view = ORGANISER.as().get("/api/schools/{sid}", school.id()).jsonPath();
        assertThat(view.getString("name")).isEqualTo("Corrected School");
        assertThat(view.getString("contactEmail")).isEqualTo("sen-" + school.id() + "@school.example");
        assertThat(audit("SCHOOL_UPDATED", "school", school.id())).hasSize(1);
        // The same again changes nothing and writes no line.
        ORGANISER.as().contentType(ContentType.JSON).body(corrected).put("/api/schools/{sid}", school.id()).then()
                .statusCode(200);
        assertThat(audit("SCHOOL_UPDATED", "school", school.id())).hasSize(1);
        Api.problem(ORGANISER.as().contentType(ContentType.JSON).body(Map.of("name", "X", "district", "Y",
                "contactName", "Z", "contactEmail", "not an address")).put("/api/schools/{sid}", school.id()), 422);
        Api.problem(ORGANISER.as().contentType(ContentType.JSON).body(corrected).put("/api/schools/0"), 404);
        school.login().as().contentType(ContentType.JSON).body(corrected).put("/api/schools/{sid}", school.id())
                .then().statusCode(403);
        assertThat(ORGANISER.as().get("/api/schools/{sid}", school.id()).jsonPath().getString("name"))
                .isEqualTo("Corrected School");

        JudgingFixtures.JurorAccount juror = JudgingFixtures.juror();
        ORGANISER.as().contentType(ContentType.JSON).body(Map.of("name", "Renamed Juror", "email",
                        "renamed-" + juror.id() + "@jury.example", "expertise", "Film"))
                .put("/api/jurors/{jid}", juror.id()).then().statusCode(200);
        assertThat(ORGANISER.as().get("/api/jurors/{jid}", juror.id()).jsonPath().getString("name"))
                .isEqualTo("Renamed Juror");
        assertThat(audit("JUROR_UPDATED", "juror", juror.id())).hasSize(1);
        Api.problem(ORGANISER.as().contentType(ContentType.JSON).body(Map.of("name", "", "email", "x@y.example"))
                .put("/api/jurors/{jid}", juror.id()), 422);

        // The same on the pages.
        WebSession organiser = WebSession.signIn(ORGANISER.username(), ORGANISER.password());
        String edit = "/organiser/jurors/" + juror.id() + "/edit";
        assertThat(organiser.get(edit).asString()).contains("value=\"Renamed Juror\"");
        Response saved = organiser.post(edit, edit, Map.of("name", "Paged Juror",
                "email", "paged-" + juror.id() + "@jury.example", "expertise", ""));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(organiser.get(edit + "?saved").asString()).contains("id=\"person-saved\"", "value=\"Paged Juror\"");
        Response refused = organiser.post(edit, edit, Map.of("name", "Paged Juror",
                "email", "nope"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(organiser.get("/organiser/jurors?q=Paged Juror").asString())
                .contains("/organiser/jurors/" + juror.id() + "/edit");
    }

    @Test
    void safeguardingLeadsAreInvitedAndInvitationsResetsAndRetriesAreAudited() {
        String email = "lead-" + UUID.randomUUID().toString().substring(0, 12) + "@commission.example";
        JsonPath created = ORGANISER.as().contentType(ContentType.JSON).body(Map.of("name", JudgingFixtures.unique("Lead"),
                "email", email, "phone", "+91 98300 12345")).post("/api/safeguarding-leads").then().statusCode(201)
                .extract().jsonPath();
        assertThat(created.getBoolean("invited")).isTrue();
        assertThat(created.getString("password")).isNull();
        long lead = created.getLong("id");
        sender.run();
        String token = Mailbox.to(email).get(0).token("invite");
        assertThat(audit("INVITATION_SENT", "safeguardingLead", lead)).hasSize(1);
        anonymous().contentType(ContentType.JSON).body(Map.of("password", "lead chosen password"))
                .post("/api/invitations/" + token).then().statusCode(204);
        anonymous().auth().preemptive().basic(created.getString("username"), "lead chosen password")
                .get("/api/safeguarding/concerns").then().statusCode(200);
        List<String> accepted = audit("INVITATION_ACCEPTED", "safeguardingLead", lead);
        assertThat(accepted).hasSize(1);
        assertThat(accepted.get(0)).contains("anonymous").doesNotContain(token);

        long outboxId = ORGANISER.as().post("/api/safeguarding-leads/{lid}/invitation", lead).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        assertThat(audit("INVITATION_RESENT", "safeguardingLead", lead)).hasSize(1);
        ORGANISER.as().post("/api/outbox/{id}/retry", outboxId).then().statusCode(200);
        assertThat(audit("OUTBOX_RETRIED", "outboxMessage", outboxId)).hasSize(1);
        ORGANISER.as().post("/api/safeguarding-leads/{lid}/password-reset", lead).then().statusCode(201);
        sender.run();
        String reset = Mailbox.to(email).stream().filter(m -> m.text().contains("/reset/")).findFirst().orElseThrow()
                .token("reset");
        anonymous().contentType(ContentType.JSON).body(Map.of("password", "lead reset password"))
                .post("/api/password-resets/" + reset).then().statusCode(204);
        assertThat(audit("PASSWORD_RESET_SENT", "safeguardingLead", lead)).hasSize(1);
        assertThat(audit("PASSWORD_RESET_USED", "safeguardingLead", lead)).hasSize(1);
        Api.problem(ORGANISER.as().post("/api/safeguarding-leads/0/invitation"), 404);
    }

    private static Response post(String csv, String dryRun) {
        var spec = ORGANISER.as().contentType("text/csv").body(csv);
        if (dryRun != null) {
            spec = spec.queryParam("dryRun", dryRun);
        }
        return spec.post("/api/jurors/import");
    }

    /** The audit lines of this action about this subject: "actor after_value" each. */
    static List<String> audit(String action, String subjectType, long subjectId) {
        List<String> lines = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(RealStack.services().jdbcUrl(), "postgres", "postgres");
             PreparedStatement st = c.prepareStatement("select actor, after_value from audit_event where action = ?"
                     + " and subject_type = ? and subject_id = ? order by id")) {
            st.setString(1, action);
            st.setString(2, subjectType);
            st.setLong(3, subjectId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return lines;
    }
}
