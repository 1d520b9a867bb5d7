package org.juryroom.web;

import io.quarkus.qute.TemplateExtension;
import org.juryroom.competition.Competition;

import java.time.Instant;

/** What the privacy texts of the pages need (tags/retention.html). */
public final class PrivacyFormats {

    /** {@code {retention:defaultMonths}}: months after the first publication the children's data is kept when no date is set. */
    @TemplateExtension(namespace = "retention")
    static int defaultMonths() {
        return Competition.DEFAULT_RETENTION_MONTHS;
    }

    private PrivacyFormats() {
    }

    /** The value of a date input: the day, in the competition's zone. */
    @TemplateExtension
    static String dayInput(Instant instant) {
        return instant == null ? "" : instant.atZone(Formats.zone()).toLocalDate().toString();
    }
}
