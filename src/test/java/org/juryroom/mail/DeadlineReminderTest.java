package org.juryroom.mail;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.juryroom.judging.JudgingFixtures;
import org.juryroom.judging.JudgingFixtures.JurorAccount;
import org.juryroom.judging.JudgingProfile;
import org.juryroom.judging.Race;
import org.juryroom.support.Api;
import org.juryroom.support.Mailbox;
import org.juryroom.support.Mailbox.Delivered;
import org.juryroom.support.RealStack;
import org.juryroom.web.WebSession;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.juryroom.judging.JudgingFixtures.ORGANISER;

/**
 * Scheduled reminders before deadlines, and the organiser's "remind everyone", on the real stack.
 * The scheduler is off in tests ({@code %test.juryroom.mail.remind-every=off}): the tests run it
 * themselves, many at once, and against the organiser's button.
 */
@QuarkusTest
@TestProfile(JudgingProfile.class)
class DeadlineReminderTest {

    private static final long SEED = 20261205L;

    @Inject
    DeadlineReminders reminders;

    @Inject
    MailSender sender;

    /** A judging competition 2 days before its judging deadline: juror done, half and none (of 2 entries each). */
    private record Jury(long cid, JurorAccount done, JurorAccount half, JurorAccount none, Map<Long, String> emails,
                        List<String> secrets) {
    }

    private Jury jury(String judgingClosesAt) {
        long cid = JudgingFixtures.openCompetition(1, Map.of(
                "submissionClosesAt", OffsetDateTime.now().plusHours(1).toString(),
                "judgingClosesAt", judgingClosesAt));
        String district = JudgingFixtures.unique("Deadline district");
        JudgingFixtures.SchoolAccount a = JudgingFixtures.school(district);
        JudgingFixtures.SchoolAccount b = JudgingFixtures.school(district);
        long first = JudgingFixtures.submittedEntry(cid, a, "Anika's poster", "s", List.of("Anika"));
        long second = JudgingFixtures.submittedEntry(cid, b, "Bela's poster", "s", List.of("Bela"));
        Map<Long, String> emails = new HashMap<>();
        List<JurorAccount> jurors = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String email = "deadline-" + UUID.randomUUID().toString().substring(0, 12) + "@jury.example";
            JsonPath j = ORGANISER.as().contentType(ContentType.JSON).body(Map.of("name", JudgingFixtures.unique("Juror"),
                    "email", email, "invite", false)).post("/api/jurors").then().statusCode(201).extract().jsonPath();
            JurorAccount juror = new JurorAccount(j.getLong("id"), j.getString("name"),
                    new JudgingFixtures.Login(j.getString("username"), j.getString("password")));
            jurors.add(juror);
            emails.put(juror.id(), email);
        }
        Map<Long, List<String>> panel = new LinkedHashMap<>();
        jurors.forEach(j -> panel.put(j.id(), List.of()));
        JudgingFixtures.panels(cid, panel);
        JudgingFixtures.transition(cid, "JUDGING");
        JudgingFixtures.assign(cid, 3, 1).then().statusCode(201);
        JudgingFixtures.submitScore(jurors.get(0), first, 5, 5);
        JudgingFixtures.submitScore(jurors.get(0), second, 6, 4);
        JudgingFixtures.submitScore(jurors.get(1), first, 7, 3);
        return new Jury(cid, jurors.get(0), jurors.get(1), jurors.get(2), emails,
                List.of(a.name(), b.name(), district, "Anika", "Bela"));
    }

    /**
     * Many scheduler runs and organisers' clicks at once, in an order drawn from a fixed seed: each
     * juror with work left gets the 3-day reminder once and one manual reminder, the finished juror
     * nothing; repeated rounds on fresh competitions.
     */
    @Test
    void racingSchedulersAndButtonsMailEachJurorOncePerReminder() {
        Random random = new Random(SEED);
        for (int round = 0; round < Race.rounds(3); round++) {
            Jury jury = jury(OffsetDateTime.now().plusDays(2).toString());
            List<Callable<List<Long>>> tasks = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                tasks.add(() -> {
                    reminders.run(Instant.now());
                    return List.of();
                });
            }
            for (int i = 0; i < 4; i++) {
                tasks.add(() -> ORGANISER.as().post("/api/competitions/" + jury.cid() + "/reminders").then()
                        .statusCode(201).extract().jsonPath().getList("reminded", Long.class));
            }
            Collections.shuffle(tasks, random);
            List<Long> byHand = Race.all(tasks).stream().flatMap(List::stream).toList();

            assertThat(byHand).as("round " + round).containsExactlyInAnyOrder(jury.half().id(), jury.none().id());
            assertThat(sent(jury.cid())).as("round " + round).containsExactlyInAnyOrderEntriesOf(Map.of(
                    jury.half().id() + ":DAYS_3", 1, jury.half().id() + ":MANUAL", 1,
                    jury.none().id() + ":DAYS_3", 1, jury.none().id() + ":MANUAL", 1));
            assertThat(reminderMails(jury.emails().get(jury.half().id()))).as("round " + round).isEqualTo(2);
            assertThat(reminderMails(jury.emails().get(jury.none().id()))).as("round " + round).isEqualTo(2);
            assertThat(reminderMails(jury.emails().get(jury.done().id()))).as("round " + round).isZero();
            // Later runs find nothing more to send.
            assertThat(reminders.run(Instant.now()).jurors()).isZero();
        }
    }

    @Test
    void aMovedDeadlineRearmsTheRemindersAndTheDashboardShowsWhoWasRemindedWhen() {
        Jury jury = jury(OffsetDateTime.now().plusDays(5).toString());
        reminders.run(Instant.now());
        assertThat(sent(jury.cid())).containsOnlyKeys(jury.half().id() + ":DAYS_7", jury.none().id() + ":DAYS_7");
        sendAll();
        Delivered mail = Mailbox.to(jury.emails().get(jury.none().id())).get(1);
        assertThat(mail.subject()).startsWith("Scoring for ");
        assertThat(mail.text()).contains("2 of the entries assigned to you", "Judging closes on");
        assertThat(mail.text() + mail.html() + mail.subject()).doesNotContain(jury.secrets().toArray(String[]::new));

        // Judging is brought forward to tomorrow: the 1-day reminder (not the 3-day one) goes out, once.
        ORGANISER.as().contentType(ContentType.JSON).body(Map.of("judgingClosesAt",
                        OffsetDateTime.now().plusHours(12).toString()))
                .put("/api/competitions/{cid}/judging-deadline", jury.cid()).then().statusCode(200);
        reminders.run(Instant.now());
        reminders.run(Instant.now());
        assertThat(sent(jury.cid())).containsOnlyKeys(jury.half().id() + ":DAYS_7", jury.none().id() + ":DAYS_7",
                jury.half().id() + ":DAYS_1", jury.none().id() + ":DAYS_1")
                .allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
        // A deadline before the submissions close is refused on the field; a passed one sends nothing.
        Api.problem(ORGANISER.as().contentType(ContentType.JSON).body(Map.of("judgingClosesAt",
                        OffsetDateTime.now().minusDays(3).toString()))
                .put("/api/competitions/{cid}/judging-deadline", jury.cid()), 422);

        WebSession organiser = WebSession.signIn(ORGANISER.username(), ORGANISER.password());
        String dashboard = organiser.get("/organiser/competitions/" + jury.cid()).asString();
        assertThat(dashboard).contains("id=\"remind-unfinished\"", "7 days before, ", "1 day before, ",
                "Judging closes on");
        assertThat(organiser.post("/organiser/competitions/" + jury.cid(), "/organiser/competitions/" + jury.cid()
                + "/reminders", Map.of()).header("Location")).contains("reminded=2");
        assertThat(organiser.get("/organiser/competitions/" + jury.cid()).asString()).contains("by hand, ");
        // Pressed again within the hour: nobody is mailed twice.
        assertThat(organiser.post("/organiser/competitions/" + jury.cid(), "/organiser/competitions/" + jury.cid()
                + "/reminders", Map.of()).header("Location")).contains("reminded=0");
        assertThat(ORGANISER.as().get("/api/competitions/{cid}", jury.cid()).jsonPath().getString("judgingClosesAt"))
                .isNotNull();
    }

    /** Schools with drafts are reminded before the submission deadline, once however many runs race; no child is named. */
    @Test
    void schoolsWithDraftsAreRemindedOnceAndNoChildIsNamed() {
        long cid = JudgingFixtures.openCompetition(1, Map.of(
                "submissionClosesAt", OffsetDateTime.now().plusDays(2).toString()));
        String district = JudgingFixtures.unique("Draft district");
        JudgingFixtures.SchoolAccount drafting = JudgingFixtures.school(district);
        JudgingFixtures.SchoolAccount submitted = JudgingFixtures.school(district);
        JudgingFixtures.SchoolAccount idle = JudgingFixtures.school(district);
        JudgingFixtures.draftEntry(cid, drafting, "Mira's safety poster", "s", List.of("Mira"), true, true);
        JudgingFixtures.submittedEntry(cid, submitted, "Tara's poster", "s", List.of("Tara"));
        List<Callable<DeadlineReminders.Report>> runs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            runs.add(() -> reminders.run(Instant.now()));
        }
        assertThat(Race.all(runs).stream().mapToInt(DeadlineReminders.Report::schools).sum()).isPositive();
        String email = emailOf(drafting.id());
        assertThat(reminderMails(email)).isEqualTo(1);
        assertThat(reminderMails(emailOf(submitted.id()))).isZero();
        assertThat(reminderMails(emailOf(idle.id()))).isZero();
        sendAll();
        Delivered mail = Mailbox.to(email).get(Mailbox.to(email).size() - 1);
        assertThat(mail.subject()).endsWith(": entries not yet submitted");
        assertThat(mail.text()).contains("1 draft entry in ", "Submissions close on", "http://juryroom.test/school");
        assertThat(mail.text() + mail.html() + mail.subject()).doesNotContain("Mira", "Tara");
    }

    /** Delivers everything queued (other tests' mails too), a batch at a time. */
    private void sendAll() {
        while (sender.run().sent() > 0) {
            // next batch
        }
    }

    /** "juror:KIND" → how many reminder_sent rows. */
    private static Map<String, Integer> sent(long cid) {
        Map<String, Integer> rows = new HashMap<>();
        try (Connection c = DriverManager.getConnection(RealStack.services().jdbcUrl(), "postgres", "postgres");
             PreparedStatement st = c.prepareStatement("select juror_id, kind, count(*) from reminder_sent"
                     + " where competition_id = ? group by juror_id, kind")) {
            st.setLong(1, cid);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getLong(1) + ":" + rs.getString(2), rs.getInt(3));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private static int reminderMails(String email) {
        JsonPath outbox = ORGANISER.as().queryParam("to", email).queryParam("size", 100).get("/api/outbox").then()
                .statusCode(200).extract().jsonPath();
        return (int) outbox.getList("items.kind").stream().filter("REMINDER"::equals).count();
    }

    private static String emailOf(long schoolId) {
        return ORGANISER.as().get("/api/schools/{sid}", schoolId).jsonPath().getString("contactEmail");
    }
}
