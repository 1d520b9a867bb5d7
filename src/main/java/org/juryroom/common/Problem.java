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

    @JsonAnyGetter
    public Map<String, Object> extensionFields() {
        return extensions == null ? Map.of() : extensions;
    }
}
