package org.juryroom.consent;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.juryroom.mail.MailSender;
import org.juryroom.support.Mailbox.Delivered;
import org.juryroom.web.Fixtures;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.juryroom.consent.GuardianConfirmationTest.address;
import static org.juryroom.consent.GuardianConfirmationTest.byEmail;
import static org.juryroom.consent.GuardianConfirmationTest.single;
import static org.juryroom.consent.GuardianConsentTest.ATTESTED;
import static org.juryroom.consent.GuardianConsentTest.child;
import static org.juryroom.consent.GuardianConsentTest.entry;
import static org.juryroom.web.Fixtures.organiser;

/**
 * Mails in their reader's language (issue 14), delivered to the tests' real SMTP server: the
 * recipient's saved language, else the language of the request that causes the mail, else English;
 * a guardian's, the language the school chose for the consent request, else the page's.
 */
@QuarkusTest
class LanguageMailsTest {

    @Inject
    MailSender sender;

    @Inject
    org.juryroom.access.PasswordResets resets;

    @Test
    void invitationsAndResetsAreWrittenInTheRecipientsLanguageElseTheRequests() {
        // A new juror has no language yet: the organiser's Hindi request decides.
        String jurorMail = address("juror-hi");
        organiser().header("Accept-Language", "hi").contentType(ContentType.JSON)
                .body(Map.of("name", "प्रिया शर्मा", "email", jurorMail, "invite", true))
                .post("/api/jurors").then().statusCode(201);
        sender.run();
        Delivered hi = single(jurorMail);
        assertThat(hi.subject()).isEqualTo("आपका JuryRoom खाता");
        assertThat(hi.text()).contains("नमस्ते प्रिया शर्मा,", "निर्णायक के रूप में").doesNotContain("Hello", "as a juror");
        assertThat(hi.html()).contains("<html lang=\"hi\">", "Noto Sans Devanagari").doesNotContain("Hello");

        // A school whose account chose বাংলা gets Bengali even when an English organiser resends.
        String schoolMail = address("school-bn");
        String schoolName = Fixtures.unique("বিদ্যালয়");
        JsonPath school = organiser().contentType(ContentType.JSON).body(Map.of("name", schoolName, "district",
                        "Nadia", "contactName", "ঋত্বিক সেন", "contactEmail", schoolMail, "invite", false))
                .post("/api/schools").then().statusCode(201).extract().jsonPath();
        given().auth().preemptive().basic(school.getString("username"), school.getString("password"))
                .contentType(ContentType.JSON).body(Map.of("language", "bn")).put("/api/me/language")
                .then().statusCode(204);
        organiser().header("Accept-Language", "en").post("/api/schools/{sid}/invitation", school.getLong("id"))
                .then().statusCode(201);
        sender.run();
        Delivered bn = single(schoolMail);
        assertThat(bn.subject()).isEqualTo("আপনার JuryRoom অ্যাকাউন্ট");
        assertThat(bn.text()).contains("নমস্কার ঋত্বিক সেন,", schoolName + "-কে JuryRoom-এ নথিভুক্ত")
                .doesNotContain("Hello", "registered");
        assertThat(bn.html()).contains("<html lang=\"bn\">", "Noto Sans Bengali");

        // A reset asked for on a Bengali page by the juror, who has saved no language.
        given().header("Accept-Language", "bn").contentType(ContentType.JSON).body(Map.of("email", jurorMail))
                .post("/api/password-resets").then().statusCode(202);
        resets.handle(); // the scheduled job, outside the request: the request's language went with it
        sender.run();
        Delivered reset = org.juryroom.support.Mailbox.to(jurorMail).get(1);
        assertThat(reset.subject()).isEqualTo("আপনার JuryRoom পাসওয়ার্ড নতুন করে ঠিক করুন");
        assertThat(reset.html()).contains("<html lang=\"bn\">");

        // Nobody chose anything: English, as before.
        String plain = address("juror-en");
        organiser().contentType(ContentType.JSON).body(Map.of("name", "Amit", "email", plain, "invite", true))
                .post("/api/jurors").then().statusCode(201);
        sender.run();
        assertThat(single(plain).subject()).isEqualTo("Your JuryRoom account");
        assertThat(single(plain).html()).contains("<html lang=\"en\">");
    }

    @Test
    void aGuardiansMailIsInTheLanguageTheSchoolChoseElseInThePagesLanguage() {
        String competition = Fixtures.unique("ভাষা প্রতিযোগিতা");
        long cid = Fixtures.openCompetition(competition, 3);
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Language School"));

        // Made on a Bengali page, no choice: Bengali, with the notice in Bengali.
        String bnMail = address("sumitra");
        long eid = GuardianConsentTest.post(school.api().header("Accept-Language", "bn"), cid,
                entry("নিরাপদ অনলাইন", List.of(child("অনন্যা", byEmail("সুমিত্রা", bnMail, "judging"))), ATTESTED))
                .then().log().ifValidationFails().statusCode(201).extract().jsonPath().getLong("id");
        sender.run();
        Delivered bn = single(bnMail);
        assertThat(bn.subject()).isEqualTo("অনুগ্রহ করে " + competition + "-এর জন্য আপনার সম্মতি নিশ্চিত করুন");
        assertThat(bn.text()).contains("নমস্কার সুমিত্রা,", "অনন্যা", "বিচার: প্রতিযোগিতার বিচারকমণ্ডলী")
                .doesNotContain("Hello", "judging:", school.name());
        assertThat(bn.html()).contains("<html lang=\"bn\">", "Noto Sans Bengali", "অনন্যা");
        assertThat(school.api().get("/api/entries/" + eid).then().statusCode(200).extract().jsonPath()
                .getString("participants[0].consent.language")).isEqualTo("bn");

        // Edited on an English page without naming a language: the guardian keeps Bengali. A guardian's
        // name typed decomposed (e + combining acute) is stored in NFC, as the children's names are.
        school.api().header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(Map.of("participants", List.of(child("অনন্যা", byEmail("সুমিত্রা", bnMail, "judging")))))
                .patch("/api/entries/" + eid).then().log().ifValidationFails().statusCode(200)
                .body("participants[0].consent.language", org.hamcrest.Matchers.equalTo("bn"));
        school.api().header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(Map.of("participants", List.of(child("অনন্যা", byEmail("Rene\u0301e", bnMail, "judging")))))
                .patch("/api/entries/" + eid).then().log().ifValidationFails().statusCode(200)
                .body("participants[0].consent.language", org.hamcrest.Matchers.equalTo("bn"))
                .body("participants[0].consent.guardianName", org.hamcrest.Matchers.equalTo("Ren\u00e9e"));

        // Made on an English page, the school chose Hindi for this guardian.
        String hiMail = address("sunita");
        Map<String, Object> consent = byEmail("सुनीता", hiMail, "judging");
        consent.put("language", "hi");
        GuardianConsentTest.post(school.api().header("Accept-Language", "en"), cid,
                entry("Safe online", List.of(child("प्रिया", consent)), ATTESTED)).then().log().ifValidationFails()
                .statusCode(201);
        sender.run();
        Delivered hi = single(hiMail);
        assertThat(hi.subject()).isEqualTo("कृपया " + competition + " के लिए अपनी सहमति की पुष्टि करें");
        assertThat(hi.html()).contains("<html lang=\"hi\">", "प्रिया").doesNotContain("Hello");

        // A language the app does not speak is refused, nothing is recorded.
        Map<String, Object> odd = byEmail("Meera", address("meera"), "judging");
        odd.put("language", "fr");
        GuardianConsentTest.post(school, cid, entry("Odd", List.of(child("Meera", odd)), ATTESTED))
                .then().statusCode(422);
    }
}
