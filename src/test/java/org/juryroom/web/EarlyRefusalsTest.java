package org.juryroom.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which refusals of the HTTP layer are pages (pure); the pages themselves: WebSecurityTest, DatabaseOutageTest. */
class EarlyRefusalsTest {

    @Test
    void aPageAddressGetsThePageUnlessItsCallerAsksForJsonAlone() {
        for (String path : new String[] {"/", "/login", "/school/entries/1/files", "/organiser/x", "/apis"}) {
            assertThat(EarlyRefusals.asPage(path, WebSession.BROWSER_ACCEPT)).as(path).isTrue();
            assertThat(EarlyRefusals.asPage(path, null)).as(path).isTrue();
            assertThat(EarlyRefusals.asPage(path, "*/*")).as(path).isTrue();
            assertThat(EarlyRefusals.asPage(path, "application/json")).as(path).isFalse();
            assertThat(EarlyRefusals.asPage(path, "application/problem+json, */*")).as(path).isFalse();
            assertThat(EarlyRefusals.asPage(path, "Text/HTML, application/json")).as(path).isTrue();
        }
        for (String path : new String[] {"/api", "/api/competitions", "/q/health/ready", "/q"}) {
            assertThat(EarlyRefusals.asPage(path, WebSession.BROWSER_ACCEPT)).as(path).isFalse();
        }
    }
}
