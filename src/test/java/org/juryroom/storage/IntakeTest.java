package org.juryroom.storage;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.juryroom.storage.StorageFixtures.Account;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.juryroom.storage.StorageFixtures.competition;
import static org.juryroom.storage.StorageFixtures.count;
import static org.juryroom.storage.StorageFixtures.sample;
import static org.juryroom.storage.StorageFixtures.school;
import static org.juryroom.storage.StorageFixtures.upload;

/** Every intake rule through the HTTP API: a clear problem, nothing stored, no temp file left. */
@QuarkusTest
class IntakeTest {

    static final Path UPLOADS = Path.of("target/juryroom-uploads");
    static final Path WORK = Path.of("target/juryroom-work");

    @Test
    void typeComesFromTheContentNotTheNameOrTheClientsContentType() throws Exception {
        long cid = competition();
        Account school = school();
        byte[] zip = zip();
        byte[] jpeg = sample("posters/poster-01.jpg");
        byte[] php = "<?php system($_GET['c']); ?>".getBytes(StandardCharsets.UTF_8);
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8);
        byte[] html = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        record Case(String name, byte[] bytes) {
        }
        for (Case c : List.of(new Case("poster.png", zip), new Case("a.jpg.php", jpeg), new Case("a.php%00.jpg", php),
                new Case("poster.svg", svg), new Case("poster.jpg", svg),
                new Case("poster.png", html), new Case("poster.jpg", exe), new Case("poster.jpeg.exe", exe),
                // A real JPEG under a name that hides a script extension is refused all the same.
                new Case("a.php%00.jpg", jpeg), new Case("a.php.jpg", jpeg))) {
            upload(school, cid, "poster", c.name(), c.bytes()).then().statusCode(415)
                    .contentType("application/problem+json").body("status", equalTo(415));
        }
        // A raw NUL in a name is refused before any content is looked at, as in every text field (422).
        for (byte[] bytes : List.of(php, jpeg)) {
            upload(school, cid, "poster", "a.php\u0000.jpg", bytes).then().statusCode(422)
                    .contentType("application/problem+json").body("violations[0].field", equalTo("files"));
        }
        assertNothingStoredFor(school);
    }

    @Test
    void aFileOverTheCategoryLimitIs413WithTheLimit() throws Exception {
        long cid = competition(60_000, 10, null);
        Account school = school();
        upload(school, cid, "poster", "big.jpg", sample("posters/poster-03-phone-gps.jpg")).then().statusCode(413)
                .body("limitBytes", equalTo(60_000));
        assertNothingStoredFor(school);
    }

    @Test
    void aChunkedUploadWithoutContentLengthIsMeasuredToo() throws Exception {
        long cid = competition(60_000, 10, null);
        Account school = school();
        HttpResponse<String> response = StorageFixtures.postRaw(cid, school, StorageFixtures.entryJson("poster"),
                "big.jpg", sample("posters/poster-03-phone-gps.jpg"), true);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"limitBytes\":60000");
        assertNothingStoredFor(school);
    }

    @Test
    void pixelFloodsAreRefusedBeforeDecoding() throws Exception {
        long cid = competition();
        Account school = school();
        upload(school, cid, "poster", "flood.png", org.juryroom.storage.scrub.PrivacyScrubberTestAccess.pngHeaderOnly(60000, 60000))
                .then().statusCode(422).body("rule", equalTo("pixel-limit")).body("detail", containsString("60000"));
        assertNothingStoredFor(school);
    }

    @Test
    void corruptAndTruncatedImagesAre422() throws Exception {
        long cid = competition();
        Account school = school();
        byte[] jpeg = sample("posters/poster-01.jpg");
        byte[] png = sample("posters/poster-07.png");
        upload(school, cid, "poster", "cut.jpg", java.util.Arrays.copyOf(jpeg, jpeg.length / 2)).then().statusCode(422);
        upload(school, cid, "poster", "cut.png", java.util.Arrays.copyOf(png, png.length / 2)).then().statusCode(422);
        byte[] garbled = png.clone();
        for (int i = 200; i < garbled.length - 20; i += 7) {
            garbled[i] ^= 0x5A;
        }
        upload(school, cid, "poster", "garbled.png", garbled).then().statusCode(422);
        assertNothingStoredFor(school);
    }

    @Test
    void pdfsWithActiveContentOrEncryptionAre422NamingTheRule() throws Exception {
        long cid = competition();
        Account school = school();
        upload(school, cid, "essay", "a.pdf", TestPdfs.encrypted()).then().statusCode(422).body("rule", equalTo("pdf-encrypted"));
        upload(school, cid, "essay", "a.pdf", TestPdfs.withJavaScript()).then().statusCode(422).body("rule", equalTo("pdf-javascript"));
        upload(school, cid, "essay", "a.pdf", TestPdfs.withLaunchAction()).then().statusCode(422).body("rule", equalTo("pdf-launch-action"));
        upload(school, cid, "essay", "a.pdf", TestPdfs.withEmbeddedFile()).then().statusCode(422).body("rule", equalTo("pdf-embedded-file"));
        assertNothingStoredFor(school);
    }

    @Test
    void videosAreCheckedByContainerStructure() throws Exception {
        long cid = competition();
        Account school = school();
        byte[] mp4 = sample("videos/video-01-location.mp4");
        byte[] broken = java.util.Arrays.copyOf(mp4, mp4.length - 1000); // the last box no longer fits
        upload(school, cid, "video", "v.mp4", broken).then().statusCode(422);
        upload(school, cid, "video", "v.webm", mp4).then().statusCode(415);
        upload(school, cid, "video", "v.mp4", sample("videos/video-02-testpattern.webm")).then().statusCode(415);
        assertNothingStoredFor(school);
        upload(school, cid, "video", "v.mp4", mp4).then().statusCode(201);
    }

    @Test
    void aChecksumThatDoesNotMatchTheBytesIsRefused() throws Exception {
        long cid = competition();
        Account school = school();
        byte[] jpeg = sample("posters/poster-01.jpg");
        school.api().multiPart("entry", StorageFixtures.entryJson("poster"), "application/json")
                .multiPart("files", "p.jpg", jpeg, "image/jpeg")
                .multiPart("sha256", "0".repeat(64))
                .post("/api/competitions/" + cid + "/entries").then().statusCode(422).body("rule", equalTo("checksum"));
        assertNothingStoredFor(school);
        school.api().multiPart("entry", StorageFixtures.entryJson("poster"), "application/json")
                .multiPart("files", "p.jpg", jpeg, "image/jpeg")
                .multiPart("sha256", sha256(jpeg))
                .post("/api/competitions/" + cid + "/entries").then().statusCode(201)
                .body("files[0].sha256", equalTo(sha256(jpeg)));
    }

    @Test
    void onlyASanitisedDisplayNameIsKeptAndDownloadsAreAttachments() throws Exception {
        long cid = competition();
        Account school = school();
        String name = "../../etc/\u0007Riya's\u202e poster final.jpg";
        long eid = upload(school, cid, "poster", name, sample("posters/poster-01.jpg")).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        String stored = school.api().get("/api/entries/" + eid).then().extract().jsonPath().getString("files[0].name");
        assertThat(stored).doesNotContain("/", "\u0007", "\u202e", "\"").endsWith(".jpg").startsWith("_Riya");
        long fid = school.api().get("/api/entries/" + eid).then().extract().jsonPath().getLong("files[0].id");
        school.api().get("/api/entries/" + eid + "/files/" + fid).then().statusCode(200)
                .header("Content-Disposition", startsWith("attachment; "))
                .header("Content-Disposition", containsString("filename*=UTF-8''"));
        String longName = "x".repeat(500) + ".jpg";
        long eid2 = upload(school, cid, "poster", longName, sample("posters/poster-01.jpg")).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        assertThat(school.api().get("/api/entries/" + eid2).then().extract().jsonPath().getString("files[0].name"))
                .hasSizeLessThanOrEqualTo(120).endsWith(".jpg");
    }

    @Test
    void schoolQuotasAre409WithTheLimit() throws Exception {
        long cid = competition(20L << 20, 1, null);
        Account school = school();
        upload(school, cid, "poster", "a.jpg", sample("posters/poster-01.jpg")).then().statusCode(201);
        upload(school, cid, "poster", "b.jpg", sample("posters/poster-02.jpg")).then().statusCode(409)
                .body("limit", equalTo(1));

        long small = competition(20L << 20, 10, 100_000L);
        Account other = school();
        upload(other, small, "poster", "a.jpg", sample("posters/poster-01.jpg")).then().statusCode(201); // 57 kB
        upload(other, small, "poster", "b.jpg", sample("posters/poster-02.jpg")).then().statusCode(409)
                .body("limitBytes", equalTo(100_000));
    }

    @Test
    void noTempFileIsLeftAfterARejection() throws Exception {
        long cid = competition();
        Account school = school();
        List<String> uploadsBefore = list(UPLOADS);
        List<String> workBefore = list(WORK);
        upload(school, cid, "poster", "cut.jpg", java.util.Arrays.copyOf(sample("posters/poster-03-phone-gps.jpg"), 30_000))
                .then().statusCode(422);
        upload(school, cid, "essay", "a.pdf", TestPdfs.withJavaScript()).then().statusCode(422);
        upload(school, cid, "poster", "poster.png", zip()).then().statusCode(415);
        assertThat(list(UPLOADS)).isEqualTo(uploadsBefore);
        assertThat(list(WORK)).isEqualTo(workBefore);
        upload(school, cid, "poster", "ok.jpg", sample("posters/poster-03-phone-gps.jpg")).then().statusCode(201);
        assertThat(list(WORK)).isEqualTo(workBefore);
    }

    private static List<String> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void assertNothingStoredFor(Account school) throws Exception {
        assertThat(count("select count(*) from entry_file f join entry e on e.id = f.entry_id where e.school_id = ?",
                school.id())).isZero();
        assertThat(count("select count(*) from entry where school_id = ?", school.id())).isZero();
    }

    static byte[] zip() throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("evil.php"));
            zip.write("<?php ?>".getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
