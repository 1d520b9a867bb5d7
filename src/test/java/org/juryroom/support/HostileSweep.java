package org.juryroom.support;

import io.restassured.response.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs a sweep of hostile requests over routes and collects what went wrong: the API's
 * (common/HostileInputSweepTest) and the pages' (web/HostilePageInputSweepTest). Each route's first variant
 * goes as every caller, the rest as the callers it did not refuse (401, 403, a page's redirect to sign in), in
 * turn: a refused caller never reaches the route's input. Routes run side by side, three at a time, and every
 * request has ended when the sweep returns.
 */
public final class HostileSweep {

    private static final Pattern PARAM = Pattern.compile("\\{([^}/]+)}");

    private HostileSweep() {
    }

    /** Whether the route's path ("/api/entries/{eid}") has parameters. */
    public static boolean hasIds(String path) {
        return PARAM.matcher(path).find();
    }

    /** The path with each parameter replaced by what {@code id} gives for its name. */
    public static String withIds(String path, Function<String, String> id) {
        Matcher m = PARAM.matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(id.apply(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** What came back: status, Content-Type, Location (or null) and body, whichever client sent the request. */
    public record Answer(int status, String contentType, String location, String body) {
        public static Answer of(Response r) {
            return new Answer(r.statusCode(), r.contentType(), r.header("Location"), r.asString());
        }
    }

    /**
     * One hostile request as caller {@code C}. {@code undecodable}: its address does not decode, which the HTTP
     * layer refuses with a bare 400 before any route or filter of ours sees it; that 400, and nothing else, is its
     * right answer. {@code mustRefuse}: it carries what no route may accept (accepting it is a defect, and it may
     * have written).
     */
    public record Variant<C>(String label, Function<C, Answer> call, boolean undecodable, boolean mustRefuse) {
        public static <C> Variant<C> of(String label, Function<C, Answer> call) {
            return new Variant<>(label, call, false, false);
        }

        public Variant<C> refused() {
            return new Variant<>(label, call, undecodable, true);
        }
    }

    /**
     * Runs {@code plan} (route name to its variants, first one first) and returns the failures: a 5xx, an
     * undecodable address answered other than 400, a variant that must be refused accepted, a route that refused
     * every caller (so nothing of it was tried), and whatever {@code rule} says about an answer (null when right).
     */
    public static <C> List<String> run(Map<String, List<Variant<C>>> plan, List<C> callers,
                                       BiFunction<String, Answer, String> rule) {
        List<String> failures = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> done = new ArrayList<>();
            plan.forEach((route, variants) -> done.add(pool.submit(() -> {
                List<C> admitted = new ArrayList<>();
                for (C caller : callers) {
                    Answer first = check(route, caller, variants.get(0), rule, failures);
                    if (first != null && !refusesCaller(first)) {
                        admitted.add(caller);
                    }
                }
                if (admitted.isEmpty()) {
                    failures.add(route + ": every caller was refused, so none of its input was tried");
                }
                // Each further variant as one admitted caller, taking turns: every caller meets many variants.
                for (int i = 1; i < variants.size() && !admitted.isEmpty(); i++) {
                    check(route, admitted.get(i % admitted.size()), variants.get(i), rule, failures);
                }
            })));
            for (Future<?> f : done) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
            try {
                // No request of a sweep may still run when the next test starts.
                assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).as("the sweep's requests ended").isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return failures;
    }

    /** Refused for who is asking: 401 or 403, or a page's redirect to sign in. */
    private static boolean refusesCaller(Answer a) {
        return a.status() == 401 || a.status() == 403
                || a.status() == 302 && a.location() != null && a.location().endsWith("/login");
    }

    /** The answer, or null when the request itself failed. */
    private static <C> Answer check(String route, C caller, Variant<C> v, BiFunction<String, Answer, String> rule,
                                     List<String> failures) {
        String what = route + " as " + caller + " " + v.label();
        try {
            Answer r = v.call().apply(caller);
            int status = r.status();
            String wrong;
            if (v.undecodable()) {
                wrong = status == 400 ? null : status + " where the address does not decode: " + abbreviate(r.body());
            } else if (status >= 500) {
                wrong = status + " " + abbreviate(r.body());
            } else if (v.mustRefuse() && status < 400) {
                wrong = status + ", accepted: " + abbreviate(r.body());
            } else {
                wrong = rule.apply(route, r);
            }
            if (wrong != null) {
                failures.add(what + ": " + wrong);
            }
            return r;
        } catch (RuntimeException e) {
            failures.add(what + ": the request failed: " + e);
            return null;
        }
    }

    /** Prints each failure (with HOSTILE, to find them in the log) and fails if there is any. */
    public static void assertNone(List<String> failures) {
        failures.forEach(f -> System.out.println("HOSTILE " + f));
        assertThat(failures).as("%d answers (each printed above with HOSTILE)", failures.size()).isEmpty();
    }

    /** One line of at most 120 characters, NUL shown as \0. */
    public static String abbreviate(String s) {
        String flat = s.replace("\u0000", "\\0");
        return flat.length() > 120 ? flat.substring(0, 120) + "…" : flat;
    }
}
