package org.juryroom.storage;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.juryroom.storage.StorageFixtures.Account;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.juryroom.storage.StorageFixtures.competition;
import static org.juryroom.storage.StorageFixtures.db;
import static org.juryroom.storage.StorageFixtures.sample;
import static org.juryroom.storage.StorageFixtures.school;
import static org.juryroom.storage.StorageFixtures.upload;

/**
 * Every upload path (a new entry's files, files added as multipart, a file streamed as the body) leaves one
 * FILE_ADDED line per file, written in the transaction that marks the file STORED, under the entry's lock:
 * so an erasure (or a guardian's withdrawal) that comes after it finds the line and scrubs the file's name
 * from it, and none can come between the file being kept and its line being written.
 */
@QuarkusTest
class UploadAuditTest {

    @AfterEach
    void hooksOff() {
        QuarkusMock.installMockForType(new StorageHooks(), StorageHooks.class);
    }

    @Test
    void everyUploadPathLeavesOneFileAddedLinePerFileAfterTheEntrysCreation() throws Exception {
        long cid = competition();
        Account school = school();
        long eid = upload(school, cid, "poster", "first.jpg", sample("posters/poster-01.jpg")).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        long added = school.api().multiPart("files", "second.jpg", sample("posters/poster-02.jpg"), "image/jpeg")
                .post("/api/entries/" + eid + "/files").then().statusCode(201).extract().jsonPath().getLong("[0].id");
        long streamed = StreamingUploadTest.created(StorageFixtures.stream(school, eid, "third.jpg",
                sample("posters/poster-01.jpg"), false)).getLong("id");

        List<String[]> trail = trail(eid);
        assertThat(trail.stream().map(l -> l[0]).toList()).containsExactly("ENTRY_CREATED", "FILE_ADDED",
                "FILE_ADDED", "FILE_ADDED");
        assertThat(trail.stream().skip(1).map(l -> l[1]).toList())
                .containsExactly("first.jpg", "second.jpg", "third.jpg");
        assertThat(trail.get(3)[2]).isEqualTo(String.valueOf(streamed));
        assertThat(trail.get(2)[2]).isEqualTo(String.valueOf(added));
    }

    @Test
    void anErasureRightAfterAFileIsKeptScrubsItsNameFromTheTrail() throws Exception {
        long cid = competition();
        Account school = school();
        long eid = upload(school, cid, "poster", "cover.jpg", sample("posters/poster-01.jpg")).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        String name = "Zorawar" + UUID.randomUUID().toString().substring(0, 6).replace("-", "") + "_poster.jpg";
        AtomicInteger erased = new AtomicInteger();
        // The organiser erases the entry the moment the file is STORED, before the upload is answered.
        QuarkusMock.installMockForType(new StorageHooks() {
            @Override
            public void afterMarkedStored(List<Long> fileIds) {
                erased.set(StorageFixtures.organiser().post("/api/entries/" + eid + "/erasure").statusCode());
            }
        }, StorageHooks.class);
        school.api().multiPart("files", name, sample("posters/poster-02.jpg"), "image/jpeg")
                .post("/api/entries/" + eid + "/files").then().statusCode(201);
        assertThat(erased.get()).isEqualTo(200);

        List<String[]> trail = trail(eid);
        assertThat(trail.stream().filter(l -> l[0].equals("FILE_ADDED")).count()).isEqualTo(2);
        try (Connection c = db(); var s = c.prepareStatement("select action, cast(before_value as text),"
                + " cast(after_value as text) from audit_event where subject_type = 'entry' and subject_id = ?")) {
            s.setLong(1, eid);
            try (var r = s.executeQuery()) {
                while (r.next()) {
                    assertThat(r.getString(2) + " " + r.getString(3)).as(r.getString(1)).doesNotContain("Zorawar");
                }
            }
        }
    }

    /** The entry's trail in order: action, the file's name and id (for file lines). */
    private static List<String[]> trail(long eid) throws Exception {
        List<String[]> lines = new ArrayList<>();
        try (Connection c = db(); var s = c.prepareStatement("select action, after_value->>'name', after_value->>'id'"
                + " from audit_event where subject_type = 'entry' and subject_id = ? and action in"
                + " ('ENTRY_CREATED', 'FILE_ADDED') order by id")) {
            s.setLong(1, eid);
            try (var r = s.executeQuery()) {
                while (r.next()) {
                    lines.add(new String[] {r.getString(1), r.getString(2), r.getString(3)});
                }
            }
        }
        return lines;
    }
}
