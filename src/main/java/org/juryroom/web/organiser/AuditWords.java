package org.juryroom.web.organiser;

import org.juryroom.i18n.Languages;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words of an audit line in the reader's language: field names, recorded constants and the line's own words
 * ("Added", "none"). An event's values are looked up by the JSON field name or constant they were recorded
 * under, keys known only when an event is read, so these live in a properties bundle
 * ({@code i18n/audit_*.properties}) rather than a Qute message interface. A key missing in Hindi or Bengali reads
 * in English (AuditWordsTest keeps the three alike); one missing in English too reads as split words.
 */
public final class AuditWords {

    private static final ResourceBundle.Control EXACT =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    static final String BASE = "i18n.audit";
    private static final java.util.regex.Pattern PLACE = java.util.regex.Pattern.compile("\\{(\\d)}");

    private final ResourceBundle words;
    private final ResourceBundle english;

    private AuditWords(String language) {
        this.english = bundle(Languages.DEFAULT);
        this.words = Languages.supported(language) ? bundle(language) : english;
    }

    public static AuditWords of(String language) {
        return new AuditWords(language);
    }

    /** In the current request's language. */
    public static AuditWords ofCurrentRequest() {
        return of(Languages.ofCurrentRequest());
    }

    /** One language's words as they are, without falling back to English. */
    public static ResourceBundle bundle(String language) {
        return ResourceBundle.getBundle(BASE, Locale.forLanguageTag(language), AuditWords.class.getClassLoader(),
                EXACT);
    }

    /** "categoryCode" → "Category"; a field no one named yet → "Category code". */
    public String label(String key) {
        String known = find("field." + key);
        return known != null ? known : AuditChanges.words(key.replaceAll("([a-z0-9])([A-Z])", "$1 $2"));
    }

    /** A recorded value that has words of its own ("SUBMITTED", "publishWork"); null for any other. */
    public String value(String value) {
        return find("value." + value);
    }

    /** Who did it: a username as it is; the system, an anonymous caller or the safeguarding desk in words. */
    public String actor(String actor) {
        String known = actor == null ? null : find("actor." + actor);
        return known != null ? known : actor;
    }

    /** The role someone acted in ("organiser", "system") in words. */
    public String role(String role) {
        String known = role == null ? null : find("role." + role);
        return known != null ? known : role;
    }

    /** One of the line's own words ("none", "yes") or patterns ("Added {0}"), with its values put in. */
    public String say(String key, Object... values) {
        String text = find(key);
        if (text == null) {
            throw new MissingResourceException("No audit word " + key, BASE, key);
        }
        // One pass: a value that itself reads "{2}" (a title, say) is put in as it is, never filled again.
        return PLACE.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                String.valueOf(values[Integer.parseInt(m.group(1))])));
    }

    private String find(String key) {
        if (words.containsKey(key)) {
            return words.getString(key);
        }
        return english.containsKey(key) ? english.getString(key) : null;
    }
}
