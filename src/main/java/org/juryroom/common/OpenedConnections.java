package org.juryroom.common;

import io.agroal.api.AgroalPoolInterceptor;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.concurrent.atomic.AtomicLong;

/** How many connections the pool has opened so far (Quarkus applies every pool interceptor bean to the pool). */
@Singleton
public class OpenedConnections implements AgroalPoolInterceptor {

    private final AtomicLong opened = new AtomicLong();

    @Override
    public void onConnectionCreate(Connection connection) {
        opened.incrementAndGet();
    }

    public long count() {
        return opened.get();
    }
}
