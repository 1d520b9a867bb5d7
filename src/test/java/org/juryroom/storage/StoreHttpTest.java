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
    void aPlainHttpStoreGetsAClientWithoutTls() throws Exception {
        OkHttpClient plain = StoreHttp.shared(false);
        assertThat(plain.connectionSpecs()).containsExactly(ConnectionSpec.CLEARTEXT);
        assertThatThrownBy(plain::sslSocketFactory).as("no TLS set up").isInstanceOf(IllegalStateException.class);
        assertThat(StoreHttp.shared(false)).isSameAs(plain);
        assertMinioSettings(plain);
    }

    @Test
    void anHttpsStoreGetsTlsSetUpOnce() throws Exception {
        OkHttpClient tls = StoreHttp.shared(true);
        assertThat(tls.connectionSpecs()).anyMatch(ConnectionSpec::isTls);
        assertThat(tls.sslSocketFactory()).isNotNull();
        assertThat(StoreHttp.shared(true)).isSameAs(tls);
        assertMinioSettings(tls);
    }

    @Test
    void eachMinioClientGetsItsOwnDispatcherOverTheSharedConnections() {
        OkHttpClient base = StoreHttp.shared(true);
        OkHttpClient first = StoreHttp.forClient(true);
        OkHttpClient second = StoreHttp.forClient(true);
        assertThat(first.dispatcher()).isNotSameAs(second.dispatcher()).isNotSameAs(base.dispatcher());
        assertThat(first.connectionPool()).isSameAs(second.connectionPool()).isSameAs(base.connectionPool());
        assertThat(first.sslSocketFactory()).isSameAs(base.sslSocketFactory());
        assertThat(StoreHttp.forClient(false).connectionSpecs()).containsExactly(ConnectionSpec.CLEARTEXT);
        assertThat(StoreHttp.forClient(false).connectionPool()).isSameAs(StoreHttp.shared(false).connectionPool());
    }

    private static void assertMinioSettings(OkHttpClient client) throws Exception {
        // MinIO's own default, read from MinIO rather than written here again.
        var field = io.minio.S3Base.class.getDeclaredField("DEFAULT_CONNECTION_TIMEOUT");
        field.setAccessible(true);
        int timeout = (int) field.getLong(null);
        assertThat(List.of(client.connectTimeoutMillis(), client.writeTimeoutMillis(), client.readTimeoutMillis()))
                .containsOnly(timeout);
        assertThat(client.protocols()).containsExactly(Protocol.HTTP_1_1);
    }
}
