package org.juryroom.publishing;

import java.util.List;
import java.util.Locale;

/** The language of an export: {@code ?lang=} if it is one we have, else the first of Accept-Language we have, else English. */
public final class ExportLanguage {

    public static final List<String> SUPPORTED = List.of("en", "hi", "bn");

    private ExportLanguage() {
    }

    public static Locale pick(String lang, List<Locale> acceptable) {
        if (lang != null && SUPPORTED.contains(lang.trim().toLowerCase(Locale.ROOT))) {
            return Locale.forLanguageTag(lang.trim().toLowerCase(Locale.ROOT));
        }
        for (Locale l : acceptable == null ? List.<Locale>of() : acceptable) {
            if (SUPPORTED.contains(l.getLanguage())) {
                return Locale.forLanguageTag(l.getLanguage());
            }
        }
        return Locale.ENGLISH;
    }
}
