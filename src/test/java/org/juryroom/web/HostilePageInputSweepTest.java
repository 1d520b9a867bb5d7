package org.juryroom.web;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.juryroom.access.MatrixFixture;
import org.juryroom.access.MatrixFixture.Ctx;
import org.juryroom.judging.JudgingProfile;
import org.juryroom.support.HostileSweep;
import org.juryroom.support.HostileSweep.Answer;
import org.juryroom.support.HostileSweep.Variant;
import org.juryroom.web.PageAuthorisationMatrixTest.Browser;
import org.juryroom.web.PageAuthorisationMatrixTest.Role;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.juryroom.support.HostileSweep.abbreviate;
import static org.juryroom.support.HostileSweep.hasIds;
import static org.juryroom.support.HostileSweep.withIds;

/**
 * Hostile input against every page route, as every kind of visitor: ids that are not ids, query and form
 * values that are not what the field takes. The pages' counterpart of the API's sweep
 * (common/HostileInputSweepTest); the routes come from the page classes (PageRoutes), so a new page is swept
 * without a line here. Whatever the route, the answer is a 4xx page or the route's ordinary answer, never a
 * 5xx; a refusal is a page (not the API's JSON) that reads in words, with no Java name or stack trace; and a
 * redirect never leaves the site.
 * Addresses whose escapes do not decode are refused before any route, pages and API alike: the API's sweep
 * covers them.
 *
 * <p>Nothing here can change what other tests share: a hostile id names nothing; a form's values go to this
 * test's own objects, one hostile field at a time, and never to a route that changes the commission, creates
 * accounts others would see, or ends the session.
 */
@QuarkusTest
@TestProfile(JudgingProfile.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostilePageInputSweepTest {

    private static final List<String> HOSTILE_IDS = List.of("abc", "-1", "0", "99999999999999999999", "1e3", "1.5",
            "9223372036854775807", "-9223372036854775808", "%00", "%20", "..%2F..", "%E2%80%AE1");
    private static final List<String> HOSTILE_VALUES = List.of("", "abc", "-1", "99999999999999999999", "1.5",
            "\u0000", "x".repeat(3_000), "%", "\uD800", "<script>alert(1)</script>", "//evil.example/x",
            "https://evil.example/", "/\\evil.example");
    /** Routes whose form changes what other tests share or ends the session: no hostile form goes there. */
    private static final Set<String> SHARED = Set.of("POST /logout", "POST /organiser/settings/name",
            "POST /organiser/settings/logo", "POST /organiser/settings/logo/remove",
            "POST /organiser/safeguarding-leads", "POST /organiser/schools", "POST /organiser/jurors",
            "POST /organiser/competitions", "POST /account/tokens");
    private static final List<Role> CALLERS = List.of(Role.ANONYMOUS, Role.SCHOOL_A, Role.JUROR_ASSIGNED,
            Role.ORGANISER, Role.SAFEGUARDING);
    /** A Java name or a stack frame in a page: what a person must never read. */
    private static final Pattern JAVA = Pattern.compile(
            "\\b(java|jakarta|io\\.quarkus|io\\.vertx|org\\.jboss|org\\.hibernate|org\\.juryroom)\\.[a-z]"
                    + "|[A-Za-z]+Exception\\b|\\bat [a-z]+\\.[\\w.$]+\\(");

    private Ctx ctx;
    private Map<Role, Browser> browsers;
    private final Map<Role, String> tokens = new EnumMap<>(Role.class);
    private List<PageRoutes.Route> routes;

    /** Built once, on the first test: RestAssured knows the app's port only once a test runs. */
    @BeforeEach
    void world() {
        if (ctx != null) {
            return;
        }
        ctx = MatrixFixture.create();
        browsers = PageAuthorisationMatrixTest.browsers(ctx);
        CALLERS.forEach(role -> tokens.put(role, browsers.get(role).web().token(browsers.get(role).home())));
        routes = PageRoutes.all().stream().filter(r -> !r.name().equals("POST /logout")).toList();
        assertThat(routes).as("the page classes list their routes").hasSizeGreaterThan(50);
    }

    /** The route at {@code url}, with these query (GET) or form (POST, with the caller's CSRF token) fields. */
    private Variant<Role> variant(PageRoutes.Route route, String label, String url, Map<String, String> fields) {
        return Variant.of(label, role -> {
            WebSession web = browsers.get(role).web();
            if (route.verb().equals("GET")) {
                return Answer.of(web.get(url, fields));
            }
            Map<String, Object> form = new LinkedHashMap<>(fields);
            form.put(Csrf.FIELD, tokens.get(role));
            return Answer.of(web.postRaw(url, form));
        });
    }

    /**
     * Runs the plan as every caller. Besides what every sweep requires: a refusal is a page (or the JSON a page's
     * script asked for) without a Java name or a stack frame, and a redirect goes to a path of this site.
     */
    private void sweep(Map<String, List<Variant<Role>>> plan) {
        Set<String> scripts = routes.stream().filter(PageRoutes.Route::json).map(PageRoutes.Route::name)
                .collect(Collectors.toSet());
        HostileSweep.assertNone(HostileSweep.run(plan, CALLERS, (route, r) -> {
            if (r.location() != null) {
                String location = r.location().replaceFirst("^https?://localhost:\\d+", "");
                return location.startsWith("/") && !location.startsWith("//") && !location.startsWith("/\\")
                        ? null : r.status() + " to another site: " + r.location();
            }
            if (r.status() < 400) {
                return null;
            }
            boolean forScript = scripts.contains(route) && r.contentType() != null
                    && r.contentType().startsWith("application/json");
            if (!forScript && (r.contentType() == null || !r.contentType().startsWith("text/html"))) {
                return r.status() + " as " + r.contentType() + ", not a page: " + abbreviate(r.body());
            }
            Matcher java = JAVA.matcher(r.body());
            return java.find()
                    ? r.status() + " shows " + java.group() + ": " + abbreviate(r.body().replaceAll("\\s+", " "))
                    : null;
        }));
    }

    @Test
    void idsThatNameNothingAre4xxOnEveryPage() {
        Map<String, List<Variant<Role>>> plan = new LinkedHashMap<>();
        for (PageRoutes.Route route : routes) {
            if (hasIds(route.path())) {
                plan.put(route.name(), HOSTILE_IDS.stream().map(bad -> variant(route, "at " + bad,
                        withIds(route.path(), p -> bad), Map.of())).toList());
            }
        }
        sweep(plan);
    }

    @Test
    void queryAndFormValuesAFieldCannotTakeAre4xxOrIgnored() {
        Map<String, List<Variant<Role>>> plan = new LinkedHashMap<>();
        for (PageRoutes.Route route : routes) {
            List<String> fields = route.verb().equals("GET") ? route.query() : route.form();
            if (fields.isEmpty() || SHARED.contains(route.name())) {
                continue;
            }
            String url = withIds(route.path(), ctx::ownId);
            List<Variant<Role>> variants = new ArrayList<>();
            for (String field : fields) {
                for (String bad : HOSTILE_VALUES) {
                    variants.add(variant(route, "with " + field + "=" + abbreviate(bad), url, Map.of(field, bad)));
                }
            }
            plan.put(route.name(), variants);
        }
        assertThat(plan).as("routes that read query or form fields").hasSizeGreaterThan(20);
        sweep(plan);
    }
}
