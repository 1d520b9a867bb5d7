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

    /** Every value of one field (checkbox groups), in the order sent. */
    public static java.util.List<String> all(String name) {
        java.util.List<String> values = new java.util.ArrayList<>();
        FormData form = CurrentRequestManager.get().getFormData();
        if (form != null && form.get(name) != null) {
            form.get(name).forEach(v -> {
                if (!v.isFileItem()) {
                    values.add(v.getValue());
                }
            });
        }
        return values;
    }

    /** One field's first value, or "". */
    public static String first(String name) {
        FormData form = CurrentRequestManager.get().getFormData();
        if (form == null || form.getFirst(name) == null || form.getFirst(name).isFileItem()) {
            return "";
        }
        return form.getFirst(name).getValue();
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
