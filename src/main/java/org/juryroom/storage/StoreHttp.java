package org.juryroom.storage;

import io.minio.http.HttpUtils;
import io.quarkiverse.minio.client.OptionalHttpClientProducer;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The HTTP client under every MinIO client of the app (the pre-flight check's, the store's and its
 * multipart uploader's). MinIO builds one of its own per client, and each of them sets up TLS: it reads the
 * JDK's trust store, and the {@code SSL_CERT_FILE} bundle when that is set, even for an {@code http://}
 * store. That took about 0.5 s of CPU for the first client and 0.2 s for each further one, three per start,
 * the store's two at the end of it (docs/operations.md, "Start-up time"). Here a store spoken to over
 * plain HTTP gets a client without TLS, and one over HTTPS sets TLS up once, with MinIO's own settings.
 */
@Alternative
@Priority(1)
@Singleton
public class StoreHttp implements OptionalHttpClientProducer {

    /** MinIO's own connect, write and read timeouts. */
    static final Duration TIMEOUT = Duration.ofMinutes(5);

    private static volatile OkHttpClient plain;
    private static volatile OkHttpClient tls;

    private final boolean secure;

    public StoreHttp(@ConfigProperty(name = "quarkus.minio.secure", defaultValue = "false") boolean secure) {
        this.secure = secure;
    }

    /**
     * For each client the extension builds: the shared connections and TLS set-up, and a dispatcher of its
     * own, so each client keeps MinIO's limit of concurrent calls as when it had its own HTTP client.
     */
    @Override
    public Optional<OkHttpClient> apply(String clientName) {
        return Optional.of(shared(secure).newBuilder().dispatcher(new Dispatcher()).build());
    }

    /** The shared client for a store spoken to over HTTPS ({@code tls}) or plain HTTP. */
    public static OkHttpClient shared(boolean tls) {
        OkHttpClient client = tls ? StoreHttp.tls : plain;
        if (client == null) {
            synchronized (StoreHttp.class) {
                client = tls ? StoreHttp.tls : plain;
                if (client == null) {
                    client = tls ? HttpUtils.newDefaultHttpClient(TIMEOUT.toMillis(), TIMEOUT.toMillis(), TIMEOUT.toMillis())
                            : new OkHttpClient.Builder().connectTimeout(TIMEOUT).writeTimeout(TIMEOUT).readTimeout(TIMEOUT)
                            .protocols(List.of(Protocol.HTTP_1_1)).connectionSpecs(List.of(ConnectionSpec.CLEARTEXT))
                            .build();
                    if (tls) {
                        StoreHttp.tls = client;
                    } else {
                        plain = client;
                    }
                }
            }
        }
        return client;
    }
}
