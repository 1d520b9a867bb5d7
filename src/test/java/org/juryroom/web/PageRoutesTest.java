package org.juryroom.web;

import io.quarkus.security.Authenticated;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorisation matrix of the web pages, which the API's matrix (built from the OpenAPI
 * document) cannot see: the pages are left out of it. The routes come from the page resources
 * themselves (every JAX-RS method under {@code org.juryroom.web}), so a new page without a row
 * here fails this test, and so does a page without an explicit role rule.
 *
 * <p>Roles: anonymous, a school (owns the entry), a juror (assigned to it) and the organiser, on a
 * published competition. A stranger is sent to the sign-in page (302); a signed-in user of another
 * role gets 403 from the role rule before the page runs. Writes are aimed at a deterministic
 * refusal of the domain (409 for a published competition, 422 for a missing field), which proves
 * the request got past the role rule without changing the fixture.
 */
@QuarkusTest
class PageRoutesTest {

    enum Role { ANONYMOUS, SCHOOL, JUROR, ORGANISER }

    record Ctx(long cid, long eid, long fid, Map<Role, String> tokens) {
    }

    record Row(String route, BiFunction<Ctx, Role, Function> call, int... expected) {
    }

    /** One request as one role's browser. */
    interface Function {
        Response on(WebSession web);
    }

    private static final int LOGIN = 302;
    private static final int NO = 403;

    // anonymous, school, juror, organiser
    private static List<Row> rows() {
        List<Row> r = new ArrayList<>();
        // Signing in and out, public pages
        r.add(get("GET /", c -> "/", LOGIN, 303, 303, 303));
        r.add(get("GET /login", c -> "/login", 200, 303, 303, 303));
        r.add(new Row("POST /logout", (c, role) -> web -> web.copy().postRaw("/logout", form(c, role, Map.of())),
                LOGIN, 303, 303, 303));
        r.add(get("GET /shortlist", c -> "/shortlist", 200, 200, 200, 200));
        r.add(get("GET /shortlist/{cid}", c -> "/shortlist/" + c.cid(), 200, 200, 200, 200));
        r.add(get("GET /shortlist/{cid}/works/{rank}/{fid}.jpg", c -> "/shortlist/" + c.cid() + "/works/1/" + c.fid()
                + ".jpg", 200, 200, 200, 200));
        // Files: whoever may read the entry; the original for organisers only (404 to others, as on the API)
        r.add(get("GET /files/{eid}/{fid}", c -> "/files/" + c.eid() + "/" + c.fid(), LOGIN, 200, 200, 200));
        r.add(get("GET /files/{eid}/{fid}/thumbnail", c -> "/files/" + c.eid() + "/" + c.fid() + "/thumbnail",
                LOGIN, 200, 200, 200));
        r.add(get("GET /files/{eid}/{fid}/preview", c -> "/files/" + c.eid() + "/" + c.fid() + "/preview",
                LOGIN, 404, 404, 404));
        r.add(get("GET /files/{eid}/{fid}/original", c -> "/files/" + c.eid() + "/" + c.fid() + "/original",
                LOGIN, 404, 404, 200));
        // School portal
        r.add(get("GET /school", c -> "/school", LOGIN, 200, NO, NO));
        r.add(get("GET /school/competitions/{cid}/new", c -> "/school/competitions/" + c.cid() + "/new",
                LOGIN, 200, NO, NO));
        r.add(post("POST /school/competitions/{cid}/entries", c -> "/school/competitions/" + c.cid() + "/entries",
                Map.of("title", "T"), LOGIN, 422, NO, NO));
        r.add(get("GET /school/entries/{eid}", c -> "/school/entries/" + c.eid(), LOGIN, 200, NO, NO));
        r.add(get("GET /school/entries/{eid}/edit", c -> "/school/entries/" + c.eid() + "/edit", LOGIN, 200, NO, NO));
        r.add(post("POST /school/entries/{eid}", c -> "/school/entries/" + c.eid(), Map.of("title", "T"),
                LOGIN, 422, NO, NO));
        r.add(new Row("POST /school/entries/{eid}/files", (c, role) -> web -> given().cookies(web.cookies())
                .redirects().follow(false).multiPart("_csrf", c.tokens().get(role))
                .multiPart("files", "x.png", new byte[]{1, 2, 3}, "image/png")
                .post("/school/entries/" + c.eid() + "/files"), LOGIN, 409, NO, NO));
        r.add(post("POST /school/entries/{eid}/files/{fid}/delete", c -> "/school/entries/" + c.eid() + "/files/"
                + c.fid() + "/delete", Map.of(), LOGIN, 409, NO, NO));
        r.add(post("POST /school/entries/{eid}/submit", c -> "/school/entries/" + c.eid() + "/submit", Map.of(),
                LOGIN, 409, NO, NO));
        r.add(post("POST /school/entries/{eid}/withdraw", c -> "/school/entries/" + c.eid() + "/withdraw", Map.of(),
                LOGIN, 409, NO, NO));
        // Juror desk
        r.add(get("GET /jury", c -> "/jury", LOGIN, NO, 303, NO));
        r.add(get("GET /jury/competitions/{cid}", c -> "/jury/competitions/" + c.cid(), LOGIN, NO, 200, NO));
        r.add(get("GET /jury/entries/{eid}", c -> "/jury/entries/" + c.eid(), LOGIN, NO, 200, NO));
        r.add(post("POST /jury/entries/{eid}/scorecard", c -> "/jury/entries/" + c.eid() + "/scorecard",
                Map.of("score.message", "5", "action", "draft"), LOGIN, NO, 409, NO));
        r.add(get("GET /jury/conflicts", c -> "/jury/conflicts", LOGIN, NO, 200, NO));
        r.add(post("POST /jury/conflicts", c -> "/jury/conflicts", Map.of("reason", "no school"), LOGIN, NO, 422, NO));
        // Organiser console: competitions
        r.add(get("GET /organiser", c -> "/organiser", LOGIN, NO, NO, 200));
        r.add(get("GET /organiser/competitions/new", c -> "/organiser/competitions/new", LOGIN, NO, NO, 200));
        r.add(post("POST /organiser/competitions", c -> "/organiser/competitions", Map.of("title", ""),
                LOGIN, NO, NO, 422));
        r.add(get("GET /organiser/competitions/{cid}/edit", c -> "/organiser/competitions/" + c.cid() + "/edit",
                LOGIN, NO, NO, 200));
        r.add(post("POST /organiser/competitions/{cid}", c -> "/organiser/competitions/" + c.cid(), Map.of("title", ""),
                LOGIN, NO, NO, 422));
        r.add(get("GET /organiser/competitions/{cid}", c -> "/organiser/competitions/" + c.cid(), LOGIN, NO, NO, 200));
        r.add(post("POST /organiser/competitions/{cid}/transitions", c -> "/organiser/competitions/" + c.cid()
                + "/transitions", Map.of("to", "OPEN"), LOGIN, NO, NO, 409));
        r.add(post("POST /organiser/competitions/{cid}/assignments", c -> "/organiser/competitions/" + c.cid()
                + "/assignments", Map.of("jurorsPerEntry", "1"), LOGIN, NO, NO, 409));
        r.add(get("GET /organiser/competitions/{cid}/entries", c -> "/organiser/competitions/" + c.cid() + "/entries",
                LOGIN, NO, NO, 200));
        // Organiser console: ranking, decisions, freeze, shortlist, exports
        r.add(get("GET /organiser/competitions/{cid}/ranking", c -> "/organiser/competitions/" + c.cid() + "/ranking",
                LOGIN, NO, NO, 200));
        r.add(new Row("POST /organiser/competitions/{cid}/adjudications", (c, role) -> web -> web.postRaw(
                "/organiser/competitions/" + c.cid() + "/adjudications", form(c, role, Map.of("entryId",
                        String.valueOf(c.eid()), "decision", "CONFIRM"))), LOGIN, NO, NO, 409));
        r.add(post("POST /organiser/competitions/{cid}/shortlist", c -> "/organiser/competitions/" + c.cid()
                + "/shortlist", Map.of(), LOGIN, NO, NO, 409));
        r.add(get("GET /organiser/competitions/{cid}/shortlist", c -> "/organiser/competitions/" + c.cid()
                + "/shortlist", LOGIN, NO, NO, 200));
        r.add(get("GET /organiser/competitions/{cid}/shortlist/verify", c -> "/organiser/competitions/" + c.cid()
                + "/shortlist/verify", LOGIN, NO, NO, 200));
        r.add(get("GET /organiser/competitions/{cid}/shortlist/snapshot.json", c -> "/organiser/competitions/"
                + c.cid() + "/shortlist/snapshot.json", LOGIN, NO, NO, 200));
        r.add(get("GET /organiser/competitions/{cid}/exports/{name}", c -> "/organiser/competitions/" + c.cid()
                + "/exports/shortlist.pdf", LOGIN, NO, NO, 200));
        // Organiser console: conflicts, audit log
        r.add(get("GET /organiser/competitions/{cid}/conflicts", c -> "/organiser/competitions/" + c.cid()
                + "/conflicts", LOGIN, NO, NO, 200));
        r.add(post("POST /organiser/competitions/{cid}/conflicts", c -> "/organiser/competitions/" + c.cid()
                + "/conflicts", Map.of("reason", "no juror, no school"), LOGIN, NO, NO, 422));
        r.add(post("POST /organiser/competitions/{cid}/conflicts/{conflictId}/delete", c -> "/organiser/competitions/"
                + c.cid() + "/conflicts/0/delete", Map.of(), LOGIN, NO, NO, 404));
        r.add(get("GET /organiser/competitions/{cid}/audit", c -> "/organiser/competitions/" + c.cid() + "/audit",
                LOGIN, NO, NO, 200));
        // Organiser console: entries, people
        r.add(get("GET /organiser/entries/{eid}", c -> "/organiser/entries/" + c.eid(), LOGIN, NO, NO, 200));
        r.add(post("POST /organiser/entries/{eid}/files/{fid}/review", c -> "/organiser/entries/" + c.eid()
                + "/files/" + c.fid() + "/review", Map.of(), LOGIN, NO, NO, 303));
        r.add(post("POST /organiser/entries/{eid}/redactions", c -> "/organiser/entries/" + c.eid() + "/redactions",
                Map.of("term", " "), LOGIN, NO, NO, 422));
        r.add(get("GET /organiser/schools", c -> "/organiser/schools", LOGIN, NO, NO, 200));
        r.add(post("POST /organiser/schools", c -> "/organiser/schools", Map.of("name", ""), LOGIN, NO, NO, 422));
        r.add(get("GET /organiser/jurors", c -> "/organiser/jurors", LOGIN, NO, NO, 200));
        r.add(post("POST /organiser/jurors", c -> "/organiser/jurors", Map.of("name", ""), LOGIN, NO, NO, 422));
        return r;
    }

    @Test
    void everyPageRouteHasARoleRuleAndEveryOtherRoleIsRefused() throws Exception {
        Map<String, Row> byRoute = new LinkedHashMap<>();
        rows().forEach(row -> assertThat(byRoute.put(row.route(), row)).as("duplicate row " + row.route()).isNull());
        Map<String, String> routes = pageRoutes();
        routes.forEach((route, rule) -> assertThat(rule).as(route + " names its role rule").isNotEmpty());
        assertThat(new TreeSet<>(byRoute.keySet())).as("every page route needs a row here, and every row a route")
                .containsExactlyElementsOf(new TreeSet<>(routes.keySet()));

        Fixture f = fixture();
        List<String> mismatches = new ArrayList<>();
        for (Row row : byRoute.values()) {
            assertThat(row.expected()).as(row.route()).hasSize(Role.values().length);
            for (Role role : Role.values()) {
                Response response = row.call().apply(f.ctx(), role).on(f.sessions().get(role));
                int expected = row.expected()[role.ordinal()];
                boolean ok = response.statusCode() == expected
                        && (expected != LOGIN || String.valueOf(response.header("Location")).endsWith("/login"));
                if (!ok) {
                    mismatches.add(row.route() + " as " + role + ": expected " + expected + ", got "
                            + response.statusCode() + " " + response.header("Location"));
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    /** "METHOD /path" of every page resource method, with its role rule (method's, else class's; "" if none). */
    static Map<String, String> pageRoutes() throws IOException, ClassNotFoundException {
        Map<String, String> routes = new HashMap<>();
        java.nio.file.Path root = java.nio.file.Path.of("target", "classes");
        List<java.nio.file.Path> classes;
        try (Stream<java.nio.file.Path> files = Files.walk(root.resolve("org/juryroom/web"))) {
            classes = files.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().contains("$"))
                    .toList();
        }
        for (java.nio.file.Path file : classes) {
            String name = root.relativize(file).toString().replace(File.separatorChar, '.').replaceAll("\\.class$", "");
            Class<?> type = Class.forName(name, false, Thread.currentThread().getContextClassLoader());
            Path base = type.getAnnotation(Path.class);
            if (base == null) {
                continue;
            }
            for (Method m : type.getDeclaredMethods()) {
                String verb = Stream.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class)
                        .filter(m::isAnnotationPresent).map(Class::getSimpleName).findFirst().orElse(null);
                if (verb == null) {
                    continue;
                }
                Path sub = m.getAnnotation(Path.class);
                String path = ("/" + base.value() + "/" + (sub == null ? "" : sub.value())).replaceAll("/+", "/");
                path = path.length() > 1 ? path.replaceAll("/$", "") : path;
                String rule = rule(m);
                routes.put(verb + " " + path, rule.isEmpty() ? rule(type) : rule);
            }
        }
        return routes;
    }

    private static String rule(AnnotatedElement e) {
        for (Class<? extends Annotation> a : List.of(RolesAllowed.class, PermitAll.class, Authenticated.class,
                DenyAll.class)) {
            if (e.isAnnotationPresent(a)) {
                return a.getSimpleName();
            }
        }
        return "";
    }

    record Fixture(Ctx ctx, Map<Role, WebSession> sessions) {
    }

    /** A published competition: a school's poster, scored by its juror, frozen and published. */
    private static Fixture fixture() {
        Fixtures.OnePoster f = Fixtures.onePosterInJudging("Page Matrix", 1, "Matrix School", "Matrix Poster", "Mira");
        long cid = f.cid();
        long eid = f.entryId();
        Fixtures.Account school = f.school();
        Fixtures.Account juror = f.juror();
        long fid = Fixtures.organiser().get("/api/entries/" + eid).jsonPath().getLong("files[0].id");
        Fixtures.score(juror, eid, 8, 7, 6);
        Fixtures.freeze(cid);
        Fixtures.transition(cid, "PUBLISHED");

        Map<Role, WebSession> sessions = new EnumMap<>(Role.class);
        Map<Role, String> tokens = new EnumMap<>(Role.class);
        sessions.put(Role.ANONYMOUS, WebSession.anonymous());
        tokens.put(Role.ANONYMOUS, sessions.get(Role.ANONYMOUS).token("/login"));
        sessions.put(Role.SCHOOL, WebSession.signIn(school.username(), school.password()));
        tokens.put(Role.SCHOOL, sessions.get(Role.SCHOOL).token("/school"));
        sessions.put(Role.JUROR, WebSession.signIn(juror.username(), juror.password()));
        tokens.put(Role.JUROR, sessions.get(Role.JUROR).token("/jury/conflicts"));
        sessions.put(Role.ORGANISER, WebSession.signIn("organiser", org.juryroom.support.RealStack.ORGANISER_PASSWORD));
        tokens.put(Role.ORGANISER, sessions.get(Role.ORGANISER).token("/organiser"));
        return new Fixture(new Ctx(cid, eid, fid, tokens), sessions);
    }

    private static Row get(String route, java.util.function.Function<Ctx, String> path, int... expected) {
        return new Row(route, (c, role) -> web -> web.get(path.apply(c)), expected);
    }

    private static Row post(String route, java.util.function.Function<Ctx, String> path, Map<String, String> fields,
                            int... expected) {
        return new Row(route, (c, role) -> web -> web.postRaw(path.apply(c), form(c, role, fields)), expected);
    }

    /** The form with the role's own CSRF token: a refusal is then the role rule's, not the token's. */
    private static Map<String, String> form(Ctx c, Role role, Map<String, String> fields) {
        Map<String, String> form = new HashMap<>(fields);
        form.put("_csrf", c.tokens().get(role));
        return form;
    }
}
