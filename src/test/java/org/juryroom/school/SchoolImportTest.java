package org.juryroom.school;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.juryroom.judging.JudgingFixtures;
import org.juryroom.judging.JudgingProfile;
import org.juryroom.mail.MailSender;
import org.juryroom.support.Api;
import org.juryroom.support.Mailbox;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.juryroom.judging.JudgingFixtures.ORGANISER;

/** CSV import of schools: a preview with errors per line, then all or nothing, idempotent by e-mail. */
@QuarkusTest
@TestProfile(JudgingProfile.class)
class SchoolImportTest {

    @Inject
    MailSender sender;

    @Test
    void thePreviewReportsErrorsPerLineAndASecondImportCreatesNothing() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String a = "a-" + run + "@import.example";
        String b = "b-" + run + "@import.example";
        String already = "c-" + run + "@import.example";
        JudgingFixtures.SchoolAccount existing = school(already);
        String header = "Name,District,contactName,CONTACTEMAIL\n";
        String good = "Alder School " + run + ",North,Ann Teacher," + a + "\n"
                + "\"Birch, Hill " + run + "\",South,\"Ben \"\"BB\"\" Teacher\"," + b + "\n"
                + "Cedar " + run + ",East,Cy," + already.toUpperCase() + "\n";
        String bad = good
                + "Dune " + run + ",West,Di,not-an-address\n"
                + ",West,Ed,e-" + run + "@import.example\n"
                + "Elm " + run + ",West,Fi," + a.toUpperCase() + "\n"
                + "Fir " + run + ",West\n";

        JsonPath preview = post(header + bad, "true").then().statusCode(200).extract().jsonPath();
        assertThat(preview.getBoolean("dryRun")).isTrue();
        assertThat(preview.getList("errors.line", Integer.class)).containsExactly(5, 6, 7, 8);
        assertThat(preview.getList("errors.field")).containsExactly("contactEmail", "name", "contactEmail", null);
        assertThat(preview.getString("errors[2].message")).contains("line 2");
        assertThat(preview.getList("lines.line", Integer.class)).containsExactly(2, 3, 4);
        assertThat(preview.getList("lines.outcome")).containsExactly("CREATE", "CREATE", "EXISTS");
        assertThat(preview.getString("lines[1].name")).isEqualTo("Birch, Hill " + run);
        assertThat(preview.getLong("lines[2].id")).isEqualTo(existing.id());

        // A NUL in a field is refused on its line in the preview and the import alike, never a server error.
        String nul = header + "Hill\u0000View " + run + ",North,Asha,n-" + run + "@import.example\n";
        assertThat(post(nul, "true").then().statusCode(200).extract().jsonPath().getList("errors.line", Integer.class))
                .containsExactly(2);
        Api.problem(post(nul, "false"), 422);

        // With errors nothing is imported.
        Api.problem(post(header + bad, null), 422);
        assertThat(post(header + good, "true").then().statusCode(200).extract().jsonPath().getList("lines.outcome"))
                .containsExactly("CREATE", "CREATE", "EXISTS");
        Api.problem(post(header + good, "yes"), 400);

        JsonPath imported = post(header + good, "false").then().statusCode(200).extract().jsonPath();
        assertThat(imported.getInt("created")).isEqualTo(2);
        assertThat(imported.getInt("existing")).isEqualTo(1);
        assertThat(imported.getList("lines.outcome")).containsExactly("CREATED", "CREATED", "EXISTS");
        long alder = imported.getLong("lines[0].id");
        ORGANISER.as().get("/api/schools/{sid}", alder).then().statusCode(200);
        sender.run();
        assertThat(Mailbox.to(a)).hasSize(1);
        assertThat(Mailbox.to(a).get(0).text()).contains("/invite/");
        assertThat(Mailbox.to(b)).hasSize(1);

        JsonPath again = post(header + good, null).then().statusCode(200).extract().jsonPath();
        assertThat(again.getInt("created")).isZero();
        assertThat(again.getList("lines.outcome")).containsOnly("EXISTS");
        assertThat(again.getLong("lines[0].id")).isEqualTo(alder);
        sender.run();
        assertThat(Mailbox.to(a)).hasSize(1);

        assertThat(post("name,district\nX,Y\n", "true").then().statusCode(200).extract().jsonPath()
                .getList("errors.message")).containsExactly("missing column contactName", "missing column contactEmail");
        ORGANISER.as().contentType("text/csv").body(header).post("/api/schools/import").then().statusCode(200);
        existingLogin().as().contentType("text/csv").body(header).post("/api/schools/import").then().statusCode(403);
    }

    private static JudgingFixtures.Login existingLogin() {
        return JudgingFixtures.school("Import district").login();
    }

    private static Response post(String csv, String dryRun) {
        var spec = ORGANISER.as().contentType("text/csv").body(csv);
        if (dryRun != null) {
            spec = spec.queryParam("dryRun", dryRun);
        }
        return spec.post("/api/schools/import");
    }

    private static JudgingFixtures.SchoolAccount school(String email) {
        JsonPath json = ORGANISER.as().contentType(io.restassured.http.ContentType.JSON).body(java.util.Map.of(
                        "name", JudgingFixtures.unique("School"), "district", "Import district", "contactName", "T",
                        "contactEmail", email, "invite", false))
                .post("/api/schools").then().statusCode(201).extract().jsonPath();
        return new JudgingFixtures.SchoolAccount(json.getLong("id"), json.getString("name"), "Import district",
                null);
    }

    /**
     * A CSV of 500 schools with a few bad lines: the preview names each bad line, the import is refused
     * whole; without them, 497 schools are created at once, and importing the file again creates nothing.
     */
    @Test
    void fiveHundredSchoolsWithAFewBadLinesReportErrorsPerLineAndASecondImportCreatesNothing() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String csv = fiveHundred(run, true);
        long before = total();
        JsonPath preview = post(csv, "true").then().statusCode(200).extract().jsonPath();
        assertThat(preview.getList("errors.line", Integer.class)).containsExactly(101, 251, 401);
        assertThat(preview.getList("errors.field")).containsExactly("contactEmail", "name", "contactEmail");
        assertThat(preview.getList("lines")).hasSize(497);
        assertThat(preview.getList("lines.outcome")).containsOnly("CREATE");
        Api.problem(post(csv, "false"), 422);
        assertThat(total()).as("all or nothing").isEqualTo(before);

        String clean = fiveHundred(run, false);
        // 500 accounts (a bcrypt hash each) in one transaction: on a loaded machine this takes longer than the default read timeout.
        JsonPath imported = ORGANISER.as().config(io.restassured.RestAssured.config().httpClient(
                        io.restassured.config.HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 900_000)))
                .contentType("text/csv").body(clean).queryParam("dryRun", "false").post("/api/schools/import")
                .then().statusCode(200).extract().jsonPath();
        assertThat(imported.getInt("created")).isEqualTo(500);
        assertThat(total()).isEqualTo(before + 500);
        // Each new school's invitation is queued with it; they are not delivered here (the other tests' sender
        // runs take the oldest due messages first, 100 at a time), so they leave the outbox again.
        assertThat(dropQueuedInvitations("bulk-" + run + "-%")).isEqualTo(500);
        JsonPath again = post(clean, "false").then().statusCode(200).extract().jsonPath();
        assertThat(again.getInt("created")).isZero();
        assertThat(again.getInt("existing")).isEqualTo(500);
        assertThat(total()).isEqualTo(before + 500);
    }

    private static int dropQueuedInvitations(String addressLike) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                org.juryroom.support.RealStack.services().jdbcUrl(), "postgres", "postgres");
             java.sql.PreparedStatement st = c.prepareStatement("delete from outbox_message where kind = 'INVITATION'"
                     + " and status = 'QUEUED' and recipient like ?")) {
            st.setString(1, addressLike);
            return st.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long total() {
        return ORGANISER.as().queryParam("size", 1).get("/api/schools").jsonPath().getLong("total");
    }

    /** 500 schools (lines 2..501); with {@code bad}, line 101 has no valid address, 251 no name, 401 repeats line 2's address. */
    static String fiveHundred(String run, boolean bad) {
        StringBuilder csv = new StringBuilder("name,district,contactName,contactEmail\n");
        for (int i = 0; i < 500; i++) {
            int line = i + 2;
            String name = "Bulk School " + run + " " + i;
            String email = "bulk-" + run + "-" + i + "@import.example";
            if (bad && line == 101) {
                email = "not an address";
            } else if (bad && line == 251) {
                name = "";
            } else if (bad && line == 401) {
                email = "bulk-" + run + "-0@import.example";
            }
            csv.append('"').append(name).append("\",District ").append(i % 7).append(",Teacher ").append(i).append(',')
                    .append(email).append('\n');
        }
        return csv.toString();
    }
}
