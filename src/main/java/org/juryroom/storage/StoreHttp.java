package org.juryroom.storage;

import io.minio.http.HttpUtils;
import io.quarkiverse.minio.client.MinioRuntimeConfiguration;
import io.quarkiverse.minio.client.MiniosBuildTimeConfiguration;
import io.quarkiverse.minio.client.MiniosConfiguration;
import io.quarkiverse.minio.client.OptionalHttpClientProducer;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP client under every MinIO client of the app (the pre-flight check's, the store's and its
 * multipart uploader's). MinIO builds one of its own per client, and each of them sets up TLS: it reads the
 * JDK's trust store, and the {@code SSL_CERT_FILE} bundle when that is set, even for an {@code http://}
 * store. That took about 0.5 s of CPU for the first client and 0.2 s for each further one, three per start,
 * the store's two at the end of it (docs/operations.md, "Start-up time"). Here a store spoken to over
 * plain HTTP gets a client without TLS, and one over HTTPS sets TLS up once, with MinIO's own settings.
 * The extension asks for this client only while {@code quarkus.minio.produce-metrics} is on (its default,
 * pinned in application.properties); with Micrometer on the class path it would want its own, metered one.
 */
@Alternative
@Priority(1)
@Singleton
public class StoreHttp implements OptionalHttpClientProducer {

    /** MinIO's own connect, write and read timeouts. */
    static final Duration TIMEOUT = Duration.ofMinutes(5);
    /** OkHttp keeps 5 idle connections a client; the three clients sharing this pool keep as many together. */
    static final int IDLE_CONNECTIONS = 3 * 5;

    private static volatile OkHttpClient plain;
    private static volatile OkHttpClient tls;

    private final MiniosConfiguration config;

    public StoreHttp(MiniosConfiguration config) {
        this.config = config;
    }

    /**
     * For each client the extension builds: the shared connections and TLS set-up, and a dispatcher of its
     * own, so each client keeps MinIO's limit of concurrent calls as when it had its own HTTP client. The
     * extension takes the scheme from the client's {@code secure} setting, and so does this.
     */
    @Override
    public Optional<OkHttpClient> apply(String clientName) {
        Optional<MinioRuntimeConfiguration> client = MiniosBuildTimeConfiguration.isDefault(clientName)
                ? config.minio() : Optional.ofNullable(config.namedMinioClients().get(clientName));
        return Optional.of(forClient(client.map(MinioRuntimeConfiguration::secure).orElse(true)));
    }

    /** One MinIO client's: the shared client's connections and TLS, with a dispatcher of its own. */
    static OkHttpClient forClient(boolean tls) {
        return shared(tls).newBuilder().dispatcher(new Dispatcher()).build();
    }

    /** The shared client for a store spoken to over HTTPS ({@code tls}) or plain HTTP. */
    public static OkHttpClient shared(boolean tls) {
        OkHttpClient client = tls ? StoreHttp.tls : plain;
        if (client == null) {
            synchronized (StoreHttp.class) {
                client = tls ? StoreHttp.tls : plain;
                if (client == null) {
                    OkHttpClient.Builder builder = tls
                            ? HttpUtils.newDefaultHttpClient(TIMEOUT.toMillis(), TIMEOUT.toMillis(), TIMEOUT.toMillis())
                            .newBuilder() // keeps the TLS set up there
                            : new OkHttpClient.Builder().connectTimeout(TIMEOUT).writeTimeout(TIMEOUT).readTimeout(TIMEOUT)
                            .protocols(List.of(Protocol.HTTP_1_1)).connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
                    client = builder.connectionPool(new ConnectionPool(IDLE_CONNECTIONS, 5, TimeUnit.MINUTES)).build();
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
