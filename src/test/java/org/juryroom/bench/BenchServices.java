package org.juryroom.bench;

import org.juryroom.embedded.EmbeddedServices;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * PostgreSQL, S3 and SMTP of the embedded mode in a JVM of their own, so that the production package
 * (which does not carry them) can run against them: ApiBenchmark's production mode and the start-up
 * measurement in docs/operations.md. Prints one line with the ports, then runs until killed.
 * {@code java -cp ... org.juryroom.bench.BenchServices DATA_DIR}
 */
public final class BenchServices {

    /** The line printed once the services are up; {@link ApiBenchmark} reads the ports from it. */
    static final String READY = "Bench services: PostgreSQL %d S3 %d SMTP %d";

    private BenchServices() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedServices services = EmbeddedServices.start(Path.of(args.length > 0 ? args[0] : "data"));
        Runtime.getRuntime().addShutdownHook(new Thread(services::close, "bench-services-stop"));
        System.out.printf(READY + "%n", services.postgresPort(), services.s3Port(), services.smtpPort());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
