package org.juryroom.storage;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.GpsDirectory;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.juryroom.storage.StorageFixtures.Account;
import org.juryroom.support.TestVideos;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.juryroom.storage.StorageFixtures.competition;
import static org.juryroom.storage.StorageFixtures.db;
import static org.juryroom.storage.StorageFixtures.download;
import static org.juryroom.storage.StorageFixtures.juror;
import static org.juryroom.storage.StorageFixtures.organiser;
import static org.juryroom.storage.StorageFixtures.sample;
import static org.juryroom.storage.StorageFixtures.school;
import static org.juryroom.storage.StorageFixtures.transition;
import static org.juryroom.storage.StorageFixtures.upload;

/** What jurors, the public and organisers get: clean copies for all but the organiser's sealed original. */
@QuarkusTest
class PrivacyTest {

    @Test
    void aPhoneJpegWithGpsReachesJurorsThumbnailsAndThePublicWithoutAnyExifButTheOriginalKeepsIt() throws Exception {
        long cid = competition();
        Account school = school();
        Account juror = juror();
        byte[] original = sample("posters/poster-03-phone-gps.jpg");
        assertThat(gpsAndExif(original)).as("the sample really carries GPS").contains("GPS");
        var created = upload(school, cid, "poster", "poster-03-phone-gps.jpg", original).then().statusCode(201)
                .extract().jsonPath();
        long eid = created.getLong("id");
        long fid = created.getLong("files[0].id");
        school.api().post("/api/entries/" + eid + "/submit").then().statusCode(200);
        assign(cid, eid, juror.id());

        String file = "/api/entries/" + eid + "/files/" + fid;
        byte[] jurorCopy = download(juror.api(), file);
        byte[] jurorThumb = download(juror.api(), file + "/thumbnail");
        byte[] sealed = download(organiser(), file + "/original");
        assertThat(gpsAndExif(jurorCopy)).isEmpty();
        assertThat(gpsAndExif(jurorThumb)).isEmpty();
        assertThat(sealed).isEqualTo(original);
        assertThat(gpsAndExif(sealed)).contains("GPS");
        assertThat(ImageIO.read(new ByteArrayInputStream(jurorThumb)).getHeight()).isEqualTo(400);
        juror.api().get(file + "/original").then().statusCode(403);
        school.api().get(file + "/original").then().statusCode(403);

        // Publish: score, freeze the shortlist, publish; the public gets the clean copy and thumbnail only.
        transition(cid, "JUDGING");
        juror.api().contentType("application/json").body(Map.of("scores", Map.of("message", 8), "status", "SUBMITTED"))
                .put("/api/entries/" + eid + "/scorecard").then().statusCode(200);
        organiser().post("/api/competitions/" + cid + "/shortlist").then().statusCode(201);
        transition(cid, "PUBLISHED");
        var shortlist = given().get("/api/public/competitions/" + cid + "/shortlist").then().statusCode(200)
                .extract().jsonPath();
        String url = shortlist.getString("entries[0].files[0].url");
        String thumbUrl = shortlist.getString("entries[0].files[0].thumbnailUrl");
        byte[] publicCopy = download(given(), url);
        byte[] publicThumb = download(given(), thumbUrl);
        assertThat(gpsAndExif(publicCopy)).isEmpty();
        assertThat(gpsAndExif(publicThumb)).isEmpty();
        assertThat(publicCopy).isEqualTo(jurorCopy);
        given().get(url + "/original").then().statusCode(404);
    }

    @Test
    void pngPdfAndMp4CopiesLoseTheirAuthorsAndPlaces() throws Exception {
        long cid = competition();
        Account school = school();
        String png = cleanCopy(school, cid, "poster", "posters/poster-08-png-author-exif-gps.png");
        assertThat(png).doesNotContain("Sunita", "tEXt", "iTXt", "eXIf");
        String mp4 = cleanCopy(school, cid, "video", "videos/video-01-location.mp4");
        assertThat(mp4).doesNotContain("loci", "\u00a9xyz", "Arindam", "Kolkata");
        String pdf = cleanCopy(school, cid, "essay", "essays/essay-02-with-author.pdf");
        assertThat(ImageIO.read(new ByteArrayInputStream(download(school.api(), lastFile + "/thumbnail"))).getHeight())
                .as("first page thumbnail").isEqualTo(400);
        assertThat(pdf).doesNotContain("Sunita", "Microsoft", "Ghostscript", "/Author", "xmpmeta");
        try (PDDocument doc = Loader.loadPDF(pdf.getBytes(StandardCharsets.ISO_8859_1))) {
            assertThat(doc.getDocumentInformation().getAuthor()).isNull();
            assertThat(doc.getDocumentCatalog().getMetadata()).isNull();
        }
    }

    /**
     * An action camera's or a drone's video carries the place it was filmed second by second in a
     * timed-metadata track: the track is gone from the clean copy and its samples are zeroed where
     * they lay, the video's own chunk still points at its pictures, and the video track's title (a
     * child's name) is blank; the sealed original keeps all.
     */
    @Test
    void anMp4sGpsTelemetryTrackIsRemovedAndItsSamplesBlanked() throws Exception {
        byte[] gps = "GPS5 22.5726N 88.3639E school gate, Riya's camera".getBytes(StandardCharsets.ISO_8859_1);
        byte[] original = TestVideos.mp4WithTelemetry(gps);
        Account school = school();
        var created = upload(school, competition(), "video", "drone.mp4", original).then().statusCode(201)
                .extract().jsonPath();
        String file = "/api/entries/" + created.getLong("id") + "/files/" + created.getLong("files[0].id");
        assertThat(download(organiser(), file + "/original")).isEqualTo(original);

        byte[] clean = download(school.api(), file);
        String text = new String(clean, StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotContain("GPS5", "22.5726", "Riya's camera").contains(TestVideos.VIDEO_SAMPLE);
        assertThat(text).as("the video track's title").doesNotContain(TestVideos.VIDEO_TITLE, "Riya");
        assertThat(text.split("trak", -1)).as("one track left").hasSize(2);
        int removed = TestVideos.track(2, "meta", "", gps.length, 0).length;
        assertThat(clean).hasSize(original.length - removed); // only the track's box: the media did not move otherwise
        ByteBuffer b = ByteBuffer.wrap(clean);
        int stco = text.indexOf("stco");
        int videoAt = b.getInt(stco + 12);
        assertThat(new String(clean, videoAt, TestVideos.VIDEO_SAMPLE.length(), StandardCharsets.ISO_8859_1))
                .isEqualTo(TestVideos.VIDEO_SAMPLE);
        assertThat(java.util.Arrays.copyOfRange(clean, videoAt + TestVideos.VIDEO_SAMPLE.length(),
                videoAt + TestVideos.VIDEO_SAMPLE.length() + gps.length)).containsOnly(0);
    }

    /** Photos inside a PDF (JPEG data with EXIF and GPS, an author and a path in the image's dictionary) lose them too. */
    @Test
    void photosInsideAPdfLoseTheirExifGpsAndAuthor() throws Exception {
        byte[] pdf = org.juryroom.storage.scrub.HostilePdfs.photoEssay(StorageFixtures.SAMPLES);
        Account school = school();
        long eid = upload(school, competition(), "essay", "essay-01.pdf", sample("essays/essay-01.pdf")).then()
                .statusCode(201).extract().jsonPath().getLong("id");
        long fid = StreamingUploadTest.created(StorageFixtures.stream(school, eid, "photos.pdf", pdf, true)).getLong("id");
        String file = "/api/entries/" + eid + "/files/" + fid;
        byte[] clean = download(school.api(), file);
        assertThat(new String(clean, StandardCharsets.ISO_8859_1)).doesNotContain("Arindam", "IMG_0042", "PTEX", "Exif");
        try (PDDocument doc = Loader.loadPDF(clean)) {
            var resources = doc.getPage(0).getResources();
            var image = (org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject) resources.getXObject(
                    resources.getXObjectNames().iterator().next());
            assertThat(image.getImage().getWidth()).isEqualTo(ImageIO.read(StorageFixtures.SAMPLES.resolve(
                    "posters/poster-03-phone-gps.jpg").toFile()).getWidth());
        }
        assertThat(new String(download(organiser(), file + "/original"), StandardCharsets.ISO_8859_1))
                .contains("Arindam Dey", "Exif");
    }

    /**
     * No WebP sample ships in uploads-sample/; this one was made with
     * {@code ffmpeg -f lavfi -i color=c=orange:s=320x200 -frames:v 1 -c:v libwebp -lossless 1 p.webp} and
     * {@code exiftool -Artist="Sunita Banerjee" -GPSLatitude=22.5726 … -XMP-dc:Creator="Sunita Banerjee" p.webp}.
     */
    @Test
    void aWebpLosesItsExifGpsAndXmp() throws Exception {
        byte[] webp;
        try (var in = PrivacyTest.class.getResourceAsStream("poster-webp-gps.webp")) {
            webp = in.readAllBytes();
        }
        assertThat(gpsAndExif(webp)).contains("GPS");
        long cid = competition();
        Account school = school();
        var created = upload(school, cid, "poster", "poster.webp", webp).then().statusCode(201).extract().jsonPath();
        String file = "/api/entries/" + created.getLong("id") + "/files/" + created.getLong("files[0].id");
        byte[] clean = download(school.api(), file);
        assertThat(gpsAndExif(clean)).isEmpty();
        assertThat(new String(clean, StandardCharsets.ISO_8859_1)).doesNotContain("Sunita", "EXIF", "XMP ");
        assertThat(ImageIO.read(new ByteArrayInputStream(clean)).getWidth()).isEqualTo(320);
        assertThat(ImageIO.read(new ByteArrayInputStream(download(school.api(), file + "/thumbnail")))).isNotNull();
        assertThat(download(organiser(), file + "/original")).isEqualTo(webp);
    }

    @Test
    void fileResponsesAreSafeStreamedAttachmentsWithRangesForVideo() throws Exception {
        long cid = competition();
        Account school = school();
        var created = school.api().multiPart("entry", StorageFixtures.entryJson("video"), "application/json")
                .multiPart("files", "clip.mp4", sample("videos/video-01-location.mp4"), "text/html")
                .post("/api/competitions/" + cid + "/entries").then().statusCode(201).extract().jsonPath();
        String file = "/api/entries/" + created.getLong("id") + "/files/" + created.getLong("files[0].id");
        school.api().get(file).then().statusCode(200)
                .contentType("video/mp4") // from the content, not the client's "text/html"
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .header("Accept-Ranges", "bytes")
                .header("Content-Disposition", startsWith("attachment; "));
        byte[] whole = download(school.api(), file);
        byte[] part = school.api().header("Range", "bytes=100-199").get(file).then().statusCode(206)
                .header("Content-Range", "bytes 100-199/" + whole.length).extract().asByteArray();
        assertThat(part).isEqualTo(java.util.Arrays.copyOfRange(whole, 100, 200));
        school.api().header("Range", "bytes=" + whole.length + "-").get(file).then().statusCode(416);
        school.api().get(file + "/thumbnail").then().statusCode(404);
    }

    @Test
    void aWebmLosesItsMetadataAtIntakeAndGoesStraightToTheJury() throws Exception {
        long cid = competition();
        Account school = school();
        Account juror = juror();
        byte[] original = sample("videos/video-02-testpattern.webm");
        assertThat(new String(original, StandardCharsets.ISO_8859_1)).contains("Block Report Talk", "ENCODER");
        var created = upload(school, cid, "video", "talk.webm", original)
                .then().statusCode(201).body("files[0].review", equalTo("NONE")).extract().jsonPath();
        long eid = created.getLong("id");
        long fid = created.getLong("files[0].id");
        school.api().post("/api/entries/" + eid + "/submit").then().statusCode(200);
        assign(cid, eid, juror.id());
        String file = "/api/entries/" + eid + "/files/" + fid;
        byte[] seen = download(juror.api(), file);
        // Cleaned in place: the same length, every offset kept, the title and the tags gone.
        assertThat(seen).hasSize(original.length).isNotEqualTo(original);
        assertThat(new String(seen, StandardCharsets.ISO_8859_1)).doesNotContain("Block Report Talk", "ENCODER");
        assertThat(download(organiser(), file + "/original")).isEqualTo(original);
    }

    /** The path of the file {@link #cleanCopy} uploaded last. */
    private String lastFile;

    private String cleanCopy(Account school, long cid, String category, String sample) throws Exception {
        var created = upload(school, cid, category, StorageFixtures.SAMPLES.resolve(sample)).then().statusCode(201)
                .extract().jsonPath();
        String file = "/api/entries/" + created.getLong("id") + "/files/" + created.getLong("files[0].id");
        lastFile = file;
        assertThat(download(organiser(), file + "/original")).isEqualTo(sample(sample));
        return new String(download(school.api(), file), StandardCharsets.ISO_8859_1);
    }

    /** A juror assignment made directly: the assignment rules are judging's, not what this test is about. */
    static void assign(long cid, long eid, long jurorId) throws Exception {
        try (var c = db(); var s = c.prepareStatement(
                "insert into assignment (competition_id, entry_id, juror_id) values (?, ?, ?)")) {
            s.setLong(1, cid);
            s.setLong(2, eid);
            s.setLong(3, jurorId);
            s.executeUpdate();
        }
    }

    /** GPS and EXIF tags other than Orientation, as metadata-extractor reads them. */
    static List<String> gpsAndExif(byte[] image) throws Exception {
        Metadata m = ImageMetadataReader.readMetadata(new ByteArrayInputStream(image));
        List<String> found = new java.util.ArrayList<>();
        for (Directory d : m.getDirectories()) {
            if (d instanceof GpsDirectory) {
                found.add("GPS");
            } else if (d instanceof ExifDirectoryBase || d.getName().contains("XMP") || d.getName().contains("IPTC")) {
                d.getTags().stream().filter(t -> t.getTagType() != ExifDirectoryBase.TAG_ORIENTATION)
                        .forEach(t -> found.add(d.getName() + ": " + t.getTagName()));
            }
        }
        return found;
    }
}
