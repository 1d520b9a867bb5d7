package org.juryroom.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.juryroom.embedded.EmbeddedServices;

/**
 * Trains the production package's class-data archive on a real start; a build step (pom, execution
 * {@code train-archive}, after Quarkus' build). Quarkus' own archive ({@code quarkus.package.jar.appcds}) comes from a
 * start that stops after static initialisation, so the classes of the runtime start (Hibernate ORM's boot, Flyway,
 * Qute, the routes: about 10,000) were read from the jars and verified at every start. Here the package starts on the
 * embedded services, once to migrate an empty database and once on the migrated one, as a production restart does,
 * serves a few pages and is stopped; the JVM writes every class it loaded ({@code -XX:ArchiveClassesAtExit}), and
 * that archive replaces {@code app-cds.jsa}. If anything fails, Quarkus' archive stays and one line says why.
 * {@code java -cp <test class path> org.juryroom.bench.ArchiveTraining target/quarkus-app}
 */
public final class ArchiveTraining {

    static final String ARCHIVE = "app-cds.jsa";

    /** Anonymous pages whose classes a first visitor needs: sign-in, the public result's API, health. */
    private static final List<String> PAGES = List.of("/login", "/", "/api/public/competitions/1/shortlist",
            "/q/health/ready");

    private ArchiveTraining() {
    }

    public static void main(String[] args) throws Exception {
        Path app = Path.of(args.length > 0 ? args[0] : "target/quarkus-app").toAbsolutePath();
        Path archive = app.resolve(ARCHIVE);
        if (!Files.exists(archive)) {
            System.out.println("[archive training] no " + archive + " (class-data archive disabled): nothing to train");
            return;
        }
        Path work = Files.createTempDirectory("juryroom-archive-training-");
        long t0 = System.nanoTime();
        try (EmbeddedServices services = EmbeddedServices.start(work.resolve("data"),
                BenchServices.settings(Files.readString(Path.of(BenchServices.DOCUMENTED_SETTINGS))))) {
            int[] ports = {services.postgresPort(), services.s3Port(), services.smtpPort()};
            List<String> jvm = trainingOptions(Files.readAllLines(app.resolve("juryroom.jvm")));
            Files.write(work.resolve("training.jvm"), jvm);
            Path trained = work.resolve(ARCHIVE);
            run(app, work, ports, "migrate", null);
            run(app, work, ports, "train", trained);
            if (!Files.isRegularFile(trained) || Files.size(trained) == 0) {
                throw new IllegalStateException("the JVM wrote no archive: " + tail(work.resolve("train.log")));
            }
            long quarkus = Files.size(archive);
            Files.move(trained, archive, StandardCopyOption.REPLACE_EXISTING);
            System.out.printf(Locale.ROOT, "[archive training] %s trained on a start on a migrated database: %d MiB "
                    + "(Quarkus' static-init archive: %d MiB), in %.0f s%n", archive, Files.size(archive) >> 20,
                    quarkus >> 20, (System.nanoTime() - t0) / 1e9);
        } catch (Exception e) {
            System.out.println("[archive training] WARNING: not trained, Quarkus' archive stays (" + e + ")");
        } finally {
            delete(work);
        }
    }

    /** The documented options without their archive: an archive is written on top of the JDK's base one. */
    static List<String> trainingOptions(List<String> documented) {
        List<String> options = new ArrayList<>();
        for (String line : documented) {
            String option = line.strip();
            if (!option.isEmpty() && !option.startsWith("#") && !option.startsWith("-XX:SharedArchiveFile=")) {
                options.add(option);
            }
        }
        return options;
    }

    /** One start of the package to ready; with {@code archive}, a few pages, then SIGTERM and the archive's dump. */
    private static void run(Path app, Path work, int[] ports, String label, Path archive) throws Exception {
        int port = ApiBenchmark.freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + work.resolve("training.jvm")));
        if (archive != null) {
            command.add("-XX:ArchiveClassesAtExit=" + archive);
        }
        command.addAll(List.of("-Dquarkus.http.port=" + port,
                "-Djava.io.tmpdir=" + Files.createDirectories(work.resolve("tmp")), "-jar", "quarkus-run.jar"));
        ProcessBuilder pb = new ProcessBuilder(command).directory(app.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve(label + ".log").toFile());
        BenchServices.productionEnvironment(pb.environment(), ports, port, "archive-training-session-key-0123456789");
        Process process = pb.start();
        try {
            ApiBenchmark.awaitReady(process, port);
            if (archive != null) {
                HttpClient http = HttpClient.newHttpClient();
                for (String page : PAGES) {
                    http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + page)).build(),
                            HttpResponse.BodyHandlers.discarding());
                }
            }
        } finally {
            process.destroy();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(label + ": the app did not stop within 120 s");
            }
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }

    private static void delete(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
