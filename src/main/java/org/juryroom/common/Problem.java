package org.juryroom.common;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem document: what went wrong and what to fix. A translated problem keeps the one the
 * service said ({@code english}, never serialised), so that a page can still say it in its own words.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<Violation> violations,
                      @JsonIgnore Map<String, Object> extensions, @JsonIgnore Problem english) {

    public record Violation(String field, String message) {
    }

    public Problem(String type, String title, int status, String detail, List<Violation> violations,
                   Map<String, Object> extensions) {
        this(type, title, status, detail, violations, extensions, null);
    }

    /** This problem with its detail and violations in the reader's language (title and type stay English). */
    public Problem localised() {
        return localised(org.juryroom.i18n.Languages.ofCurrentRequest());
    }

    /** As {@link #localised()}, in the given language (outside a request's context). */
    public Problem localised(String language) {
        Problem said = said();
        if (org.juryroom.i18n.Languages.DEFAULT.equals(language)) {
            return said;
        }
        return new Problem(type, title, status, ProblemTexts.localise(said.detail, language), said.violations == null
                ? null : said.violations.stream().map(v -> new Violation(v.field(),
                ProblemTexts.localise(v.message(), language))).toList(), extensions, said);
    }

    /**
     * This problem as a person reads it on a page, in the reader's language (English included): without the
     * API's paths, field and status names, with dates and sizes as the pages write them (ProblemTexts.onPage).
     */
    public Problem onPage() {
        return onPage(org.juryroom.i18n.Languages.ofCurrentRequest());
    }

    /** As {@link #onPage()}, in the given language (outside a request's context). */
    public Problem onPage(String language) {
        Problem said = said();
        return new Problem(type, title, status, ProblemTexts.onPage(said.detail, language), said.violations == null
                ? null : said.violations.stream().map(v -> new Violation(v.field(),
                ProblemTexts.onPage(v.message(), language))).toList(), extensions, said);
    }

    /** The problem as the service said it, before any translation. */
    private Problem said() {
        return english == null ? this : english;
    }

    @JsonAnyGetter
    public Map<String, Object> extensionFields() {
        return extensions == null ? Map.of() : extensions;
    }
}
