package org.juryroom.web;

import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.juryroom.embedded.EmbeddedServices;
import org.juryroom.storage.scrub.HostilePdfs;
import org.juryroom.support.RealStack;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The viewer's preview renders a stored clean copy with the intake's bounds: a copy stored before
 * intake rebuilt PDFs (here one is swapped into the store) that would exhaust memory gets a 422.
 */
@QuarkusTest
class PdfPreviewLimitsTest {

    @Test
    void aStoredCopyWithAnImageOverThePixelLimitIs422NotAnOutOfMemoryError() throws Exception {
        long cid = Fixtures.openCompetition(Fixtures.unique("Preview Limits"), 3);
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Preview School"));
        long eid = Fixtures.submittedEntry(school, cid, "essay", "Essay", List.of("Asha"), "essays/essay-01.pdf");
        long fid = Fixtures.organiser().get("/api/entries/" + eid).jsonPath().getLong("files[0].id");
        WebSession web = WebSession.signIn("organiser", RealStack.ORGANISER_PASSWORD);
        String preview = "/files/" + eid + "/" + fid + "/preview";
        assertThat(web.get(preview).statusCode()).as("the real copy").isEqualTo(200);

        byte[] bomb = HostilePdfs.pixelBomb(20000, 20000);
        String cleanKey;
        try (Connection c = DriverManager.getConnection(RealStack.services().jdbcUrl(), "postgres", "postgres");
             var s = c.prepareStatement("select clean_key from entry_file where id = ?")) {
            s.setLong(1, fid);
            try (var r = s.executeQuery()) {
                r.next();
                cleanKey = r.getString(1);
            }
        }
        assertThat(cleanKey).as("a rebuilt essay has its own clean copy").isNotNull();
        // Under a new key, as a copy made by an older intake would be; the old key's preview is cached.
        String oldKey = cleanKey + "-legacy";
        MinioClient.builder().endpoint("http://127.0.0.1:" + RealStack.services().s3Port())
                .credentials(EmbeddedServices.ACCESS_KEY, EmbeddedServices.SECRET_KEY).build()
                .putObject(PutObjectArgs.builder().bucket("juryroom-test").object(oldKey)
                        .stream(new ByteArrayInputStream(bomb), bomb.length, -1).build());
        try (Connection c = DriverManager.getConnection(RealStack.services().jdbcUrl(), "postgres", "postgres");
             var s = c.prepareStatement("update entry_file set clean_key = ? where id = ?")) {
            s.setString(1, oldKey);
            s.setLong(2, fid);
            s.executeUpdate();
        }
        Response refused = web.get(preview);
        assertThat(refused.statusCode()).isEqualTo(422);
    }
}
