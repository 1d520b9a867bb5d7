package org.juryroom.web;

import jakarta.validation.ConstraintViolationException;
import org.juryroom.common.Problem;
import org.juryroom.common.ProblemException;
import org.juryroom.common.ProblemMappers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

        /**
         * Messages for fields the form does not show next to a field ({@code shown}: the keys it does), for the summary
         * at its top. Exact keys: a prefix would also hide "categories" (the list as a whole) behind its rows.
         */
        public List<String> others(java.util.Collection<String> shown) {
            return fields.entrySet().stream().filter(e -> !shown.contains(e.getKey())).map(Map.Entry::getValue)
                    .toList();
        }

        public static Errors general(String message) {
            return new Errors(Map.of(), message);
        }
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
