package org.juryroom.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.juryroom.embedded.EmbeddedServices;

/**
 * Replaces Quarkus' class-data archive, written from a start that stops after static initialisation, with one
 * trained on a whole start of the package on the embedded services (docs/operations.md, "Start-up time"). A build
 * step: the pom's {@code train-archive}. If anything fails, Quarkus' archive stays and one line on stderr says why.
 * {@code java -cp <test class path> org.juryroom.bench.ArchiveTraining target/quarkus-app}
 */
public final class ArchiveTraining {

    static final String ARCHIVE = "app-cds.jsa";

    /** What a first visitor and the load balancer ask for; the API request is answered 404 on the empty database. */
    private static final List<String> PAGES = List.of("/", "/login", "/api/public/competitions/1/shortlist",
            "/q/health/ready");

    private ArchiveTraining() {
    }

    public static void main(String[] args) {
        Path app = Path.of(args.length > 0 ? args[0] : "target/quarkus-app").toAbsolutePath();
        // Beside the archive, so that the replacement is one atomic rename and the paths it was checked with hold.
        Path trained = app.resolve(ARCHIVE + ".training");
        Path work = null;
        try {
            if (!Files.exists(app.resolve(ARCHIVE))) {
                System.out.println("[archive training] no " + app.resolve(ARCHIVE) + " (class-data archive disabled)");
                return;
            }
            Files.deleteIfExists(trained);
            work = Files.createTempDirectory("juryroom-archive-training-");
            Runtime.getRuntime().addShutdownHook(new Thread(ArchiveTraining::stopApps, "archive-training-stop"));
            long t0 = System.nanoTime();
            try (EmbeddedServices services = EmbeddedServices.start(work.resolve("data"),
                    BenchServices.settings(Files.readString(Path.of(BenchServices.DOCUMENTED_SETTINGS))))) {
                int[] ports = {services.postgresPort(), services.s3Port(), services.smtpPort()};
                Files.write(work.resolve("training.jvm"), trainingOptions(Files.readAllLines(app.resolve("juryroom.jvm"))));
                start(app, work, ports, "migrate", List.of());
                start(app, work, ports, "train", List.of("-XX:ArchiveClassesAtExit=" + trained));
                // The JVM refuses to start with -Xshare:on unless it can map the archive for this package.
                start(app, work, ports, "check", List.of("-XX:SharedArchiveFile=" + trained, "-Xshare:on"));
            }
            long quarkus = Files.size(app.resolve(ARCHIVE));
            Files.move(trained, app.resolve(ARCHIVE), StandardCopyOption.ATOMIC_MOVE);
            System.out.printf(Locale.ROOT, "[archive training] %s trained on a whole start on a migrated database: "
                    + "%d MiB (Quarkus' archive: %d MiB), in %.0f s%n", app.resolve(ARCHIVE),
                    Files.size(app.resolve(ARCHIVE)) >> 20, quarkus >> 20, (System.nanoTime() - t0) / 1e9);
        } catch (Exception | Error e) {
            System.err.println("[archive training] WARNING: not trained, Quarkus' archive stays: " + e);
        } finally {
            stopApps();
            deleteQuietly(trained);
            if (work != null) {
                deleteQuietly(work);
            }
        }
    }

    /**
     * The documented options (one or more a line, none quoted) without their archive: the training writes one on
     * top of the JDK's base archive.
     */
    static List<String> trainingOptions(List<String> documented) {
        List<String> options = new ArrayList<>();
        for (String line : documented) {
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            for (String option : content.split("\\s+")) {
                if (!option.startsWith("-XX:SharedArchiveFile=")) {
                    options.add(option);
                }
            }
        }
        return options;
    }

    /** One start of the package to ready with the training options and {@code extra}, a few pages, then SIGTERM. */
    private static void start(Path app, Path work, int[] ports, String label, List<String> extra) throws Exception {
        int port = ApiBenchmark.freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + work.resolve("training.jvm")));
        command.addAll(extra);
        command.addAll(List.of("-Dquarkus.http.port=" + port,
                "-Djava.io.tmpdir=" + Files.createDirectories(work.resolve("tmp")), "-jar", "quarkus-run.jar"));
        Path log = work.resolve(label + ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(app.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        BenchServices.productionEnvironment(pb.environment(), ports, port, "archive-training-session-key-0123456789");
        Process process = pb.start();
        try {
            ApiBenchmark.awaitReady(process, port);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            for (String page : PAGES) {
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + page))
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding());
            }
        } catch (Exception e) {
            throw new IllegalStateException(label + ": " + e.getMessage() + " (" + tail(log) + ")", e);
        } finally {
            process.destroy();
        }
        // The archive is written while the JVM exits; 143 is the exit status of a stop by SIGTERM.
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException(label + ": the app did not stop within 120 s");
        }
        if (process.exitValue() != 0 && process.exitValue() != 143) {
            throw new IllegalStateException(label + ": the app exited with " + process.exitValue() + " (" + tail(log) + ")");
        }
    }

    /** Every app this JVM started: also when Maven stops the build, so that none keeps its port. */
    private static void stopApps() {
        ProcessHandle.current().children().forEach(p -> {
            p.destroy();
            p.onExit().completeOnTimeout(null, 30, TimeUnit.SECONDS).join();
            p.destroyForcibly();
        });
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException | RuntimeException unreadable) {
            return "no log";
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            UploadBenchmark.deleteTree(path);
        } catch (IOException | RuntimeException gone) {
            // already moved into place, or a temporary directory the system clears
        }
    }
}
