package org.juryroom.common;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/** An RFC 9457 problem document: what went wrong and what to fix. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<Violation> violations,
                      @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> extensions) {

    public record Violation(String field, String message) {
    }

    /** This problem with its detail and violations in the reader's language (title and type stay English). */
    public Problem localised() {
        return localised(org.juryroom.i18n.Languages.ofCurrentRequest());
    }

    /** As {@link #localised()}, in the given language (outside a request's context). */
    public Problem localised(String language) {
        if (org.juryroom.i18n.Languages.DEFAULT.equals(language)) {
            return this;
        }
        return new Problem(type, title, status, ProblemTexts.localise(detail, language), violations == null ? null
                : violations.stream().map(v -> new Violation(v.field(), ProblemTexts.localise(v.message(), language)))
                .toList(), extensions);
    }

    @JsonAnyGetter
    public Map<String, Object> extensionFields() {
        return extensions == null ? Map.of() : extensions;
    }
}
