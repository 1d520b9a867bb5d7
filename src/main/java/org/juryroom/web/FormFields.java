package org.juryroom.web;

import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Form fields whose names are data, such as one radio group per rubric criterion
 * ({@code score.message}, {@code score.craft}): the fields of the current request with a given
 * prefix. The form is already parsed (CsrfCheck reads it first), so nothing is read twice.
 */
public final class FormFields {

    private FormFields() {
    }

    /** Field name without the prefix → first value, for every field starting with {@code prefix}. */
    public static Map<String, String> withPrefix(String prefix) {
        Map<String, String> values = new LinkedHashMap<>();
        FormData form = CurrentRequestManager.get().getFormData();
        if (form == null) {
            return values;
        }
        for (String name : form) {
            if (name.startsWith(prefix) && form.getFirst(name) != null && !form.getFirst(name).isFileItem()) {
                values.put(name.substring(prefix.length()), form.getFirst(name).getValue());
            }
        }
        return values;
    }
}
