package org.juryroom.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.ccil.cowan.tagsoup.Parser;
import org.junit.jupiter.api.Test;
import org.juryroom.consent.ConsentFixtures;
import org.juryroom.support.RealStack;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.sax.SAXSource;
import java.io.File;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refused form tells a screen reader what is wrong, where it is: every field message shown (class error-text) has
 * an id, exactly one control names it in aria-describedby, and that control says aria-invalid="true"; no control says
 * invalid without a message, none names a message that is not there, and the summary at the top is one role="alert".
 * Each message is also a line of that summary, a link to its control (the GOV.UK error summary), and the summary links
 * to nothing else. One check ({@link #tied}) on the refused forms of every role, in the HTML as served, parsed as a browser parses it
 * (TagSoup, which REST Assured brings); and on the same forms before any refusal: nothing invalid.
 */
@QuarkusTest
class FieldErrorsTiedToControlsTest {

    private static final Pattern CONCERN_LINK = Pattern.compile("href=\"/safeguarding/concerns/(\\d+)\">");
    private static final Set<String> GROUPS = Set.of("radiogroup", "group");

    @Test
    void theSchoolsEntryFormAndSafeguardingContact() {
        long cid = Fixtures.openCompetition(Fixtures.unique("Tied Errors"), 5);
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Tied School"));
        WebSession web = WebSession.signIn(school.username(), school.password());
        String form = "/school/competitions/" + cid + "/new";
        tied(web.get(form), 200, form);
        // Without the page script: the whole form is posted and comes back from the server.
        Response entry = given().cookies(web.cookies()).redirects().follow(false)
                .multiPart("_csrf", web.token(form)).multiPart("title", "").multiPart("categoryCode", "poster")
                .multiPart("firstName", "Riya Sen").multiPart("grade", "7")
                .multiPart("files", new File("uploads-sample/posters/poster-01.jpg"), "image/jpeg")
                .post("/school/competitions/" + cid + "/entries");
        tied(entry, 422, "school entry form", "title-error", "firstName-0-error");

        String contact = "/school/safeguarding-contact";
        tied(web.get(contact), 200, contact);
        tied(web.post(contact, contact, Map.of("name", "", "phone", "ring me", "email", "das@school.example")), 422,
                contact, "name-error", "phone-error");
    }

    @Test
    void theOrganisersForms() {
        WebSession web = WebSession.signIn("organiser", RealStack.ORGANISER_PASSWORD);
        tied(web.get("/organiser/settings"), 200, "settings");
        tied(web.post("/organiser/settings", "/organiser/settings/name", Map.of("name", "x".repeat(500))), 422,
                "settings", "name-error");

        Map<String, Object> competition = new HashMap<>(Map.of("title", "", "opensAt", "2031-01-01T09:00",
                "closesAt", "2030-01-01T09:00", "shortlistSize", "10", "maxEntries", "3", "rankingMethod", "Z_SCORE",
                "cat.0.code", "poster", "cat.0.name", "", "cat.0.types", List.of("image/jpeg"), "cat.0.maxMb", "5"));
        competition.putAll(Map.of("crit.0.code", "message", "crit.0.name", "Message", "crit.0.weight", "3",
                "crit.0.min", "1", "crit.0.max", "0"));
        tied(web.get("/organiser/competitions/new"), 200, "new competition");
        tied(web.post("/organiser/competitions/new", "/organiser/competitions", competition), 422, "competition form",
                "title-error", "cat-name-0-error");

        long cid = Fixtures.openCompetition(Fixtures.unique("Tied Rounds"), 5);
        long rubric = Fixtures.rounds(cid).get(0);
        String rounds = "/organiser/competitions/" + cid + "/rounds";
        tied(web.get(rounds), 200, rounds);
        Map<String, Object> form = new HashMap<>(Map.of("round.0.id", rubric, "round.0.order", "2",
                "round.0.kind", "RUBRIC", "round.0.name", "Rubric", "round.1.order", "1", "round.1.kind", "SCREENING",
                "round.1.name", "First look", "round.1.k", "2", "round.1.quorum", "one"));
        tied(web.post(rounds, rounds, form), 422, "rounds (a number that is none)", "r1-quorum-error");
        form.put("round.1.quorum", "3");
        tied(web.post(rounds, rounds, form), 422, "rounds (refused by the service)", "r1-quorum-error");

        Fixtures.Account juror = Fixtures.juror(Fixtures.unique("Tied Juror"));
        String person = "/organiser/jurors/" + juror.id() + "/edit";
        tied(web.get(person), 200, person);
        tied(web.post(person, person, Map.of("name", "", "email", "not an address", "expertise", "Posters")), 422,
                "juror form", "name-error", "email-error");
        tied(web.post("/organiser/jurors", "/organiser/jurors", Map.of("name", "", "email", "x")), 422,
                "new juror form", "name-error");
        tied(web.post("/organiser/jurors", "/organiser/jurors", Map.of("name", "Tied Expert", "email",
                "tied-expert@jury.example", "expertise", "x".repeat(501))), 422, "new juror's expertise", "expertise-error");
        tied(web.post("/organiser/safeguarding-leads", "/organiser/safeguarding-leads",
                Map.of("name", "", "email", "lead@commission.example", "phone", "033 4000 1234")), 422,
                "new safeguarding lead", "name-error");

        Fixtures.Account school = Fixtures.school(Fixtures.unique("Tied Conflict School"));
        String conflicts = "/organiser/competitions/" + cid + "/conflicts";
        tied(web.post(conflicts, conflicts, Map.of("schoolId", String.valueOf(school.id()))), 422,
                "organiser conflicts", "jurorId-error");
    }

    @Test
    void theJurorsForms() {
        Fixtures.OnePoster p = Fixtures.onePosterInJudging("Tied Jury", 3, "Tied Jury School", "Tied poster", "Mira");
        WebSession web = WebSession.signIn(p.juror().username(), p.juror().password());
        String entry = "/jury/entries/" + p.entryId();
        tied(web.get(entry), 200, entry);
        tied(web.post(entry, entry + "/scorecard", Map.of("score.message", "8", "action", "submit")), 422,
                "scorecard", "score-originality-error", "score-craft-error");
        // The concern dialog of the entry page, refused: its own page, the same fields.
        tied(web.post(entry, "/concerns/entries/" + p.entryId(), Map.of("kind", "DISCLOSURE", "note", "")), 422,
                "raise a concern", "note-" + p.entryId() + "-error");

        tied(web.get("/jury/conflicts"), 200, "jury conflicts");
        tied(web.post("/jury/conflicts", "/jury/conflicts", Map.of("reason", "no school chosen")), 422,
                "jury conflicts", "schoolId-error");
        tied(web.post("/jury/conflicts", "/jury/conflicts", Map.of("schoolId", String.valueOf(p.school().id()),
                "reason", "x".repeat(600))), 422, "jury conflicts (a long reason)", "reason-error");

        tied(web.get("/account"), 200, "account");
        tied(web.post("/account", "/account/tokens", Map.of("name", "")), 422, "API tokens", "token-name-error");
    }

    @Test
    void theSafeguardingLeadsConcernForm() {
        Fixtures.OnePoster p = Fixtures.onePosterInJudging("Tied Desk", 3, "Tied Desk School", "Tied concern", "Tuli");
        WebSession juror = WebSession.signIn(p.juror().username(), p.juror().password());
        assertThat(juror.post("/jury/entries/" + p.entryId(), "/concerns/entries/" + p.entryId(),
                Map.of("kind", "DISCLOSURE", "note", "The caption names a child's school and street.")).statusCode())
                .isEqualTo(303);
        Map<String, Object> lead = Fixtures.organiser().contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("name", Fixtures.unique("Tied Lead"), "email", "dsl@commission.example",
                        "phone", "+91 98300 12345", "invite", false))
                .post("/api/safeguarding-leads").then().statusCode(201).extract().jsonPath().getMap("");
        WebSession desk = WebSession.signIn((String) lead.get("username"), (String) lead.get("password"));
        String code = Fixtures.organiser().get("/api/entries/" + p.entryId()).jsonPath().getString("code");
        String row = Arrays.stream(desk.get("/safeguarding").asString().split("<tr>")).filter(r -> r.contains(code))
                .findFirst().orElseThrow();
        Matcher m = CONCERN_LINK.matcher(row);
        assertThat(m.find()).as(row).isTrue();
        String concern = "/safeguarding/concerns/" + m.group(1);
        tied(desk.get(concern), 200, concern);
        tied(desk.post(concern, concern + "/actions", Map.of("action", "REPORTED")), 422, "concern action",
                "reportedTo-error");
        tied(desk.post(concern, concern + "/actions", Map.of("note", "No action chosen")), 422,
                "concern action without one", "action-error");
    }

    @Test
    void theGuardiansWithdrawalAndThePasswordPages() {
        long cid = Fixtures.openCompetition(Fixtures.unique("Tied Consent"), 5);
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Tied Consent School"));
        long eid = Fixtures.submittedEntry(school, cid, "poster", "Tied consent", List.of("Nila"),
                "posters/poster-01.jpg");
        String consent = "/consent/" + ConsentFixtures.tokens(eid).get(0);
        WebSession guardian = WebSession.anonymous();
        tied(guardian.get(consent), 200, "guardian consent");
        tied(guardian.post(consent, consent, Map.of()), 422, "guardian consent", "scopes-error");

        // The length is checked before the link: a refused password needs no live link.
        String reset = "/reset/" + "x".repeat(43);
        tied(guardian.get(reset), 200, "choose a password");
        tied(guardian.post(reset, reset, Map.of("password", "short")), 422, "choose a password", "password-error");
        tied(guardian.get("/reset"), 200, "ask for a reset link");
        tied(guardian.post("/reset", "/reset", Map.of("email", "no address")), 422, "ask for a reset link",
                "email-error");
    }

    /**
     * The page's field messages are each tied to one control, and no control is invalid without one; returns the
     * ids of the messages shown. {@code expected}: messages the refusal must show (none: the page shows none).
     */
    static Set<String> tied(Response response, int status, String page, String... expected) {
        String html = response.asString();
        assertThat(response.statusCode()).as(page + ": " + html).isEqualTo(status);
        List<Element> all = elements(parse(html));
        Map<String, Element> byId = new HashMap<>();
        for (Element e : all) {
            if (!e.getAttribute("id").isEmpty()) {
                assertThat(byId.put(e.getAttribute("id"), e)).as(page + ": a second element with id " + e.getAttribute("id"))
                        .isNull();
            }
        }
        Set<String> shown = new TreeSet<>();
        Map<String, String> controlOf = new HashMap<>();
        for (Element e : all) {
            if (classes(e).contains("error-text") && !e.getTextContent().isBlank()) {
                String id = e.getAttribute("id");
                assertThat(id).as(page + ": the message \"" + e.getTextContent().strip() + "\" has no id").isNotEmpty();
                shown.add(id);
                List<Element> naming = all.stream().filter(c -> describedBy(c).contains(id)).toList();
                assertThat(naming).as(page + ": controls that name " + id).hasSize(1);
                Element control = naming.get(0);
                controlOf.put(id, control.getAttribute("id"));
                assertThat(control.getAttribute("aria-invalid")).as(page + ": the control named by " + id)
                        .isEqualTo("true");
                assertThat(Set.of("input", "select", "textarea", "fieldset").contains(control.getTagName())
                        || GROUPS.contains(control.getAttribute("role"))).as(page + ": " + id + " names a "
                        + control.getTagName() + ", not a control or group").isTrue();
            }
        }
        for (Element c : all) {
            for (String id : describedBy(c)) {
                Element target = byId.get(id);
                assertThat(target).as(page + ": " + c.getTagName() + " " + c.getAttribute("id") + " names " + id
                        + ", which is not on the page").isNotNull();
                assertThat(classes(target).contains("error-text") && target.getTextContent().isBlank())
                        .as(page + ": " + id + " is named while it says nothing").isFalse();
            }
            if (c.hasAttribute("aria-invalid")) {
                assertThat(describedBy(c).stream().anyMatch(shown::contains))
                        .as(page + ": " + c.getTagName() + " " + c.getAttribute("id") + " is invalid without a message")
                        .isTrue();
            }
        }
        List<Element> summaries = all.stream().filter(e -> e.hasAttribute("data-error-summary")).toList();
        if (expected.length == 0) {
            assertThat(shown).as(page + " before any refusal").isEmpty();
            assertThat(summaries).as(page + " before any refusal").isEmpty();
        } else {
            assertThat(shown).as(page + ": the messages shown").contains(expected);
            assertThat(summaries).as(page + ": the summary at the top").hasSize(1);
            assertThat(summaries.get(0).getAttribute("role")).isEqualTo("alert");
            // Each field's message is a line of the summary that links to its control; no line links elsewhere.
            List<String> links = new ArrayList<>();
            NodeList anchors = summaries.get(0).getElementsByTagName("a");
            for (int i = 0; i < anchors.getLength(); i++) {
                String href = ((Element) anchors.item(i)).getAttribute("href");
                assertThat(href).as(page + ": a summary link").startsWith("#");
                Element target = byId.get(href.substring(1));
                assertThat(target).as(page + ": the summary links to " + href + ", which is not on the page").isNotNull();
                assertThat(Set.of("input", "select", "textarea", "fieldset").contains(target.getTagName())
                        || GROUPS.contains(target.getAttribute("role"))).as(page + ": the summary links to " + href
                        + ", a " + target.getTagName() + ", not a control or group").isTrue();
                links.add(href.substring(1));
            }
            for (String id : shown) {
                assertThat(controlOf.get(id)).as(page + ": the control of " + id + " has an id").isNotEmpty();
                assertThat(links).as(page + ": the summary links the message " + id + " to its control")
                        .contains(controlOf.get(id));
            }
        }
        return shown;
    }

    private static Document parse(String html) {
        try {
            Parser parser = new Parser();
            parser.setFeature(Parser.namespacesFeature, false);
            DOMResult dom = new DOMResult();
            TransformerFactory.newInstance().newTransformer()
                    .transform(new SAXSource(parser, new InputSource(new StringReader(html))), dom);
            return (Document) dom.getNode();
        } catch (Exception e) {
            throw new IllegalStateException("unparsable page", e);
        }
    }

    private static List<Element> elements(Document doc) {
        NodeList nodes = doc.getElementsByTagName("*");
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static List<String> describedBy(Element e) {
        String ids = e.getAttribute("aria-describedby").strip();
        return ids.isEmpty() ? List.of() : List.of(ids.split("\\s+"));
    }

    private static Set<String> classes(Element e) {
        String names = e.getAttribute("class").strip();
        return names.isEmpty() ? Set.of() : Set.of(names.split("\\s+"));
    }
}
