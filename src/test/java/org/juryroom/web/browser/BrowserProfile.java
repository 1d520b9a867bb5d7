package org.juryroom.web.browser;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The browser journeys run on their own app start (and so their own fresh database) with the
 * "Stay Safe Online" demo seeded, as a visitor of the embedded mode would see it.
 */
public class BrowserProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("juryroom.demo.seed", "true");
    }
}
