package org.juryroom.storage;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.juryroom.storage.StorageFixtures.Account;
import org.juryroom.storage.scrub.HostilePdfs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.juryroom.storage.StorageFixtures.competition;
import static org.juryroom.storage.StorageFixtures.count;
import static org.juryroom.storage.StorageFixtures.download;
import static org.juryroom.storage.StorageFixtures.objectsOf;
import static org.juryroom.storage.StorageFixtures.organiser;
import static org.juryroom.storage.StorageFixtures.sample;
import static org.juryroom.storage.StorageFixtures.school;
import static org.juryroom.storage.StorageFixtures.stream;
import static org.juryroom.storage.StorageFixtures.unfinishedUploadsOf;
import static org.juryroom.storage.StorageFixtures.upload;

/**
 * Hostile PDFs uploaded by a school to an essay category, through both upload paths: each is
 * refused with 422 naming its rule and leaves no row, object, multipart upload or work file, or
 * it is accepted and everyone but the organiser gets a rebuilt copy with nothing active in it.
 */
@QuarkusTest
class HostilePdfTest {

    static Map<String, byte[]> refused() throws Exception {
        byte[] essay = sample("essays/essay-01.pdf");
        Map<String, byte[]> cases = new LinkedHashMap<>();
        cases.put("pdf-javascript", HostilePdfs.deepJavaScript(70));
        cases.put("pdf-xfa", HostilePdfs.xfaWithScript());
        cases.put("pixel-limit", HostilePdfs.pixelBomb(20000, 20000));
        cases.put("pdf-too-complex", HostilePdfs.deflateBomb(HostilePdfs.BombIn.IMAGE, 200));
        cases.put("pdf-truncated", Arrays.copyOf(essay, essay.length / 2));
        cases.put("pdf-too-deep", HostilePdfs.nestedResources(150));
        cases.put("pdf-page-size", HostilePdfs.pageOfSize(20000, 10));
        return cases;
    }

    @Test
    void eachHostilePdfIs422WithItsRuleAndNothingOfItIsKept() throws Exception {
        long cid = competition();
        Account school = school();
        List<String> work = list(IntakeTest.WORK);
        for (Map.Entry<String, byte[]> c : refused().entrySet()) {
            upload(school, cid, "essay", "essay.pdf", c.getValue()).then().statusCode(422)
                    .contentType("application/problem+json").body("rule", equalTo(c.getKey()));
        }
        upload(school, cid, "essay", "essay.pdf", HostilePdfs.unreferencedJavaScript("/Java#53cript")).then()
                .statusCode(422).body("rule", equalTo("pdf-javascript"));
        assertThat(count("select count(*) from entry where school_id = ?", school.id())).isZero();
        assertThat(list(IntakeTest.WORK)).isEqualTo(work);

        // The same files streamed into an existing essay entry, with and without a length.
        long eid = upload(school, cid, "essay", "essay.pdf", sample("essays/essay-01.pdf")).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        List<String> objects = objectsOf(eid);
        for (Map.Entry<String, byte[]> c : refused().entrySet()) {
            for (boolean chunked : new boolean[] {false, true}) {
                JsonPath problem = StreamingUploadTest.assertRefused(stream(school, eid, "essay.pdf", c.getValue(), chunked), 422);
                assertThat(problem.getString("rule")).isEqualTo(c.getKey());
            }
        }
        assertThat(count("select count(*) from entry_file where entry_id = ?", eid)).isOne();
        assertThat(objectsOf(eid)).isEqualTo(objects);
        assertThat(unfinishedUploadsOf(eid)).isEmpty();
        assertThat(list(IntakeTest.WORK)).isEqualTo(work);
    }

    @Test
    void anEssayFullOfActiveContentReachesReadersAsAPlainRebuiltCopy() throws Exception {
        long cid = competition();
        Account school = school();
        byte[] hostile = HostilePdfs.everythingActiveButRefusable();
        var created = upload(school, cid, "essay", "essay.pdf", hostile).then().statusCode(201).extract().jsonPath();
        String file = "/api/entries/" + created.getLong("id") + "/files/" + created.getLong("files[0].id");
        byte[] clean = download(school.api(), file);
        assertThat(HostilePdfs.activeInBytes(clean)).isEmpty();
        assertThat(HostilePdfs.activeParsed(clean)).isEmpty();
        assertThat(HostilePdfs.text(clean)).contains("Hello from an essay", "inside a form");
        assertThat(HostilePdfs.pageCount(clean)).isEqualTo(1);
        assertThat(download(school.api(), file + "/thumbnail")).isNotEmpty();
        assertThat(download(organiser(), file + "/original")).isEqualTo(hostile);
    }

    private static List<String> list(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
