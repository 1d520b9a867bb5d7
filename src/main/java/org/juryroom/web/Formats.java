package org.juryroom.web;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.juryroom.ops.JuryRoomConfig;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How numbers, sizes and times read on the pages ({@code {entry.submittedAt.when}},
 * {@code {category.maxFileBytes.bytes}}). Times are shown in the competition's zone.
 */
@Singleton
public class Formats {

    private static volatile ZoneId zone = ZoneId.of("Asia/Kolkata");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzzz", Locale.ENGLISH);

    void onStart(@Observes StartupEvent event, JuryRoomConfig config) {
        zone = config.web().timeZone();
    }

    public static ZoneId zone() {
        return zone;
    }

    /**
     * The zone in the reader's words, as the long form of the page's times names it ("India Standard Time",
     * "भारतीय मानक समय"): its id ("Asia/Kolkata") is for the script, not for a person.
     */
    public static String zoneName() {
        return inLanguage(ZONE_NAME, "zzzz").format(java.time.ZonedDateTime.now(zone));
    }

    /** In the reader's language: month and zone in words for hi/bn ("1 মার্চ 2026, 14:30 ভারতীয় মানক সময়"). */
    @TemplateExtension
    public static String when(Instant instant) {
        return instant == null ? "" : inLanguage(WHEN, "d MMMM yyyy, HH:mm zzzz").format(instant.atZone(zone));
    }

    /** As {@link #when(Instant)}, in a mail recipient's language (null: English). */
    public static String when(Instant instant, String language) {
        if (instant == null) {
            return "";
        }
        DateTimeFormatter f = language == null || org.juryroom.i18n.Languages.DEFAULT.equals(language) ? WHEN
                : DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm zzzz", org.juryroom.i18n.Languages.localeOf(language));
        return f.format(instant.atZone(zone));
    }

    @TemplateExtension
    public static String day(Instant instant) {
        return instant == null ? "" : inLanguage(DAY, "d MMMM yyyy").format(instant.atZone(zone));
    }

    private static DateTimeFormatter inLanguage(DateTimeFormatter english, String pattern) {
        String language = org.juryroom.i18n.Languages.ofCurrentRequest();
        return org.juryroom.i18n.Languages.DEFAULT.equals(language) ? english
                : DateTimeFormatter.ofPattern(pattern, Locale.forLanguageTag(language));
    }

    /**
     * A time as the page shows it: {@code <time datetime>} with the text in the competition's zone,
     * which app.js rewrites in the reader's own zone and language (the title keeps the competition's).
     */
    @TemplateExtension
    public static io.quarkus.qute.RawString time(Instant instant) {
        return timeElement(instant, "");
    }

    /**
     * A deadline: as {@link #time(Instant)}, and it names the competition's zone. app.js adds the time
     * in that zone after the reader's own when the two zones differ ("17:30 CET (22:00 IST)"); without
     * script the text is in the competition's zone and says so.
     */
    @TemplateExtension
    public static io.quarkus.qute.RawString deadline(Instant instant) {
        return timeElement(instant, " class=\"deadline-time\" data-zone=\"" + escape(zone.getId()) + "\"");
    }

    /** Every instant a page shows goes through here: one element app.js rewrites in the reader's zone. */
    private static io.quarkus.qute.RawString timeElement(Instant instant, String attributes) {
        if (instant == null) {
            return new io.quarkus.qute.RawString("");
        }
        String text = escape(when(instant));
        return new io.quarkus.qute.RawString("<time datetime=\"" + instant + "\"" + attributes + " title=\"" + text
                + "\">" + text + "</time>");
    }

    /**
     * {@link #time(Instant)} as a message's argument: the bundles take Strings, and the message is then
     * written {@code .raw} ({@code {msg:key(x.timeTag).raw}}), so every other argument of such a
     * message is a number or {@link #escaped(String)}.
     */
    @TemplateExtension
    public static String timeTag(Instant instant) {
        return time(instant).getValue();
    }

    /** {@link #deadline(Instant)} as a message's argument (see {@link #timeTag}). */
    @TemplateExtension
    public static String deadlineTag(Instant instant) {
        return deadline(instant).getValue();
    }

    /** A person's text as the argument of a message written {@code .raw}: escaped here, once. */
    @TemplateExtension
    public static String escaped(String text) {
        return text == null ? "" : escape(text);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    /** The value of a datetime-local input, in the competition's zone. */
    @TemplateExtension
    public static String inputValue(Instant instant) {
        return instant == null ? "" : INPUT.format(instant.atZone(zone));
    }

    @TemplateExtension
    public static String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** 20971520 → "20 MB"; decimal places only where they matter. */
    @TemplateExtension
    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return org.juryroom.i18n.Numbers.count(bytes) + " B";
        }
        String[] units = {"KB", "MB", "GB"};
        double value = bytes;
        int unit = -1;
        do {
            value /= 1024;
            unit++;
        } while (value >= 1024 && unit < units.length - 1);
        String number = org.juryroom.i18n.Numbers.decimal(value, value >= 10 || value == Math.rint(value) ? 0 : 1);
        return number + " " + units[unit];
    }

    @TemplateExtension
    public static String bytes(Long bytes) {
        return bytes == null ? "" : bytes(bytes.longValue());
    }

    /** A decimal without trailing zeros: 40.0000 → 40. */
    @TemplateExtension
    public static String plain(java.math.BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    /** A score (total, mean, spread) with two decimals, as everywhere ({@link org.juryroom.i18n.Numbers}): 72.40. */
    @TemplateExtension
    public static String score(double value) {
        return org.juryroom.i18n.Numbers.score(value);
    }

    /** A count, grouped the Indian way: 1,00,000. */
    @TemplateExtension
    public static String count(long value) {
        return org.juryroom.i18n.Numbers.count(value);
    }

    /** A probability as a whole percentage: 0.934 → "93%". */
    @TemplateExtension
    public static String percent(Double p) {
        return p == null ? "" : Math.round(p * 100) + "%";
    }

    /** Whole percent of done out of total, for progress bars and labels. */
    public static long share(long done, long total) {
        return total == 0 ? 0 : Math.round(100.0 * done / total);
    }
}
