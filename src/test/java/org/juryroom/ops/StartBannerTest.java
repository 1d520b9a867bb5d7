package org.juryroom.ops;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StartBannerTest {

    @Test
    void theBannerNamesTheAddressTheAccountsAndTheData() {
        String banner = StartBanner.text(StartBanner.url("127.0.0.1", 8080), List.of("organiser  the organiser"),
                "/srv/juryroom/data");
        assertThat(banner).contains("open http://127.0.0.1:8080", "organiser  the organiser", "Data: /srv/juryroom/data");
        assertThat(StartBanner.text("https://jury.example.org", List.of(), "PostgreSQL at jdbc:postgresql://db/j"))
                .doesNotContain("Demo accounts");
        assertThat(StartBanner.url("0.0.0.0", 8080)).isEqualTo("http://localhost:8080");
        assertThat(StartBanner.url("::1", 9000)).isEqualTo("http://[::1]:9000");
    }

    @Test
    void theOrganiserPasswordsSourceIsNamedTruthfully() {
        String env = "JURYROOM_ORGANISER_PASSWORD";
        String property = "juryroom.organiser-password";
        assertThat(StartBanner.passwordSource(env, property, "EnvConfigSource", null))
                .isEqualTo("the environment variable JURYROOM_ORGANISER_PASSWORD");
        assertThat(StartBanner.passwordSource(env, property, "SysPropConfigSource", null))
                .isEqualTo("the system property juryroom.organiser-password");
        assertThat(StartBanner.passwordSource(env, property,
                "PropertiesConfigSource[source=jar:file:/app/lib/juryroom.jar!/application.properties]", "embedded"))
                .contains("embedded profile's demo password").doesNotContain(env);
        assertThat(StartBanner.passwordSource(env, property, "TestResourceConfigSource", null))
                .contains(property).contains("TestResourceConfigSource").doesNotContain(env);
    }
}
