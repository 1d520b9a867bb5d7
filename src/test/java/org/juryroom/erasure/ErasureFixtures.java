package org.juryroom.erasure;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.Result;
import io.minio.messages.Item;
import org.juryroom.judging.JudgingFixtures;
import org.juryroom.judging.JudgingFixtures.SchoolAccount;
import org.juryroom.storage.ObjectStore;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/** Entries full of findable personal data, and scans of the whole database and bucket for it. */
final class ErasureFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Random LETTERS = new Random();

    private ErasureFixtures() {
    }

    /** A first name no one else has (letters only, as the entry rules require): the marker searched for. */
    static String marker() {
        StringBuilder sb = new StringBuilder("Zyxquorin");
        for (int i = 0; i < 8; i++) {
            sb.append((char) ('a' + LETTERS.nextInt(26)));
        }
        return sb.toString();
    }

    /**
     * A DRAFT entry whose child, title, statement, teacher, file name and file bytes all carry
     * {@code marker}; {@code file} is the upload (its bytes should hold the marker too).
     */
    static long entry(long cid, SchoolAccount school, String category, String marker, JudgingFixtures.Upload file,
                      boolean publishWork, boolean publishNames) throws Exception {
        return entry(cid, school, category, marker, "The poster " + marker + " drew", marker, file, publishWork,
                publishNames);
    }

    /** As above, with the child's first name and the title apart ({@code marker} in the statement and attestation). */
    static long entry(long cid, SchoolAccount school, String category, String firstName, String title, String marker,
                      JudgingFixtures.Upload file, boolean publishWork, boolean publishNames) throws Exception {
        Map<String, Object> entry = Map.of("title", title, "categoryCode", category,
                "statement", "I am " + marker + " and this is my message.",
                "participants", List.of(Map.of("firstName", firstName, "grade", 7)),
                "consent", Map.of("judging", true, "publishWork", publishWork, "publishNames", publishNames,
                        "attestedBy", "Teacher " + marker));
        return school.login().as().multiPart("entry", JSON.writeValueAsString(entry), "application/json")
                .multiPart("files", file.name(), file.bytes(), file.contentType())
                .post("/api/competitions/{cid}/entries", cid).then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    /** The entry's erasure is complete, for {@code reason}. */
    static void assertErased(long entryId, String reason) {
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            org.juryroom.entry.Entry e = org.juryroom.entry.Entry.findById(entryId);
            org.assertj.core.api.Assertions.assertThat(e.erasureReason).isEqualTo(reason);
            org.assertj.core.api.Assertions.assertThat(e.personalDataErasedAt).isNotNull();
        });
    }

    /** One new juror scores the submitted entries, the first best; the shortlist is frozen and published. */
    static void judgeAndPublish(long cid, long... entries) {
        JudgingFixtures.JurorAccount juror = JudgingFixtures.juror();
        JudgingFixtures.panels(cid, Map.of(juror.id(), List.of()));
        JudgingFixtures.transition(cid, "JUDGING");
        JudgingFixtures.assign(cid, 1, 1).then().statusCode(201);
        for (int i = 0; i < entries.length; i++) {
            JudgingFixtures.submitScore(juror, entries[i], 10 - i, 5 - i);
        }
        JudgingFixtures.ORGANISER.as().post("/api/competitions/{cid}/shortlist", cid).then().statusCode(201);
        JudgingFixtures.transition(cid, "PUBLISHED");
    }

    /** A new safeguarding lead's sign-in (appointed by the organiser). */
    static JudgingFixtures.Login lead() {
        var json = JudgingFixtures.ORGANISER.as().contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("name", JudgingFixtures.unique("Lead"), "email", "dsl@commission.example",
                        "phone", "+91 98300 12345", "invite", false))
                .post("/api/safeguarding-leads").then().statusCode(201).extract().jsonPath();
        return new JudgingFixtures.Login(json.getString("username"), json.getString("password"));
    }

    /** Raises a concern about the entry as {@code who}; returns the concern's id. */
    static long concern(io.restassured.specification.RequestSpecification who, long entryId) {
        return who.contentType(io.restassured.http.ContentType.JSON).body(Map.of("kind", "DISCLOSURE",
                        "urgency", "NORMAL", "note", "The statement tells of something that happened."))
                .post("/api/entries/{eid}/concerns", entryId).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** The lead closes the concern with {@code action} (RELEASED or EXCLUDED). */
    static void close(JudgingFixtures.Login lead, long concernId, String action) {
        lead.as().contentType(io.restassured.http.ContentType.JSON).body(Map.of("action", action))
                .post("/api/safeguarding/concerns/{id}/actions", concernId).then().statusCode(200);
    }

    /** What {@link #databaseHits} finds outside the safeguarding records, which erasure leaves to their own retention. */
    static List<String> hitsOutsideSafeguarding(AgroalDataSource db, String marker) throws Exception {
        return databaseHits(db, marker).stream().filter(h -> !h.startsWith("concern") && !h.startsWith("safeguarding"))
                .toList();
    }

    static JudgingFixtures.Upload png(String marker) {
        return JudgingFixtures.Upload.png(marker + "_poster.png", JudgingFixtures.png(Map.of("Author", marker)));
    }

    /** "table.column: n rows" for every text, varchar, char, array and jsonb column that holds {@code marker}. */
    static List<String> databaseHits(AgroalDataSource db, String marker) throws Exception {
        List<String> hits = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            List<String[]> columns = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select table_name, column_name from information_schema.columns"
                    + " where table_schema = 'public' and data_type in ('text', 'character varying', 'character',"
                    + " 'jsonb', 'json', 'ARRAY') order by table_name, column_name");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    columns.add(new String[] {r.getString(1), r.getString(2)});
                }
            }
            for (String[] col : columns) {
                String sql = "select count(*) from \"" + col[0] + "\" where lower(cast(\"" + col[1]
                        + "\" as text)) like ?";
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setString(1, "%" + marker.toLowerCase(Locale.ROOT) + "%");
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        if (r.getLong(1) > 0) {
                            hits.add(col[0] + "." + col[1] + ": " + r.getLong(1) + " rows");
                        }
                    }
                }
            }
        }
        return hits;
    }

    /** Every object of the whole bucket whose bytes hold {@code marker} (ASCII or UTF-16BE, as PDFs may write it). */
    static List<String> bucketHits(ObjectStore store, String marker) throws Exception {
        List<byte[]> needles = List.of(marker.getBytes(StandardCharsets.US_ASCII),
                marker.getBytes(StandardCharsets.UTF_16BE));
        List<String> hits = new ArrayList<>();
        for (Result<Item> r : store.client().listObjects(ListObjectsArgs.builder().bucket(store.bucket())
                .recursive(true).build())) {
            String key = r.get().objectName();
            byte[] bytes;
            try (InputStream in = store.client().getObject(GetObjectArgs.builder().bucket(store.bucket()).object(key)
                    .build())) {
                bytes = in.readAllBytes();
            }
            if (key.contains(marker) || needles.stream().anyMatch(n -> indexOf(bytes, n) >= 0)) {
                hits.add(key);
            }
        }
        return hits;
    }

    /** The objects under an entry's prefix. */
    static List<String> objectsOf(ObjectStore store, long entryId) {
        return store.list("entries/" + entryId + "/", null, 1000).stream().map(Item::objectName).toList();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
