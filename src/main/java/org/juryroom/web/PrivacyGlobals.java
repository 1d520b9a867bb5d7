package org.juryroom.web;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateGlobal;
import org.juryroom.competition.Competition;

import java.time.Instant;

/** What the privacy texts of the pages need (tags/retention.html). */
public final class PrivacyGlobals {

    /** Months after publication the children's data is kept when no retention date is set. */
    @TemplateGlobal
    static int retentionMonths = Competition.DEFAULT_RETENTION_MONTHS;

    private PrivacyGlobals() {
    }

    /** The value of a date input: the day, in the competition's zone. */
    @TemplateExtension
    static String dayInput(Instant instant) {
        return instant == null ? "" : instant.atZone(Formats.zone()).toLocalDate().toString();
    }
}
