package org.juryroom.publishing;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class ExportLanguageTest {

    @Test
    void queryFirstThenAcceptLanguageThenEnglish() {
        assertThat(ExportLanguage.pick("bn", List.of(Locale.forLanguageTag("hi")))).isEqualTo(Locale.forLanguageTag("bn"));
        assertThat(ExportLanguage.pick(" HI ", List.of())).isEqualTo(Locale.forLanguageTag("hi"));
        assertThat(ExportLanguage.pick("fr", List.of(Locale.forLanguageTag("de"), Locale.forLanguageTag("bn-IN"))))
                .isEqualTo(Locale.forLanguageTag("bn"));
        assertThat(ExportLanguage.pick(null, List.of(Locale.forLanguageTag("fr")))).isEqualTo(Locale.ENGLISH);
        assertThat(ExportLanguage.pick(null, null)).isEqualTo(Locale.ENGLISH);
    }
}
