package org.juryroom.web.safeguarding;

import org.juryroom.safeguarding.Concern;
import org.juryroom.web.Forms.Errors;

import java.util.Arrays;
import java.util.List;

/** What the concern fields show: the values typed so far and the refusals next to them. */
public record ConcernForm(String kind, boolean urgent, String note, String excerpt, Errors errors) {

    public List<String> kinds() {
        return Arrays.stream(Concern.Kind.values()).map(Enum::name).toList();
    }

    public static ConcernForm blank() {
        return new ConcernForm("", false, "", "", Errors.NONE);
    }

    /** The empty form of the dialog on every entry page ({@code inject:concernForms.blank}). */
    @jakarta.inject.Named("concernForms")
    @jakarta.enterprise.context.ApplicationScoped
    public static class Blank {
        public ConcernForm blank() {
            return ConcernForm.blank();
        }
    }
}
