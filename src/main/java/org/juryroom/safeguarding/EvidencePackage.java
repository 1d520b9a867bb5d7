package org.juryroom.safeguarding;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.StreamingOutput;
import org.juryroom.access.AccessPolicy;
import org.juryroom.storage.EntryFile;
import org.juryroom.storage.FileNames;
import org.juryroom.storage.ObjectStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The evidence package a safeguarding lead hands to the authorities: the concern record, every
 * original object byte for byte (never opened, so suspected abuse material is never viewed), and a
 * manifest with each file's SHA-256 as recorded at intake and as computed while packing. Producing
 * it is recorded in the safeguarding audit trail.
 */
@ApplicationScoped
public class EvidencePackage {

    public record Package(String fileName, StreamingOutput body) {

        /** The download, for the API and the desk page alike. */
        public jakarta.ws.rs.core.Response response() {
            return jakarta.ws.rs.core.Response.ok(body, "application/zip")
                    .header("Content-Disposition", FileNames.contentDisposition(fileName))
                    .header("Cache-Control", "private, no-store")
                    .build();
        }
    }

    private final AccessPolicy access;
    private final ConcernService concerns;
    private final SafeguardingAudit record;
    private final ObjectStore store;
    private final ObjectMapper json;

    public EvidencePackage(AccessPolicy access, ConcernService concerns, SafeguardingAudit record, ObjectStore store,
                           ObjectMapper json) {
        this.access = access;
        this.concerns = concerns;
        this.record = record;
        this.store = store;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    @Transactional
    public Package of(long concernId) {
        access.requireSafeguardingLead("The evidence package");
        Concern c = concerns.concern(concernId);
        ConcernService.ConcernRecord rec = concerns.recordOf(c);
        List<EntryFile> files = EntryFile.storedOf(c.entryId);
        String by = access.currentUser().username();
        record.append("EVIDENCE_EXPORTED", c, Map.of("files", files.size()));
        byte[] concernJson;
        try {
            concernJson = json.writeValueAsBytes(rec);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<EntryFile> originals = List.copyOf(files);
        return new Package("evidence-" + c.reference + ".zip", out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.putNextEntry(new ZipEntry("concern.json"));
            zip.write(concernJson);
            zip.closeEntry();
            List<Map<String, Object>> manifestFiles = new ArrayList<>();
            for (EntryFile f : originals) {
                String path = "originals/" + f.id + "-" + FileNames.sanitise(f.displayName);
                zip.putNextEntry(new ZipEntry(path));
                MessageDigest sha = sha256();
                try (InputStream in = store.get(f.objectKey)) {
                    in.transferTo(new DigestOutputStream(nonClosing(zip), sha));
                }
                zip.closeEntry();
                String computed = HexFormat.of().formatHex(sha.digest());
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("path", path);
                m.put("fileId", f.id);
                m.put("name", f.displayName);
                m.put("contentType", f.contentType);
                m.put("size", f.size);
                m.put("sha256AtIntake", f.sha256);
                m.put("sha256", computed);
                m.put("matches", computed.equals(f.sha256));
                manifestFiles.add(m);
            }
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("reference", rec.reference());
            manifest.put("entryCode", rec.entry().code());
            manifest.put("producedAt", Instant.now().toString());
            manifest.put("producedBy", by);
            manifest.put("concernJsonSha256", HexFormat.of().formatHex(sha256().digest(concernJson)));
            manifest.put("files", manifestFiles);
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(json.writeValueAsString(manifest).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
        });
    }

    private static java.io.OutputStream nonClosing(java.io.OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() {
                // the zip entry is closed by the caller
            }
        };
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
