package org.juryroom.web;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.juryroom.access.MatrixFixture;
import org.juryroom.access.MatrixFixture.Ctx;
import org.juryroom.judging.JudgingFixtures;
import org.juryroom.judging.JudgingFixtures.Login;
import org.juryroom.judging.JudgingProfile;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every web page route × every role, with the status each must get: the pages' half of the
 * authorisation matrix (the API's half, {@code AuthorisationMatrixTest}, reads the OpenAPI
 * document, from which pages are left out). The routes are discovered from the page resource
 * classes themselves, so a page added without a row fails this test.
 *
 * <p>Expected answers: anonymous visitors are sent to sign in (302); a signed-in user of another
 * role gets 403; an object the user may not see does not exist (404), exactly as in the API.
 * Writes go with a valid CSRF token for the session, so the status shows the access decision,
 * not the CSRF check; the permitted role is aimed at a deterministic domain answer (e.g. an
 * entry locked by judging) so that the shared fixture stays as it is.
 */
@QuarkusTest
@TestProfile(JudgingProfile.class)
class PageAuthorisationMatrixTest {

    enum Role { ANONYMOUS, SCHOOL_A, SCHOOL_B, JUROR_ASSIGNED, JUROR_UNASSIGNED, JUROR_CONFLICTED, ORGANISER, SAFEGUARDING }

    /** A signed-in browser per role, and the page each role can always open (for its CSRF token). */
    record Browser(WebSession web, String home) {
    }

    record Row(String route, BiFunction<Ctx, Browser, Response> call, int... expected) {
    }

    private static final int ASK_SIGN_IN = 302;

    // anonymous, school A, school B, juror assigned, juror unassigned, juror conflicted, organiser, safeguarding lead
    private static List<Row> rows() {
        List<Row> r = new ArrayList<>();
        // Sign-in and home
        // Signed in, both send each role to its own pages.
        r.add(get("GET /", c -> "/", ASK_SIGN_IN, 303, 303, 303, 303, 303, 303, 303));
        r.add(get("GET /login", c -> "/login", 200, 303, 303, 303, 303, 303, 303, 303));
        // School portal
        r.add(get("GET /school", c -> "/school", ASK_SIGN_IN, 200, 200, 403, 403, 403, 403, 403));
        r.add(get("GET /school/competitions/{cid}/new", c -> "/school/competitions/" + c.cid() + "/new",
                ASK_SIGN_IN, 200, 200, 403, 403, 403, 403, 403));
        r.add(post("POST /school/competitions/{cid}/entries", c -> "/school/competitions/" + c.cid() + "/entries",
                entryForm(), ASK_SIGN_IN, 422, 422, 403, 403, 403, 403, 403));
        r.add(get("GET /school/entries/{eid}", c -> "/school/entries/" + c.eid(),
                ASK_SIGN_IN, 200, 404, 403, 403, 403, 403, 403));
        r.add(get("GET /school/entries/{eid}/edit", c -> "/school/entries/" + c.eid() + "/edit",
                ASK_SIGN_IN, 200, 404, 403, 403, 403, 403, 403));
        // School A's entry is locked by judging: its owner gets 409 from the domain, school B a 404.
        r.add(post("POST /school/entries/{eid}", c -> "/school/entries/" + c.eid(), entryForm(),
                ASK_SIGN_IN, 409, 404, 403, 403, 403, 403, 403));
        r.add(new Row("POST /school/entries/{eid}/files", (c, b) -> b.web().postMultipart(b.home(),
                "/school/entries/" + c.eid() + "/files", "files", "p.png", "image/png", JudgingFixtures.png()),
                ASK_SIGN_IN, 409, 404, 403, 403, 403, 403, 403));
        r.add(post("POST /school/entries/{eid}/files/{fid}/delete", c -> "/school/entries/" + c.eid() + "/files/"
                + c.fid() + "/delete", Map.of(), ASK_SIGN_IN, 409, 404, 403, 403, 403, 403, 403));
        r.add(post("POST /school/entries/{eid}/submit", c -> "/school/entries/" + c.eid() + "/submit", Map.of(),
                ASK_SIGN_IN, 409, 404, 403, 403, 403, 403, 403));
        r.add(post("POST /school/entries/{eid}/withdraw", c -> "/school/entries/" + c.eid() + "/withdraw", Map.of(),
                ASK_SIGN_IN, 409, 404, 403, 403, 403, 403, 403));
        // Juror desk
        // The desk's home opens the only competition a juror judges directly (the conflicted juror's case).
        r.add(get("GET /jury", c -> "/jury", ASK_SIGN_IN, 403, 403, 200, 200, 303, 403, 403));
        r.add(get("GET /jury/competitions/{cid}", c -> "/jury/competitions/" + c.cid(),
                ASK_SIGN_IN, 403, 403, 200, 200, 200, 403, 403));
        r.add(get("GET /jury/entries/{eid}", c -> "/jury/entries/" + c.eid(),
                ASK_SIGN_IN, 403, 403, 200, 404, 404, 403, 403));
        r.add(post("POST /jury/entries/{eid}/scorecard", c -> "/jury/entries/" + c.eid() + "/scorecard",
                Map.of("action", "draft", "comment", "matrix"), ASK_SIGN_IN, 403, 403, 303, 404, 404, 403, 403));
        // The other jurors' marks open only once the juror's own scorecard is submitted (the fixture's is a draft: 409).
        r.add(post("POST /jury/entries/{eid}/others", c -> "/jury/entries/" + c.eid() + "/others", Map.of(),
                ASK_SIGN_IN, 403, 403, 409, 404, 404, 403, 403));
        // The one page where jurors see school names; a declaration without a school is refused (422).
        r.add(get("GET /jury/conflicts", c -> "/jury/conflicts", ASK_SIGN_IN, 403, 403, 200, 200, 200, 403, 403));
        r.add(post("POST /jury/conflicts", c -> "/jury/conflicts", Map.of("reason", "no school"),
                ASK_SIGN_IN, 403, 403, 422, 422, 422, 403, 403));
        // Files, for everyone who may see the entry
        r.add(get("GET /files/{eid}/{fid}", c -> "/files/" + c.eid() + "/" + c.fid(),
                ASK_SIGN_IN, 200, 404, 200, 404, 404, 200, 404));
        r.add(get("GET /files/{eid}/{fid}/thumbnail", c -> "/files/" + c.eid() + "/" + c.fid() + "/thumbnail",
                ASK_SIGN_IN, 200, 404, 200, 404, 404, 200, 404));
        // A preview exists only for PDFs: past the same access check as the thumbnail, the PNG has none.
        r.add(get("GET /files/{eid}/{fid}/preview", c -> "/files/" + c.eid() + "/" + c.fid() + "/preview",
                ASK_SIGN_IN, 404, 404, 404, 404, 404, 404, 404));
        // The sealed original does not exist for anyone but organisers.
        r.add(get("GET /files/{eid}/{fid}/original", c -> "/files/" + c.eid() + "/" + c.fid() + "/original",
                ASK_SIGN_IN, 404, 404, 404, 404, 404, 200, 404));
        // Organiser console
        r.add(get("GET /organiser", c -> "/organiser", ASK_SIGN_IN, 403, 403, 403, 403, 403, 200, 403));
        r.add(get("GET /organiser/competitions/new", c -> "/organiser/competitions/new",
                ASK_SIGN_IN, 403, 403, 403, 403, 403, 200, 403));
        // Organiser writes aimed at a validation error (422) or a refused transition (409).
        r.add(post("POST /organiser/competitions", c -> "/organiser/competitions", Map.of("title", ""),
                ASK_SIGN_IN, 403, 403, 403, 403, 403, 422, 403));
        r.add(get("GET /organiser/competitions/{cid}", c -> "/organiser/competitions/" + c.cid(),
                ASK_SIGN_IN, 403, 403, 403, 403, 403, 200, 403));
        r.add(get("GET /organiser/competitions/{cid}/edit", c -> "/organiser/competitions/" + c.cid() + "/edit",
                ASK_SIGN_IN, 403, 403, 403, 403, 403, 200, 403));
        r.add(post("POST /organiser/competitions/{cid}", c -> "/organiser/competitions/" + c.cid(), Map.of("title", ""),
                ASK_SIGN_IN, 403, 403, 403, 403, 403, 422, 403));
        r.add(post("POST /organiser/competitions/{cid}/transitions", c -> "/organiser/competitions/" + c.cid()
                + "/transitions", Map.of("to", "OPEN"), ASK_SIGN_IN, 403, 403, 403, 403, 403, 409, 403));
        r.add(post("POST /organiser/competitions/{cid}/assignments", c -> "/organiser/competitions/" + c.cid()
                + "/assignments", Map.of("jurorsPerEntry", "2"), ASK_SIGN_IN, 403, 403, 403, 403, 403, 303, 403));
        r.add(get("GET /organiser/competitions/{cid}/ranking", c -> "/organiser/competitions/" + c.cid() + "/ranking",
                ASK_SIGN_IN, 403, 403, 403, 403, 403, 200, 403));
        r.add(post("POST /organiser/competitions/{cid}/shortlist", c -> "/organiser/competitions/" + c.cid()
                + "/shortlist", Map.of(), ASK_SIGN_IN, 403, 403, 403, 403, 403, 409, 403));
        r.add(get("GET /organiser/competitions/{cid}/shortlist", c -> "/organiser/competitions/" + c.publishedCid()
                + "/shortlist", ASK_SIGN_IN, 403, 403, 403, 403, 403, 200, 403));
        r.add(post("POST /organiser/competitions/{cid}/adjudications", c -> "/organiser/competitions/" + c.cid()
                + "/adjudications", Map.of("entryId", "0", "decision", "CONFIRM"),
                ASK_SIGN_IN, 403, 403, 403, 403, 403, 422, 403));
        r.add(get("GET /organiser/competitions/{cid}/shortlist/verify", c -> "/organiser/competitions/"
                + c.publishedCid() + "/shortlist/verify", ASK_SIGN_IN, 403, 403, 403, 403, 403, 200, 403));
        r.add(get("GET /organiser/competitions/{cid}/shortlist/snapshot.json", c -> "/organiser/competitions/"
                + c.publishedCid() + "/shortlist/snapshot.json", ASK_SIGN_IN, 403, 403, 403, 403, 403, 200, 403));
        r.add(get("GET /organiser/competitions/{cid}/exports/{name}", c -> "/organiser/competitions/"
                + c.publishedCid() + "/exports/shortlist.pdf", ASK_SIGN_IN, 403, 403, 403, 403, 403, 200, 403));
        r.add(get("GET /organiser/competitions/{cid}/conflicts", c -> "/organiser/competitions/" + c.cid()
                + "/conflicts", ASK_SIGN_IN, 403, 403, 403, 403, 403, 200, 403));
        r.add(post("POST /organiser/competitions/{cid}/conflicts", c -> "/organiser/competitions/" + c.cid()
                + "/conflicts", Map.of("reason", "no juror, no school"), ASK_SIGN_IN, 403, 403, 403, 403, 403, 422, 403));
        r.add(post("POST /organiser/competitions/{cid}/conflicts/{conflictId}/delete", c -> "/organiser/competitions/"
                + c.cid() + "/conflicts/0/delete", Map.of(), ASK_SIGN_IN, 403, 403, 403, 403, 403, 404, 403));
        r.add(get("GET /organiser/competitions/{cid}/audit", c -> "/organiser/competitions/" + c.cid() + "/audit",
                ASK_SIGN_IN, 403, 403, 403, 403, 403, 200, 403));
        r.add(post("POST /organiser/entries/{eid}/redactions", c -> "/organiser/entries/" + c.eid() + "/redactions",
                Map.of("term", " "), ASK_SIGN_IN, 403, 403, 403, 403, 403, 422, 403));
        r.add(get("GET /organiser/competitions/{cid}/entries", c -> "/organiser/competitions/" + c.cid() + "/entries",
                ASK_SIGN_IN, 403, 403, 403, 403, 403, 200, 403));
        r.add(get("GET /organiser/entries/{eid}", c -> "/organiser/entries/" + c.eid(),
                ASK_SIGN_IN, 403, 403, 403, 403, 403, 200, 403));
        r.add(post("POST /organiser/entries/{eid}/files/{fid}/review", c -> "/organiser/entries/" + c.eid()
                + "/files/" + c.fid() + "/review", Map.of(), ASK_SIGN_IN, 403, 403, 403, 403, 403, 303, 403));
        r.add(get("GET /organiser/schools", c -> "/organiser/schools", ASK_SIGN_IN, 403, 403, 403, 403, 403, 200, 403));
        r.add(post("POST /organiser/schools", c -> "/organiser/schools", Map.of("name", ""),
                ASK_SIGN_IN, 403, 403, 403, 403, 403, 422, 403));
        r.add(get("GET /organiser/jurors", c -> "/organiser/jurors", ASK_SIGN_IN, 403, 403, 403, 403, 403, 200, 403));
        r.add(post("POST /organiser/jurors", c -> "/organiser/jurors", Map.of("name", ""),
                ASK_SIGN_IN, 403, 403, 403, 403, 403, 422, 403));
        // The public shortlist: open to everyone
        r.add(get("GET /shortlist", c -> "/shortlist", 200, 200, 200, 200, 200, 200, 200, 200));
        r.add(get("GET /shortlist/{cid}", c -> "/shortlist/" + c.publishedCid(), 200, 200, 200, 200, 200, 200, 200, 200));
        r.add(get("GET /shortlist/{cid}/works/{rank}/{fid}.jpg", c -> "/shortlist/" + c.publishedCid() + "/works/1/"
                + c.publishedFid() + ".jpg", 200, 200, 200, 200, 200, 200, 200, 200));
        // Safeguarding: raising a concern from any entry page (an empty form is refused after the access check,
        // so the shared entry is never held), the desk (no concern 0: the lead's 404 shows it passed the role
        // rule), the school's own contact, appointing leads.
        r.add(get("GET /concerns/entries/{eid}", c -> "/concerns/entries/" + c.eid(),
                ASK_SIGN_IN, 200, 404, 200, 404, 404, 200, 403));
        r.add(post("POST /concerns/entries/{eid}", c -> "/concerns/entries/" + c.eid(), Map.of(),
                ASK_SIGN_IN, 422, 404, 422, 404, 404, 422, 403));
        r.add(get("GET /concerns/thanks", c -> "/concerns/thanks", ASK_SIGN_IN, 303, 303, 303, 303, 303, 303, 403));
        r.add(get("GET /safeguarding", c -> "/safeguarding", ASK_SIGN_IN, 403, 403, 403, 403, 403, 403, 200));
        r.add(get("GET /safeguarding/concerns/{id}", c -> "/safeguarding/concerns/0",
                ASK_SIGN_IN, 403, 403, 403, 403, 403, 403, 404));
        r.add(post("POST /safeguarding/concerns/{id}/actions", c -> "/safeguarding/concerns/0/actions",
                Map.of("action", "TRIAGED"), ASK_SIGN_IN, 403, 403, 403, 403, 403, 403, 404));
        r.add(get("GET /safeguarding/concerns/{id}/files/{fid}", c -> "/safeguarding/concerns/0/files/" + c.fid(),
                ASK_SIGN_IN, 403, 403, 403, 403, 403, 403, 404));
        r.add(get("GET /safeguarding/concerns/{id}/evidence", c -> "/safeguarding/concerns/0/evidence",
                ASK_SIGN_IN, 403, 403, 403, 403, 403, 403, 404));
        r.add(get("GET /school/safeguarding-contact", c -> "/school/safeguarding-contact",
                ASK_SIGN_IN, 200, 200, 403, 403, 403, 403, 403));
        r.add(post("POST /school/safeguarding-contact", c -> "/school/safeguarding-contact", Map.of("name", ""),
                ASK_SIGN_IN, 422, 422, 403, 403, 403, 403, 403));
        r.add(get("GET /organiser/safeguarding-leads", c -> "/organiser/safeguarding-leads",
                ASK_SIGN_IN, 403, 403, 403, 403, 403, 200, 403));
        r.add(post("POST /organiser/safeguarding-leads", c -> "/organiser/safeguarding-leads", Map.of("name", ""),
                ASK_SIGN_IN, 403, 403, 403, 403, 403, 422, 403));
        // Guardian consent: the link's page is open to everyone (its token is the credential; its form carries
        // the token of a visitor who is not signed in); the school (own entry) and the organiser record a
        // withdrawal on their own pages (a form without a scope is refused after the access check).
        r.add(get("GET /consent/{token}", c -> "/consent/" + consentToken(c), 200, 200, 200, 200, 200, 200, 200, 200));
        r.add(new Row("POST /consent/{token}", (c, b) -> b.web().post("/consent/" + consentToken(c),
                "/consent/" + consentToken(c), Map.of()), 422, 422, 422, 422, 422, 422, 422, 422));
        r.add(get("GET /school/entries/{eid}/consents/{position}", c -> "/school/entries/" + c.eid() + "/consents/0",
                ASK_SIGN_IN, 200, 404, 403, 403, 403, 403, 403));
        r.add(post("POST /school/entries/{eid}/consents/{position}", c -> "/school/entries/" + c.eid() + "/consents/0",
                Map.of(), ASK_SIGN_IN, 422, 404, 403, 403, 403, 403, 403));
        r.add(get("GET /organiser/entries/{eid}/consents/{position}", c -> "/organiser/entries/" + c.eid()
                + "/consents/0", ASK_SIGN_IN, 403, 403, 403, 403, 403, 200, 403));
        r.add(post("POST /organiser/entries/{eid}/consents/{position}", c -> "/organiser/entries/" + c.eid()
                + "/consents/0", Map.of(), ASK_SIGN_IN, 403, 403, 403, 403, 403, 422, 403));
        // Access requests and the retention date (docs/privacy.md); an unreadable date is refused once the role passes.
        r.add(get("GET /school/data", c -> "/school/data", ASK_SIGN_IN, 200, 200, 403, 403, 403, 403, 403));
        r.add(get("GET /organiser/entries/{eid}/data", c -> "/organiser/entries/" + c.eid() + "/data?position=0",
                ASK_SIGN_IN, 403, 403, 403, 403, 403, 200, 403));
        r.add(post("POST /organiser/competitions/{cid}/retention", c -> "/organiser/competitions/" + c.cid()
                + "/retention", Map.of("retainPersonalDataUntil", "not a date"), ASK_SIGN_IN, 403, 403, 403, 403, 403, 422, 403));
        // Guardian consent: the organiser's identifiable-child flag (unticked: the fixture stays as it is).
        r.add(post("POST /organiser/entries/{eid}/identifiable-child", c -> "/organiser/entries/" + c.eid()
                + "/identifiable-child", Map.of(), ASK_SIGN_IN, 403, 403, 403, 403, 403, 303, 403));
        // Choosing a password from a mailed link: open to anyone, the token is the credential (none valid here: 410).
        String token = "x".repeat(43);
        r.add(get("GET /invite/{token}", c -> "/invite/" + token, 200, 200, 200, 200, 200, 200, 200, 200));
        r.add(post("POST /invite/{token}", c -> "/invite/" + token, Map.of("password", "matrix password"),
                410, 410, 410, 410, 410, 410, 410, 410));
        r.add(get("GET /reset", c -> "/reset", 200, 200, 200, 200, 200, 200, 200, 200));
        r.add(post("POST /reset", c -> "/reset", Map.of("email", "matrix-nobody@x.example"),
                200, 200, 200, 200, 200, 200, 200, 200));
        r.add(get("GET /reset/{token}", c -> "/reset/" + token, 200, 200, 200, 200, 200, 200, 200, 200));
        r.add(post("POST /reset/{token}", c -> "/reset/" + token, Map.of("password", "matrix password"),
                410, 410, 410, 410, 410, 410, 410, 410));
        // The outbox, and sending a school or a juror a new link
        r.add(get("GET /organiser/outbox", c -> "/organiser/outbox", ASK_SIGN_IN, 403, 403, 403, 403, 403, 200, 403));
        r.add(post("POST /organiser/outbox/{id}/retry", c -> "/organiser/outbox/" + Long.MAX_VALUE + "/retry",
                Map.of(), ASK_SIGN_IN, 403, 403, 403, 403, 403, 404, 403));
        r.add(post("POST /organiser/schools/{sid}/invitation", c -> "/organiser/schools/" + c.schoolB().id()
                + "/invitation", Map.of(), ASK_SIGN_IN, 403, 403, 403, 403, 403, 303, 403));
        r.add(post("POST /organiser/schools/{sid}/password-reset", c -> "/organiser/schools/" + c.schoolB().id()
                + "/password-reset", Map.of(), ASK_SIGN_IN, 403, 403, 403, 403, 403, 303, 403));
        r.add(post("POST /organiser/jurors/{jid}/invitation", c -> "/organiser/jurors/" + c.unassigned().id()
                + "/invitation", Map.of(), ASK_SIGN_IN, 403, 403, 403, 403, 403, 303, 403));
        r.add(post("POST /organiser/jurors/{jid}/password-reset", c -> "/organiser/jurors/" + c.unassigned().id()
                + "/password-reset", Map.of(), ASK_SIGN_IN, 403, 403, 403, 403, 403, 303, 403));
        r.add(post("POST /organiser/safeguarding-leads/{lid}/invitation", c -> "/organiser/safeguarding-leads/"
                + leadId(c) + "/invitation", Map.of(), ASK_SIGN_IN, 403, 403, 403, 403, 403, 303, 403));
        r.add(post("POST /organiser/safeguarding-leads/{lid}/password-reset", c -> "/organiser/safeguarding-leads/"
                + leadId(c) + "/password-reset", Map.of(), ASK_SIGN_IN, 403, 403, 403, 403, 403, 303, 403));
        // Correcting and deactivating a lead: an unknown lead (the fixture's lead stays as it is).
        r.add(get("GET /organiser/safeguarding-leads/{lid}/edit", c -> "/organiser/safeguarding-leads/0/edit",
                ASK_SIGN_IN, 403, 403, 403, 403, 403, 404, 403));
        r.add(post("POST /organiser/safeguarding-leads/{lid}/edit", c -> "/organiser/safeguarding-leads/0/edit",
                Map.of("name", "N", "email", "l@matrix.example", "phone", "+91 98300 00000"),
                ASK_SIGN_IN, 403, 403, 403, 403, 403, 404, 403));
        r.add(post("POST /organiser/safeguarding-leads/{lid}/deactivate", c -> "/organiser/safeguarding-leads/0/deactivate",
                Map.of(), ASK_SIGN_IN, 403, 403, 403, 403, 403, 404, 403));
        r.add(post("POST /organiser/safeguarding-leads/{lid}/reactivate", c -> "/organiser/safeguarding-leads/0/reactivate",
                Map.of(), ASK_SIGN_IN, 403, 403, 403, 403, 403, 404, 403));
        // Deactivation: a spare school (deactivated, then active again); no juror here can be spared (404).
        r.add(post("POST /organiser/schools/{sid}/deactivate", c -> "/organiser/schools/" + c.spareSchool()
                + "/deactivate", Map.of(), ASK_SIGN_IN, 403, 403, 403, 403, 403, 303, 403));
        r.add(post("POST /organiser/schools/{sid}/reactivate", c -> "/organiser/schools/" + c.spareSchool()
                + "/reactivate", Map.of(), ASK_SIGN_IN, 403, 403, 403, 403, 403, 303, 403));
        r.add(post("POST /organiser/jurors/{jid}/deactivate", c -> "/organiser/jurors/0/deactivate",
                Map.of(), ASK_SIGN_IN, 403, 403, 403, 403, 403, 404, 403));
        r.add(post("POST /organiser/jurors/{jid}/reactivate", c -> "/organiser/jurors/0/reactivate",
                Map.of(), ASK_SIGN_IN, 403, 403, 403, 403, 403, 404, 403));
        // A guardian confirms with the secret mailed to them alone; the withdrawal token confirms nothing: 404.
        r.add(new Row("POST /consent/{token}/confirm", (c, b) -> b.web().post("/consent/" + consentToken(c),
                "/consent/" + consentToken(c) + "/confirm", Map.of()), 404, 404, 404, 404, 404, 404, 404, 404));
        // Editing people (an unknown id: the fixture's people stay), importing them, reminding jurors
        r.add(get("GET /organiser/schools/{sid}/edit", c -> "/organiser/schools/" + c.schoolB().id() + "/edit",
                ASK_SIGN_IN, 403, 403, 403, 403, 403, 200, 403));
        r.add(post("POST /organiser/schools/{sid}/edit", c -> "/organiser/schools/0/edit", Map.of("name", "N", "district", "D",
                "contactName", "C", "contactEmail", "c@matrix.example"), ASK_SIGN_IN, 403, 403, 403, 403, 403, 404, 403));
        r.add(get("GET /organiser/jurors/{jid}/edit", c -> "/organiser/jurors/" + c.unassigned().id() + "/edit",
                ASK_SIGN_IN, 403, 403, 403, 403, 403, 200, 403));
        r.add(post("POST /organiser/jurors/{jid}/edit", c -> "/organiser/jurors/0/edit", Map.of("name", "N",
                "email", "j@matrix.example"), ASK_SIGN_IN, 403, 403, 403, 403, 403, 404, 403));
        r.add(get("GET /organiser/{kind}/import", c -> "/organiser/jurors/import",
                ASK_SIGN_IN, 403, 403, 403, 403, 403, 200, 403));
        r.add(new Row("POST /organiser/{kind}/import", (c, b) -> b.web().postMultipart(b.home(),
                "/organiser/jurors/import", "file", "jurors.csv", "text/csv",
                "name,email\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                ASK_SIGN_IN, 403, 403, 403, 403, 403, 200, 403));
        r.add(post("POST /organiser/{kind}/import/confirm", c -> "/organiser/jurors/import/confirm",
                Map.of("csv", "name,email\n"), ASK_SIGN_IN, 403, 403, 403, 403, 403, 303, 403));
        r.add(post("POST /organiser/competitions/{cid}/reminders", c -> "/organiser/competitions/" + c.cid()
                + "/reminders", Map.of(), ASK_SIGN_IN, 403, 403, 403, 403, 403, 303, 403));
        r.add(post("POST /school/entries/{eid}/reopen", c -> "/school/entries/" + c.eid() + "/reopen", Map.of(),
                ASK_SIGN_IN, 409, 404, 403, 403, 403, 403, 403));
        r.add(post("POST /school/entries/{eid}/reinstate", c -> "/school/entries/" + c.eid() + "/reinstate", Map.of(),
                ASK_SIGN_IN, 409, 404, 403, 403, 403, 403, 403));
        // The commission's logo is public; none is configured in the tests.
        r.add(get("GET /shortlist/logo", c -> "/shortlist/logo", 404, 404, 404, 404, 404, 404, 404, 404));
        // One's own account page: API tokens, for every signed-in role.
        r.add(get("GET /account", c -> "/account", ASK_SIGN_IN, 200, 200, 200, 200, 200, 200, 200));
        r.add(post("POST /account/tokens", c -> "/account/tokens", Map.of("name", "matrix"),
                ASK_SIGN_IN, 201, 201, 201, 201, 201, 201, 201));
        r.add(post("POST /account/tokens/{id}/revoke", c -> "/account/tokens/" + Long.MAX_VALUE + "/revoke", Map.of(),
                ASK_SIGN_IN, 404, 404, 404, 404, 404, 404, 404));
        // No screening round in the fixture's competition: every juror's vote is 404, as for an unassigned entry.
        r.add(post("POST /jury/entries/{eid}/screening", c -> "/jury/entries/" + c.eid() + "/screening",
                Map.of("vote", "YES"), ASK_SIGN_IN, 403, 403, 404, 404, 404, 403, 403));
        // The language switch: anyone, back to the page it was on (each role's choice saved as English, the default).
        r.add(post("POST /language", c -> "/language", Map.of("language", "en", "back", "/"),
                303, 303, 303, 303, 303, 303, 303, 303));
        // The rounds page (issue 13). The fixture's competition is judging with its RUBRIC round open: an empty
        // edit is refused (422), round 0 does not exist (404), and nothing is changed.
        r.add(get("GET /organiser/competitions/{cid}/rounds", c -> "/organiser/competitions/" + c.cid() + "/rounds",
                ASK_SIGN_IN, 403, 403, 403, 403, 403, 200, 403));
        r.add(post("POST /organiser/competitions/{cid}/rounds", c -> "/organiser/competitions/" + c.cid() + "/rounds",
                Map.of(), ASK_SIGN_IN, 403, 403, 403, 403, 403, 422, 403));
        r.add(post("POST /organiser/competitions/{cid}/rounds/{rid}/close", c -> "/organiser/competitions/" + c.cid()
                + "/rounds/0/close", Map.of(), ASK_SIGN_IN, 403, 403, 403, 403, 403, 404, 403));
        r.add(post("POST /organiser/competitions/{cid}/rounds/{rid}/reassign", c -> "/organiser/competitions/"
                + c.cid() + "/rounds/0/reassign", Map.of("fromJurorId", "0"), ASK_SIGN_IN, 403, 403, 403, 403, 403,
                404, 403));
        // The organiser's FINAL round page, aimed at the fixture's RUBRIC round: 404 to the organiser (not a FINAL round).
        r.add(get("GET /organiser/competitions/{cid}/rounds/{rid}/final", c -> "/organiser/competitions/" + c.cid()
                + "/rounds/" + rubricRound(c) + "/final", ASK_SIGN_IN, 403, 403, 403, 403, 403, 404, 403));
        r.add(post("POST /organiser/competitions/{cid}/rounds/{rid}/final/jury", c -> "/organiser/competitions/"
                + c.cid() + "/rounds/" + rubricRound(c) + "/final/jury", Map.of(),
                ASK_SIGN_IN, 403, 403, 403, 403, 403, 404, 403));
        r.add(post("POST /organiser/competitions/{cid}/rounds/{rid}/final/close", c -> "/organiser/competitions/"
                + c.cid() + "/rounds/" + rubricRound(c) + "/final/close", Map.of(),
                ASK_SIGN_IN, 403, 403, 403, 403, 403, 404, 403));
        // No FINAL round in the fixture's competition: the final juror's ranking page is 404 to every juror.
        r.add(get("GET /jury/competitions/{cid}/final", c -> "/jury/competitions/" + c.cid() + "/final",
                ASK_SIGN_IN, 403, 403, 404, 404, 404, 403, 403));
        r.add(post("POST /jury/competitions/{cid}/final", c -> "/jury/competitions/" + c.cid() + "/final",
                Map.of("entry", "1", "rank", "1"), ASK_SIGN_IN, 403, 403, 404, 404, 404, 403, 403));
        // The commission's settings: organisers only (a refused name and an empty logo: nothing changes).
        r.add(get("GET /organiser/settings", c -> "/organiser/settings", ASK_SIGN_IN, 403, 403, 403, 403, 403, 200, 403));
        r.add(post("POST /organiser/settings/name", c -> "/organiser/settings/name", Map.of("name", "x".repeat(121)),
                ASK_SIGN_IN, 403, 403, 403, 403, 403, 422, 403));
        r.add(new Row("POST /organiser/settings/logo", (c, b) -> b.web().postMultipart(b.home(),
                "/organiser/settings/logo", "logo", "logo.png", "image/png", new byte[0]),
                ASK_SIGN_IN, 403, 403, 403, 403, 403, 422, 403));
        r.add(post("POST /organiser/settings/logo/remove", c -> "/organiser/settings/logo/remove", Map.of(),
                ASK_SIGN_IN, 403, 403, 403, 403, 403, 303, 403));
        // Last: it ends every session
        r.add(post("POST /logout", c -> "/logout", Map.of(), ASK_SIGN_IN, 303, 303, 303, 303, 303, 303, 303));
        return r;
    }

    @Test
    void everyPageAnswersEveryRoleAsExpected() {
        List<Row> rows = rows();
        Map<String, Row> byRoute = new LinkedHashMap<>();
        rows.forEach(row -> assertThat(byRoute.put(row.route(), row)).as("duplicate row " + row.route()).isNull());
        List<PageRoutes.Route> routes = PageRoutes.all();
        routes.forEach(route -> assertThat(route.rule()).as(route.name() + " names its role rule").isNotEmpty());
        assertThat(new TreeSet<>(byRoute.keySet()))
                .as("every page route needs a row here, and every row a route")
                .containsExactlyElementsOf(new TreeSet<>(routes.stream().map(PageRoutes.Route::name).toList()));

        Ctx ctx = MatrixFixture.create();
        Map<Role, Browser> browsers = browsers(ctx);
        List<String> mismatches = new ArrayList<>();
        for (Row row : rows) {
            assertThat(row.expected()).as(row.route()).hasSize(Role.values().length);
            for (Role role : Role.values()) {
                Response response = row.call().apply(ctx, browsers.get(role));
                int expected = row.expected()[role.ordinal()];
                if (response.statusCode() != expected) {
                    mismatches.add(row.route() + " as " + role + ": expected " + expected + ", got "
                            + response.statusCode() + " " + abbreviate(response.header("Location"), response.asString()));
                }
                if (expected == ASK_SIGN_IN && role == Role.ANONYMOUS) {
                    assertThat(response.header("Location")).as(row.route()).endsWith("/login");
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    /** The id of the matrix's safeguarding lead, as the organiser's list names it. */
    private static long leadId(Ctx c) {
        return Fixtures.organiser().get("/api/safeguarding-leads").then().statusCode(200).extract().jsonPath()
                .getLong("find { it.username == '" + c.lead().username() + "' }.id");
    }

    static Map<Role, Browser> browsers(Ctx c) {
        Map<Role, Browser> b = new EnumMap<>(Role.class);
        b.put(Role.ANONYMOUS, new Browser(WebSession.anonymous(), "/login"));
        b.put(Role.SCHOOL_A, signIn(c.schoolA().login(), "/school"));
        b.put(Role.SCHOOL_B, signIn(c.schoolB().login(), "/school"));
        b.put(Role.JUROR_ASSIGNED, signIn(c.assigned().login(), "/jury/competitions/" + c.cid()));
        b.put(Role.JUROR_UNASSIGNED, signIn(c.unassigned().login(), "/jury/competitions/" + c.cid()));
        b.put(Role.JUROR_CONFLICTED, signIn(c.conflicted().login(), "/jury/competitions/" + c.cid()));
        b.put(Role.ORGANISER, signIn(JudgingFixtures.ORGANISER, "/organiser"));
        b.put(Role.SAFEGUARDING, signIn(c.lead(), "/safeguarding"));
        return b;
    }

    /** The withdrawal link of school A's child (the record is made as the entry's consent gives it, if none). */
    private static String consentToken(Ctx c) {
        return org.juryroom.consent.ConsentFixtures.tokens(c.eid()).get(0);
    }

    private static Browser signIn(Login login, String home) {
        return new Browser(WebSession.signIn(login.username(), login.password()), home);
    }

    private static Row get(String route, Function<Ctx, String> path, int... expected) {
        return new Row(route, (c, b) -> b.web().get(path.apply(c)), expected);
    }

    private static long rubricRound(Ctx c) {
        return JudgingFixtures.ORGANISER.as().get("/api/competitions/{cid}/rounds", c.cid()).then().statusCode(200)
                .extract().jsonPath().getLong("find { it.kind == 'RUBRIC' }.id");
    }

    private static Row post(String route, Function<Ctx, String> path, Map<String, ?> form, int... expected) {
        return new Row(route, (c, b) -> b.web().post(b.home(), path.apply(c), form), expected);
    }

    /** An entry form the entry rules refuse (422) once the role check has let a school through: nothing is created. */
    private static Map<String, Object> entryForm() {
        Map<String, Object> form = new HashMap<>();
        form.put("title", "Matrix page entry");
        form.put("categoryCode", "poster");
        form.put("statement", "s");
        form.put("firstName", "Ana");
        form.put("grade", "5");
        form.put("consentJudging", "on");
        form.put("attestedBy", "T");
        return form;
    }

    private static String abbreviate(String location, String body) {
        String s = (location == null ? "" : "-> " + location + " ") + body.replaceAll("\\s+", " ");
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }
}
