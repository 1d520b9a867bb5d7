package org.juryroom.web;

import jakarta.validation.ConstraintViolationException;
import org.juryroom.common.Problem;
import org.juryroom.common.ProblemException;
import org.juryroom.common.ProblemMappers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turning the services' refusals into messages next to the form fields they concern. */
public final class Forms {

    private Forms() {
    }

    /**
     * What a form shows after a refusal: a message per field (keys as the API names them, e.g.
     * {@code participants[0].firstName}), and a general message for the rest.
     */
    public record Errors(Map<String, String> fields, String general) {

        public static final Errors NONE = new Errors(Map.of(), null);

        public boolean any() {
            return general != null || !fields.isEmpty();
        }

        public boolean has(String field) {
            return fields.containsKey(field);
        }

        public String get(String field) {
            return fields.getOrDefault(field, "");
        }

        public static Errors general(String message) {
            return new Errors(Map.of(), message);
        }

        /**
         * The lines of the summary at the form's top (tags/refusal): every field's message, each a link to its control
         * where the page has one (the GOV.UK error summary), for the API names a field differently from the control
         * that shows it. {@code controls}: space-separated {@code key=id}, or {@code key} where the id is the key; in
         * both, {@code #} is a row's index and {@code *} a code ({@code participants[#].firstName=firstName-#},
         * {@code scores.*=score-*}). A field the page has no control for is listed without a link.
         */
        public List<SummaryLine> summary(String controls) {
            List<String> pairs = controls == null || controls.isBlank() ? List.of()
                    : List.of(controls.strip().split("\\s+"));
            return fields.entrySet().stream().map(e -> new SummaryLine(e.getValue(), control(e.getKey(), pairs)))
                    .toList();
        }

        private static String control(String key, List<String> pairs) {
            for (String pair : pairs) {
                int eq = pair.indexOf('=');
                String named = eq < 0 ? pair : pair.substring(0, eq);
                String id = eq < 0 ? pair : pair.substring(eq + 1);
                Matcher m = Pattern.compile(Pattern.quote(named).replace("#", "\\E(?<row>\\d+)\\Q")
                        .replace("*", "\\E(?<code>[A-Za-z0-9_-]+)\\Q")).matcher(key);
                if (m.matches()) {
                    return id.replace("#", named.contains("#") ? m.group("row") : "#")
                            .replace("*", named.contains("*") ? m.group("code") : "*");
                }
            }
            return null;
        }
    }

    /** A line of a form's error summary: the message, and the id of the control it links to (null: none). */
    public record SummaryLine(String message, String control) {
    }

    /**
     * The problem a refusal would have been on the API (one mapping for both), as the page's reader reads
     * it: in their language, English too, without the API's words ({@link Problem#onPage()}).
     */
    public static Problem problem(RuntimeException e) {
        if (e instanceof ProblemException p) {
            return p.toProblem().onPage();
        }
        if (e instanceof ConstraintViolationException v) {
            return ProblemMappers.invalid(v).onPage();
        }
        throw e;
    }

    public static Errors errors(RuntimeException e) {
        Problem p = problem(e);
        Map<String, String> fields = new LinkedHashMap<>();
        if (p.violations() != null) {
            p.violations().forEach(v -> fields.merge(v.field(), v.message(), (a, b) -> a + "; " + b));
        }
        String general = fields.isEmpty() || p.status() != 422 && p.status() != 400 ? p.detail() : null;
        return new Errors(fields, general);
    }
}
