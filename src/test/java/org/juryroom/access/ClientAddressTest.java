package org.juryroom.access;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTest {

    @Test
    void withoutForwardingThePeerIsTheClientWhateverTheHeaderSays() {
        ClientAddress a = new ClientAddress(false, Optional.empty());
        assertThat(a.of("192.0.2.1", List.of("203.0.113.5"))).isEqualTo("192.0.2.1");
    }

    @Test
    void behindOneProxyTheRightMostValueIsTheClientNotTheLeftMostTheClientWrote() {
        ClientAddress a = new ClientAddress(true, Optional.of(List.of("10.0.0.0/8")));
        assertThat(a.of("10.1.2.3", List.of("6.6.6.6, 203.0.113.5"))).isEqualTo("203.0.113.5");
        assertThat(a.of("10.1.2.3", List.of("6.6.6.6", "203.0.113.5:4711"))).isEqualTo("203.0.113.5");
        assertThat(a.of("10.1.2.3", List.of())).isEqualTo("10.1.2.3");
        // Not from a trusted proxy: the header is the client's own invention.
        assertThat(a.of("192.0.2.1", List.of("203.0.113.5"))).isEqualTo("192.0.2.1");
    }

    @Test
    void trustedHopsAreSkippedFromTheRight() {
        ClientAddress a = new ClientAddress(true, Optional.of(List.of("10.0.0.1", "10.0.0.2", "::1")));
        assertThat(a.of("10.0.0.1", List.of("6.6.6.6, 203.0.113.5, 10.0.0.2"))).isEqualTo("203.0.113.5");
        assertThat(a.of("::1", List.of("[2001:db8::7]:443"))).isEqualTo("2001:db8::7");
        assertThat(a.of("10.0.0.1", List.of("10.0.0.2"))).isEqualTo("10.0.0.2");
    }

    @Test
    void withoutAListThePeerIsTheOneProxy() {
        ClientAddress a = new ClientAddress(true, Optional.empty());
        assertThat(a.of("10.0.0.9", List.of("6.6.6.6, 203.0.113.5"))).isEqualTo("203.0.113.5");
    }

    @Test
    void theRuleAdmitsWhileWrongAndPendingStayBelowTheLimit() {
        assertThat(SignInThrottle.decide(0, 9, 10)).isEqualTo(SignInThrottle.Verdict.ADMIT);
        assertThat(SignInThrottle.decide(3, 7, 10)).isEqualTo(SignInThrottle.Verdict.BUSY);
        assertThat(SignInThrottle.decide(10, 0, 10)).isEqualTo(SignInThrottle.Verdict.THROTTLED);
    }
}
