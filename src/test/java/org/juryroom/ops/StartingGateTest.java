package org.juryroom.ops;

import org.juryroom.common.ProblemTexts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which requests wait for the start (pure); the running app's requests pass, as every other test shows. */
class StartingGateTest {

    @Test
    void beforeTheStartIsDoneEveryRequestButTheHealthChecksIsHeldBack() {
        for (String path : new String[] {"/", "/login", "/api/competitions", "/public/shortlists", "/q/openapi",
                "/q/healthy", "/static/app.css"}) {
            assertThat(StartingGate.holds(false, path)).as(path).isTrue();
            assertThat(StartingGate.holds(true, path)).as(path).isFalse();
        }
        for (String path : new String[] {"/q/health", "/q/health/ready", "/q/health/live"}) {
            assertThat(StartingGate.holds(false, path)).as(path).isFalse();
        }
    }

    @Test
    void theRefusalIsSaidInEachLanguage() {
        String english = "The system is starting; nothing was changed, please try again in a few seconds";
        assertThat(ProblemTexts.localise(english, "hi")).contains("शुरू हो रहा है");
        assertThat(ProblemTexts.localise(english, "bn")).contains("চালু হচ্ছে");
    }
}
