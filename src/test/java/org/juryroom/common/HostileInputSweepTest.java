package org.juryroom.common;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.juryroom.access.MatrixFixture;
import org.juryroom.access.MatrixFixture.Ctx;
import org.juryroom.bench.LeanHttp;
import org.juryroom.judging.JudgingFixtures;
import org.juryroom.judging.JudgingProfile;
import org.juryroom.support.Api;
import org.juryroom.support.HostileSweep;
import org.juryroom.support.HostileSweep.Answer;
import org.juryroom.support.HostileSweep.Variant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.juryroom.judging.JudgingFixtures.ORGANISER;
import static org.juryroom.support.HostileSweep.abbreviate;
import static org.juryroom.support.HostileSweep.hasIds;
import static org.juryroom.support.HostileSweep.withIds;

/**
 * Hostile input against every route of the OpenAPI document, as every kind of caller: ids that are not
 * ids, query values that are not what the parameter takes, bodies that are not JSON or not the JSON the
 * route reads, content types and preconditions it does not expect. Whatever the route, the answer is a
 * 4xx (or the route's ordinary answer), never a 5xx, and every 4xx of the API is a problem body that says
 * what is wrong. The routes come from the OpenAPI document, so a new route is swept without a line here. An
 * address whose percent-escapes do not decode is refused by the HTTP layer with a bare 400 before any route runs:
 * for those, that 400 is the answer required.
 *
 * <p>Nothing here can change what other tests share: a hostile id names nothing; real ids are only this test's
 * own objects, and a body goes to them only in a shape no route may accept (accepting it fails the test); a body
 * a lenient reader could take for an empty request goes only where the ids name nothing.
 */
@QuarkusTest
@TestProfile(JudgingProfile.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputSweepTest {

    private static final List<String> HOSTILE_IDS = List.of("abc", "-1", "0", "99999999999999999999", "1e3", "1.5",
            "%20", "%00", "..%2F..", "%E2%80%AE1", "9223372036854775807", "-9223372036854775808", "%ZZ", "%C0%AF");
    private static final List<String> HOSTILE_VALUES = List.of("", "abc", "-1", "99999999999999999999", "1e3",
            "\u0000", "x".repeat(3_000), "%", "\uD800", "NaN", "true", "[]",
            // Moments Java reads and PostgreSQL cannot hold (past 294276, before 4713 BC).
            "+300000-01-01T00:00:00Z", "-5000-01-01T00:00:00Z");
    private static final List<String> HOSTILE_BODIES = List.of("", "{", "}", "[]", "null", "123", "\"text\"",
            "{\"a\":", "{'single':'quotes'}", "[".repeat(5_000) + "]".repeat(5_000),
            "{\"a\":" + "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_001), "\uFEFF{}", "{\"x\":1e999999}",
            "{}x", "{} {}", "{}\u0000", "[] []");

    private Ctx ctx;
    private Map<String, Map<String, Object>> paths;
    private Map<String, Object> schemas;

    enum Caller { ANONYMOUS, SCHOOL, JUROR, ORGANISER, SAFEGUARDING }

    private record Operation(String method, String path, Map<String, Object> spec) {
        String name() {
            return method.toUpperCase() + " " + path;
        }
    }

    /** Built once, on the first test: RestAssured knows the app's port only once a test runs. */
    @BeforeEach
    void world() {
        if (ctx != null) {
            return;
        }
        ctx = MatrixFixture.create();
        var openapi = JudgingFixtures.anonymous().get("/q/openapi?format=json").then().statusCode(200).extract()
                .jsonPath();
        paths = openapi.getMap("paths");
        schemas = openapi.getMap("components.schemas");
    }

    private List<Operation> operations() {
        List<Operation> ops = new ArrayList<>();
        paths.forEach((path, byMethod) -> byMethod.forEach((method, spec) -> {
            if (List.of("get", "put", "post", "delete", "patch").contains(method)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> s = (Map<String, Object>) spec;
                ops.add(new Operation(method, path, s));
            }
        }));
        assertThat(ops).as("the OpenAPI document lists the routes").hasSizeGreaterThan(50);
        return ops;
    }

    private JudgingFixtures.Login login(Caller caller) {
        return switch (caller) {
            case ANONYMOUS -> null;
            case SCHOOL -> ctx.schoolA().login();
            case JUROR -> ctx.assigned().login();
            case ORGANISER -> ORGANISER;
            case SAFEGUARDING -> ctx.lead();
        };
    }

    private RequestSpecification as(Caller caller) {
        JudgingFixtures.Login login = login(caller);
        return login == null ? JudgingFixtures.anonymous() : login.as();
    }

    private static final Pattern BAD_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    private Variant<Caller> variant(String label, Function<RequestSpecification, Response> call) {
        return Variant.of(label, caller -> Answer.of(call.apply(as(caller))));
    }

    /** Sent byte for byte: RestAssured's client refuses to send a request target that does not decode. */
    private Variant<Caller> raw(String label, String method, String target) {
        return new Variant<>(label, caller -> rawRequest(caller, method.toUpperCase(), target),
                BAD_ESCAPE.matcher(target).find(), false);
    }

    private Answer rawRequest(Caller caller, String method, String target) {
        JudgingFixtures.Login login = login(caller);
        List<String> headers = new ArrayList<>(List.of("Connection", "close"));
        if (login != null) {
            headers.addAll(List.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (login.username() + ":" + login.password()).getBytes(StandardCharsets.UTF_8))));
        }
        try {
            LeanHttp.Response r = LeanHttp.exchange(RestAssured.port,
                    LeanHttp.request(method, "localhost", target, null, headers.toArray(String[]::new)));
            return new Answer(r.status(), r.headers().get("content-type"), r.headers().get("location"), r.text());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isProblem(Answer r) {
        if (r.contentType() == null || !r.contentType().startsWith("application/problem+json")) {
            return false;
        }
        try {
            JsonPath body = new JsonPath(r.body());
            Object status = body.get("status");
            String title = body.getString("title");
            return status instanceof Number n && n.intValue() == r.status() && title != null && !title.isBlank();
        } catch (RuntimeException notJson) {
            return false;
        }
    }

    /** Runs the plan as every caller; besides what every sweep requires, an API 4xx must be a problem body. */
    private static void sweep(Map<String, List<Variant<Caller>>> plan) {
        HostileSweep.assertNone(HostileSweep.run(plan, List.of(Caller.values()), (route, r) ->
                r.status() >= 400 && route.contains(" /api/") && !isProblem(r)
                        ? r.status() + " without a problem body naming its status and a title (" + r.contentType()
                        + "): " + abbreviate(r.body())
                        : null));
    }

    @Test
    void idsThatNameNothingAre4xxOnEveryRoute() {
        Map<String, List<Variant<Caller>>> plan = new LinkedHashMap<>();
        for (Operation op : operations()) {
            if (hasIds(op.path())) {
                plan.put(op.name(), HOSTILE_IDS.stream().map(bad -> raw("at " + bad, op.method(),
                        withIds(op.path(), p -> bad))).toList());
            }
        }
        sweep(plan);
    }

    @Test
    void queryValuesARouteCannotTakeAre4xx() {
        Map<String, List<Variant<Caller>>> plan = new LinkedHashMap<>();
        for (Operation op : operations()) {
            List<String> query = parameters(op, "query");
            if (!op.method().equals("get") || query.isEmpty()) {
                continue;
            }
            String url = withIds(op.path(), ctx::ownId);
            List<Variant<Caller>> variants = new ArrayList<>();
            for (String name : query) {
                for (String bad : HOSTILE_VALUES) {
                    variants.add(variant("with " + name + "=" + abbreviate(bad), s -> s.queryParam(name, bad).get(url)));
                }
                // Percent-encoding that does not decode, sent as it is.
                for (String raw : List.of("%ZZ", "%", "%C0%AF", "%FF%FE")) {
                    variants.add(raw("with raw " + name + "=" + raw, "get", url + "?" + name + "=" + raw));
                }
            }
            plan.put(op.name(), variants);
        }
        sweep(plan);
    }

    @Test
    void bodiesARouteCannotReadAre4xx() {
        Random random = new Random(20261206L);
        Map<String, List<Variant<Caller>>> plan = new LinkedHashMap<>();
        for (Operation op : operations()) {
            if (!op.spec().containsKey("requestBody")) {
                continue;
            }
            String url = withIds(op.path(), ctx::ownId);
            // No body at all may be what a route takes: sent only where the ids name nothing (so never to a
            // route without ids, whose empty request may be a valid one that changes what other tests share).
            String nowhere = hasIds(op.path()) ? withIds(op.path(), p -> "0") : null;
            List<String> types = contentTypes(op);
            List<String> bodies = new ArrayList<>(HOSTILE_BODIES);
            String wrong = wrongKinds(op, random);
            bodies.add(wrong == null ? "{\"unknown\":{\"x\":1}}" : wrong);
            List<Variant<Caller>> variants = new ArrayList<>();
            for (String type : types) {
                for (String body : bodies) {
                    // Bodies a lenient reader could take for an empty request (none, null, an empty object after a
                    // byte-order mark, only unknown fields) go only where the ids name nothing: never to a route
                    // without ids, whose empty request may be valid and change what other tests share.
                    boolean mayBeEmpty = body.isEmpty() || body.equals("null") || body.startsWith("\uFEFF")
                            || body.startsWith("{\"x\"") || (wrong == null && body.startsWith("{\"unknown\""));
                    String at = mayBeEmpty ? nowhere : url;
                    if (at == null) {
                        continue;
                    }
                    Variant<Caller> v = variant("with " + type + " " + abbreviate(body), s -> s.contentType(type)
                            .body(body.getBytes(StandardCharsets.UTF_8)).request(op.method(), at));
                    variants.add(mayBeEmpty ? v : v.refused());
                }
            }
            // A content type the route does not read.
            for (String type : List.of("application/xml", "text/plain; charset=utf-16", "multipart/form-data",
                    "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "image/png")) {
                if (!types.contains(type)) {
                    String body = type.startsWith("application/x-www-form-urlencoded") ? "a=%ZZ&b=%00&=&&c"
                            : "--x\r\n{\"a\":1}\r\n--x--\r\n";
                    variants.add(variant("sent as " + type, s -> s.config(Api.sendAsText(type)).contentType(type).body(body)
                            .request(op.method(), url)));
                }
            }
            plan.put(op.name(), variants);
        }
        sweep(plan);
    }

    @Test
    void headersARouteDoesNotExpectAre4xxOrIgnored() {
        Map<String, List<Variant<Caller>>> plan = new LinkedHashMap<>();
        for (Operation op : operations()) {
            boolean safe = op.method().equals("get");
            // Writes only where the route reads a body, and with one it cannot read, so that nothing is written.
            if (!safe && !op.spec().containsKey("requestBody")) {
                continue;
            }
            String url = withIds(op.path(), ctx::ownId);
            List<Variant<Caller>> variants = new ArrayList<>();
            for (Map.Entry<String, String> header : List.of(Map.entry("If-Match", "garbage"),
                    Map.entry("If-Match", "\"x\", W/\"1\""), Map.entry("If-None-Match", "\u00e9\u00e9"),
                    Map.entry("If-Modified-Since", "yesterday"), Map.entry("Accept", "application/xml"),
                    Map.entry("Accept-Language", "xx-" + "y".repeat(500) + ";q=abc"),
                    Map.entry("Range", "bytes=9-1"), Map.entry("Range", "bytes=99999999999999999999-"),
                    Map.entry("Range", "bytes=-99999999999999999999"))) {
                if (safe || header.getKey().equals("If-Match")) {
                    variants.add(variant("with " + header.getKey() + ": " + header.getValue(), s -> s
                            .header(header.getKey(), header.getValue()).contentType("application/json")
                            .body((safe ? "" : "{").getBytes(StandardCharsets.UTF_8)).request(op.method(), url)));
                }
            }
            plan.put(op.name(), variants);
        }
        sweep(plan);
    }

    @SuppressWarnings("unchecked")
    private static List<String> parameters(Operation op, String in) {
        List<String> names = new ArrayList<>();
        Object params = op.spec().get("parameters");
        if (params instanceof List<?> list) {
            for (Object p : list) {
                Map<String, Object> param = (Map<String, Object>) p;
                if (in.equals(param.get("in"))) {
                    names.add((String) param.get("name"));
                }
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static List<String> contentTypes(Operation op) {
        Map<String, Object> body = (Map<String, Object>) op.spec().get("requestBody");
        Map<String, Object> content = (Map<String, Object>) body.getOrDefault("content", Map.of());
        List<String> types = new ArrayList<>(content.keySet());
        if (types.isEmpty()) {
            types.add("application/json");
        }
        return types;
    }

    /**
     * The route's documented object with every field of a kind it cannot be (objects for scalars, scalars for the
     * rest), or null when the document names no fields.
     */
    @SuppressWarnings("unchecked")
    private String wrongKinds(Operation op, Random random) {
        Map<String, Object> body = (Map<String, Object>) op.spec().get("requestBody");
        Map<String, Object> content = (Map<String, Object>) body.getOrDefault("content", Map.of());
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Object media : content.values()) {
            Map<String, Object> schema = resolve((Map<String, Object>) ((Map<String, Object>) media).get("schema"));
            Object props = schema == null ? null : schema.get("properties");
            if (props instanceof Map<?, ?> map) {
                map.forEach((name, prop) -> fields.put((String) name, wrongKind(resolve((Map<String, Object>) prop),
                        random)));
            }
        }
        return fields.isEmpty() ? null : Api.json(fields);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resolve(Map<String, Object> schema) {
        if (schema == null) {
            return null;
        }
        Object ref = schema.get("$ref");
        if (ref instanceof String s && s.startsWith("#/components/schemas/")) {
            return (Map<String, Object>) schemas.get(s.substring("#/components/schemas/".length()));
        }
        return schema;
    }

    private static Object wrongKind(Map<String, Object> schema, Random random) {
        Object type = schema == null ? null : schema.get("type");
        if ("object".equals(type) || "array".equals(type) || type == null) {
            return random.nextBoolean() ? 1.5e300 : "\u0000";
        }
        return random.nextBoolean() ? Map.of("nested", List.of(1)) : List.of(Map.of());
    }
}
