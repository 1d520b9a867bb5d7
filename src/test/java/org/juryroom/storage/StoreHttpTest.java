package org.juryroom.storage;

import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store's HTTP clients: plain HTTP without TLS, HTTPS with it set up once, MinIO's timeouts either way. */
class StoreHttpTest {

    @Test
    void aPlainHttpStoreGetsAClientWithoutTls() {
        OkHttpClient plain = StoreHttp.shared(false);
        assertThat(plain.connectionSpecs()).containsExactly(ConnectionSpec.CLEARTEXT);
        assertThatThrownBy(plain::sslSocketFactory).as("no TLS set up").isInstanceOf(IllegalStateException.class);
        assertThat(StoreHttp.shared(false)).isSameAs(plain);
        assertMinioSettings(plain);
    }

    @Test
    void anHttpsStoreGetsTlsSetUpOnce() {
        OkHttpClient tls = StoreHttp.shared(true);
        assertThat(tls.connectionSpecs()).anyMatch(ConnectionSpec::isTls);
        assertThat(tls.sslSocketFactory()).isNotNull();
        assertThat(StoreHttp.shared(true)).isSameAs(tls);
        assertMinioSettings(tls);
    }

    @Test
    void eachMinioClientGetsItsOwnDispatcherOverTheSharedConnections() {
        StoreHttp producer = new StoreHttp(true);
        OkHttpClient first = producer.apply("<default>").orElseThrow();
        OkHttpClient second = producer.apply("<default>").orElseThrow();
        assertThat(first.dispatcher()).isNotSameAs(second.dispatcher()).isNotSameAs(StoreHttp.shared(true).dispatcher());
        assertThat(first.connectionPool()).isSameAs(second.connectionPool())
                .isSameAs(StoreHttp.shared(true).connectionPool());
        assertThat(first.sslSocketFactory()).isSameAs(StoreHttp.shared(true).sslSocketFactory());
        assertThat(new StoreHttp(false).apply("<default>").orElseThrow().connectionSpecs())
                .containsExactly(ConnectionSpec.CLEARTEXT);
    }

    private static void assertMinioSettings(OkHttpClient client) {
        int timeout = (int) StoreHttp.TIMEOUT.toMillis();
        assertThat(List.of(client.connectTimeoutMillis(), client.writeTimeoutMillis(), client.readTimeoutMillis()))
                .containsOnly(timeout);
        assertThat(timeout).isEqualTo(5 * 60 * 1000);
        assertThat(client.protocols()).containsExactly(Protocol.HTTP_1_1);
    }
}
