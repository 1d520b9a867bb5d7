package org.juryroom.i18n;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which language a request gets: saved choice > browser cookie > Accept-Language > English. */
class LanguagesTest {

    @Test
    void theSavedChoiceWinsThenTheCookieThenTheBrowserThenEnglish() {
        assertThat(Languages.resolve("bn", "hi", "en")).isEqualTo("bn");
        assertThat(Languages.resolve(null, "hi", "bn")).isEqualTo("hi");
        assertThat(Languages.resolve(null, null, "bn-IN,bn;q=0.9,en;q=0.5")).isEqualTo("bn");
        assertThat(Languages.resolve(null, null, null)).isEqualTo("en");
    }

    @Test
    void unknownOrMalformedValuesFallThrough() {
        assertThat(Languages.resolve("fr", "xx", "hi")).isEqualTo("hi");
        assertThat(Languages.fromAcceptLanguage("de-DE,fr;q=0.8")).isEqualTo("en");
        assertThat(Languages.fromAcceptLanguage("fr;q=0.9,hi;q=0.8")).isEqualTo("hi");
        assertThat(Languages.fromAcceptLanguage("en;q=0.2,bn;q=0.9")).isEqualTo("bn");
        assertThat(Languages.fromAcceptLanguage(";;;q=x")).isEqualTo("en");
        assertThat(Languages.localeOf("hi").getLanguage()).isEqualTo("hi");
        assertThat(Languages.localeOf("zz").getLanguage()).isEqualTo("en");
    }
}
