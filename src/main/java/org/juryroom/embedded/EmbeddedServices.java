package org.juryroom.embedded;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.blobstore.BlobStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The zero-setup stack: a real PostgreSQL (zonky binaries), a real S3 protocol server
 * (S3Proxy on a filesystem backend) and a real SMTP server (GreenMail, which keeps what it receives
 * in memory), all on free loopback ports, with the data of the first two under one directory so that
 * a restart finds everything where it was. Used by the embedded/dev mode
 * and by the test suite; production code never touches this package.
 */
public final class EmbeddedServices implements AutoCloseable {

    public static final String ACCESS_KEY = "juryroom-embedded";
    public static final String SECRET_KEY = "juryroom-embedded-secret";

    private final Path dataDir;
    private final EmbeddedPostgres postgres;
    private final BlobStore blobStore;
    private S3Proxy s3;
    private int s3Port;
    private GreenMail smtp;
    private int smtpPort;

    /** The sender address of the embedded mode's mails. */
    public static final String MAIL_FROM = "JuryRoom <juryroom@localhost>";

    private EmbeddedServices(Path dataDir, EmbeddedPostgres postgres, BlobStore blobStore) {
        this.dataDir = dataDir;
        this.postgres = postgres;
        this.blobStore = blobStore;
    }

    /** Starts (or restarts on existing data) PostgreSQL and the S3 server under {@code dataDir}. */
    public static EmbeddedServices start(Path dataDir) {
        return start(dataDir, Map.of());
    }

    /** As {@link #start(Path)}, PostgreSQL with these server settings (bench/BenchServices: the documented ones). */
    public static EmbeddedServices start(Path dataDir, Map<String, String> postgresSettings) {
        try {
            Path pgData = Files.createDirectories(dataDir.resolve("postgres"));
            Path objects = Files.createDirectories(dataDir.resolve("objects"));
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(true);
            postgresSettings.forEach(builder::setServerConfig);
            EmbeddedPostgres pg = builder.start();
            EmbeddedServices services = new EmbeddedServices(dataDir, pg, fileBlobStore(objects));
            services.startS3(0);
            services.startSmtp(0);
            return services;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded services under " + dataDir, e);
        }
    }

    private static BlobStore fileBlobStore(Path baseDir) {
        Properties props = new Properties();
        props.setProperty("jclouds.filesystem.basedir", baseDir.toString());
        props.setProperty("jclouds.identity", ACCESS_KEY);
        props.setProperty("jclouds.credential", SECRET_KEY);
        try {
            return org.gaul.s3proxy.BlobStores.create("filesystem", props);
        } catch (Exception e) {
            throw new IllegalStateException("could not open the object directory " + baseDir, e);
        }
    }

    /** Starts the S3 server; port 0 picks a free one. Tests stop and restart it on the same port. */
    public synchronized void startS3(int port) {
        if (s3 != null) {
            return;
        }
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(blobStore)
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        try {
            proxy.start();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!"STARTED".equals(proxy.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("S3 server did not start: " + proxy.getState());
                }
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the S3 server", e);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the S3 server", e);
        }
        s3 = proxy;
        s3Port = proxy.getPort();
    }

    public synchronized void stopS3() {
        if (s3 == null) {
            return;
        }
        try {
            s3.stop();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the S3 server", e);
        }
        s3 = null;
    }

    /** Starts the SMTP server; port 0 picks a free one. Tests stop and restart it on the same port. */
    public synchronized void startSmtp(int port) {
        if (smtp != null) {
            return;
        }
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail server = new GreenMail(port == 0 ? setup.dynamicPort() : setup);
        server.start();
        smtp = server;
        smtpPort = server.getSmtp().getPort();
    }

    /** Stops the SMTP server; what it had received is gone with it. */
    public synchronized void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
            smtp = null;
        }
    }

    /** The running SMTP server (its received messages), or null while it is stopped. */
    public synchronized GreenMail smtp() {
        return smtp;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int s3Port() {
        return s3Port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public int postgresPort() {
        return postgres.getPort();
    }

    /** The Quarkus configuration that points the app at these services. */
    public Map<String, String> quarkusConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", jdbcUrl());
        config.put("quarkus.datasource.username", "postgres");
        config.put("quarkus.datasource.password", "postgres");
        config.put("quarkus.minio.host", "http://127.0.0.1");
        config.put("quarkus.minio.port", Integer.toString(s3Port));
        config.put("quarkus.minio.secure", "false");
        config.put("quarkus.minio.access-key", ACCESS_KEY);
        config.put("quarkus.minio.secret-key", SECRET_KEY);
        config.put("quarkus.mailer.host", "127.0.0.1");
        config.put("quarkus.mailer.port", Integer.toString(smtpPort));
        config.put("quarkus.mailer.from", MAIL_FROM);
        return config;
    }

    @Override
    public void close() {
        stopSmtp();
        stopS3();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
