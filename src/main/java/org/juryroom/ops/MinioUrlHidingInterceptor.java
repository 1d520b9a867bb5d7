package org.juryroom.ops;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import jakarta.annotation.Priority;

import java.util.regex.Pattern;

/**
 * quarkus-minio 3.8 relocates its deprecated {@code quarkus.minio.url} onto {@code host}, so
 * Quarkus finds a value for {@code url} and warns on every start although only host and port are
 * set. JuryRoom configures the store by host and port only (ops/Preflight requires the host), so
 * {@code url} is answered as unset before the relocation sees it; no other warning is touched.
 */
@Priority(6000) // above the library's interceptors (default 5000): asked first
public class MinioUrlHidingInterceptor implements ConfigSourceInterceptor {

    private static final Pattern URL = Pattern.compile("quarkus\\.minio(\\..*)?\\.url");

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        return URL.matcher(name).matches() ? null : context.proceed(name);
    }
}
