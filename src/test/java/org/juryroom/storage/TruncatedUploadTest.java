package org.juryroom.storage;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.juryroom.storage.StorageFixtures.Account;
import org.juryroom.storage.scrub.TruncatedFilesTest;
import org.juryroom.support.TestWebps;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.juryroom.storage.StorageFixtures.count;
import static org.juryroom.storage.StorageFixtures.objectsOf;
import static org.juryroom.storage.StorageFixtures.sample;
import static org.juryroom.storage.StorageFixtures.school;
import static org.juryroom.storage.StorageFixtures.stream;
import static org.juryroom.storage.StorageFixtures.upload;

/**
 * A cut-off or damaged upload of any format, streamed to {@code POST /api/entries/{eid}/files},
 * is a 4xx problem document (never a 500) and leaves no row and no object behind.
 */
@QuarkusTest
class TruncatedUploadTest {

    private static final Map<String, String> CATEGORY = Map.of("image/jpeg", "poster", "image/png", "poster",
            "image/webp", "poster", "application/pdf", "essay", "video/mp4", "video");
    private static final Map<String, String> NAME = Map.of("image/jpeg", "cut.jpg", "image/png", "cut.png",
            "image/webp", "cut.webp", "application/pdf", "cut.pdf", "video/mp4", "cut.mp4");
    private static final Map<String, String> FIRST_FILE = Map.of("poster", "posters/poster-01.jpg",
            "essay", "essays/essay-01.pdf", "video", "videos/video-01-location.mp4");

    @Test
    void aCutOffFileOfEveryFormatIsA4xxAndNothingIsKept() throws Exception {
        long cid = StorageFixtures.competition();
        Account school = school();
        Map<String, Long> entries = new java.util.HashMap<>();
        for (Map.Entry<String, byte[]> sample : TruncatedFilesTest.samples().entrySet()) {
            String category = CATEGORY.get(sample.getKey());
            long eid = entries.computeIfAbsent(category, c -> entry(school, cid, c));
            List<String> objects = objectsOf(eid);
            byte[] whole = sample.getValue();
            for (int cut : TruncatedFilesTest.cuts(whole.length, 4, 20260502L)) {
                assertRefusedWithNothingKept(stream(school, eid, NAME.get(sample.getKey()), Arrays.copyOf(whole, cut),
                        cut % 2 == 0), sample.getKey() + " cut at " + cut, eid, objects);
            }
        }
        long poster = entries.get("poster");
        assertRefusedWithNothingKept(stream(school, poster, "blank.webp", TestWebps.headerOnly(300, 200), false),
                "a WebP header without an image", poster, objectsOf(poster));
    }

    static void assertRefusedWithNothingKept(HttpResponse<String> response, String what, long eid, List<String> objects)
            throws Exception {
        assertThat(response.statusCode()).as(what + ": " + response.body()).isBetween(400, 499);
        assertThat(response.headers().firstValue("Content-Type")).as(what)
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(count("select count(*) from entry_file where entry_id = ?", eid)).as(what).isOne();
        assertThat(objectsOf(eid)).as(what).containsExactlyInAnyOrderElementsOf(objects);
        assertThat(StorageFixtures.unfinishedUploadsOf(eid)).as(what).isEmpty();
    }

    private static long entry(Account school, long cid, String category) {
        try {
            return upload(school, cid, category, "first." + FIRST_FILE.get(category).replaceAll(".*\\.", ""),
                    sample(FIRST_FILE.get(category))).then().statusCode(201).extract().jsonPath().getLong("id");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
