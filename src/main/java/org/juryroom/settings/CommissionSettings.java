package org.juryroom.settings;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.juryroom.access.AccessPolicy;
import org.juryroom.audit.AuditAction;
import org.juryroom.audit.AuditLog;
import org.juryroom.common.NfcText;
import org.juryroom.common.ProblemException;
import org.juryroom.common.TextRules;
import org.juryroom.ops.JuryRoomConfig;
import org.juryroom.storage.FileInspector;
import org.juryroom.storage.FileNames;
import org.juryroom.storage.FileTypes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The commission's name and logo on the public pages, as an organiser sets them (table
 * {@code commission_settings}, V39); what is not set there comes from the configuration
 * ({@code juryroom.web.commission-name}, {@code -logo}). A logo goes through the same intake as an
 * entry's file ({@link FileInspector}: type by content, size, the privacy scrubber's clean copy without
 * metadata), and only that clean copy is kept. Every change is audited, and is a public change of every
 * published competition (V39's trigger), so each instance's gallery shows it at once.
 */
@ApplicationScoped
public class CommissionSettings {

    public static final int MAX_NAME = 120;
    public static final long MAX_LOGO_BYTES = 1L << 20;
    static final FileInspector.Rules LOGO = new FileInspector.Rules(null, FileTypes.Kind.IMAGES.types,
            MAX_LOGO_BYTES);

    /** What the public pages show: the name (blank: none) and the logo's version (null: no logo). */
    public record Commission(String name, String logoVersion) {
        public boolean logo() {
            return logoVersion != null;
        }
    }

    /** The logo's bytes, type and version (its SHA-256). */
    public record Logo(byte[] bytes, String contentType, String version) {
    }

    /**
     * What the organiser set (null: not set) beside the configured defaults, and the last change.
     * {@code logoType}, {@code logoBytes}, {@code logoVersion}: the stored logo's.
     */
    public record Settings(String name, String logoType, Long logoBytes, String logoVersion, String defaultName,
                           boolean defaultLogo, Instant updatedAt, String updatedBy) {
    }

    // The logo's size, not its bytes: most reads need only whether there is one and its version.
    private record Row(String name, Integer logoSize, String logoType, String logoSha256, Instant updatedAt,
                       String updatedBy) {
        static final Row NONE = new Row(null, null, null, null, null, null);
    }

    private final EntityManager em;
    private final AuditLog audit;
    private final AccessPolicy policy;
    private final FileInspector inspector;
    private final JuryRoomConfig.Web web;

    public CommissionSettings(EntityManager em, AuditLog audit, AccessPolicy policy, FileInspector inspector,
                              JuryRoomConfig config) {
        this.em = em;
        this.audit = audit;
        this.policy = policy;
        this.inspector = inspector;
        this.web = config.web();
    }

    /** The name and logo the public pages show now. */
    public Commission current() {
        Row row = QuarkusTransaction.joiningExisting().call(this::row);
        String name = row.name() != null ? row.name() : web.commissionName().orElse("");
        return new Commission(name, version(row));
    }

    /** The version (ETag) of the logo the public pages show, or null: read without the logo's bytes. */
    public String logoVersion() {
        return version(QuarkusTransaction.joiningExisting().call(this::row));
    }

    private String version(Row row) {
        if (row.logoSize() != null) {
            return row.logoSha256().substring(0, 16);
        }
        Logo configured = configuredLogo();
        return configured == null ? null : configured.version();
    }

    /** The logo the public pages show, or null. */
    @SuppressWarnings("unchecked")
    public Logo logo() {
        List<Object[]> rows = QuarkusTransaction.joiningExisting().call(() -> em.createNativeQuery(
                "select logo, logo_type, logo_sha256 from commission_settings where id = 1 and logo is not null")
                .getResultList());
        if (rows.isEmpty()) {
            return configuredLogo();
        }
        Object[] r = rows.get(0);
        return new Logo((byte[]) r[0], (String) r[1], r[2].toString().strip().substring(0, 16));
    }

    public Settings settings() {
        policy.requireOrganiser("Reading the commission's settings");
        Row row = QuarkusTransaction.joiningExisting().call(this::row);
        boolean logo = row.logoSize() != null;
        return new Settings(row.name(), row.logoType(), logo ? (long) row.logoSize() : null,
                logo ? row.logoSha256().substring(0, 16) : null, web.commissionName().orElse(""),
                configuredLogo() != null, row.updatedAt(), row.updatedBy());
    }

    /** Sets the name (in NFC); a blank name clears it, and the configured one shows again. */
    public Settings setName(String name) {
        policy.requireOrganiser("Setting the commission's name");
        String text = name == null ? null : NfcText.nfc(name.strip());
        String refusal = TextRules.refusal(text);
        if (refusal != null) {
            throw ProblemException.unprocessable("name", refusal);
        }
        if (text != null && text.codePointCount(0, text.length()) > MAX_NAME) {
            throw ProblemException.unprocessable("name", "at most " + MAX_NAME + " characters");
        }
        String stored = text == null || text.isEmpty() ? null : text;
        QuarkusTransaction.joiningExisting().run(() -> {
            Row before = lockedRow();
            if (java.util.Objects.equals(before.name(), stored)) {
                return;
            }
            em.createNativeQuery("update commission_settings set name = :name, updated_at = now(), updated_by = :by"
                    + " where id = 1")
                    .setParameter("name", stored).setParameter("by", policy.currentUser().user().id).executeUpdate();
            audit.record(AuditAction.COMMISSION_CHANGED, null, AuditLog.Subject.of("commission", 1L),
                    Map.of("name", before.name() == null ? "" : before.name()),
                    Map.of("name", stored == null ? "" : stored));
        });
        return settings();
    }

    /**
     * Replaces the logo with the clean copy of an uploaded image ({@code upload}, named {@code clientName} by
     * the client; null: no file): refused, with nothing changed, when it is empty, too large, not a JPEG, PNG
     * or WebP image by its content, or unreadable. The scrubber runs before the transaction.
     */
    public Settings setLogo(Path upload, String clientName) {
        policy.requireOrganiser("Setting the commission's logo");
        if (upload == null) {
            // No body at all: refused as the empty file it is, in the intake's words.
            Path empty = null;
            try {
                empty = Files.createTempFile("logo-", ".tmp");
                return setLogo(empty, clientName);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                if (empty != null) {
                    empty.toFile().delete();
                }
            }
        }
        FileInspector.Inspected file = inspector.inspect(upload, clientName, LOGO, null);
        try {
            byte[] bytes = Files.readAllBytes(file.clean() != null ? file.clean().path() : file.path());
            String sha256 = file.clean() != null ? file.clean().sha256() : file.sha256();
            QuarkusTransaction.joiningExisting().run(() -> {
                Row before = lockedRow();
                em.createNativeQuery("update commission_settings set logo = :logo, logo_type = :type, logo_sha256 = :sha,"
                        + " updated_at = now(), updated_by = :by where id = 1")
                        .setParameter("logo", bytes).setParameter("type", file.contentType())
                        .setParameter("sha", sha256).setParameter("by", policy.currentUser().user().id).executeUpdate();
                audit.record(AuditAction.COMMISSION_CHANGED, null, AuditLog.Subject.of("commission", 1L),
                        logoFacts(before.logoType(), before.logoSize() == null ? 0 : before.logoSize(),
                                before.logoSha256()),
                        logoFacts(file.contentType(), bytes.length, sha256));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            file.discard();
        }
        return settings();
    }

    /** Removes the stored logo; the configured one, if any, shows again. */
    public Settings removeLogo() {
        policy.requireOrganiser("Removing the commission's logo");
        QuarkusTransaction.joiningExisting().run(() -> {
            Row before = lockedRow();
            if (before.logoSize() == null) {
                return;
            }
            em.createNativeQuery("update commission_settings set logo = null, logo_type = null, logo_sha256 = null,"
                    + " updated_at = now(), updated_by = :by where id = 1")
                    .setParameter("by", policy.currentUser().user().id).executeUpdate();
            audit.record(AuditAction.COMMISSION_CHANGED, null, AuditLog.Subject.of("commission", 1L),
                    logoFacts(before.logoType(), before.logoSize(), before.logoSha256()), null);
        });
        return settings();
    }

    private static Map<String, Object> logoFacts(String type, int size, String sha256) {
        if (type == null) {
            return null;
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("logo", FileTypes.name(type));
        facts.put("size", size);
        facts.put("sha256", sha256);
        return facts;
    }

    private Row lockedRow() {
        // Writers of the one row wait for each other, so each audit line's "before" is what it replaced.
        em.createNativeQuery("select id from commission_settings where id = 1 for update").getResultList();
        return row();
    }

    @SuppressWarnings("unchecked")
    private Row row() {
        List<Object[]> rows = em.createNativeQuery("select s.name, octet_length(s.logo), s.logo_type, s.logo_sha256, s.updated_at,"
                + " u.username from commission_settings s left join app_user u on u.id = s.updated_by where s.id = 1")
                .getResultList();
        if (rows.isEmpty()) {
            return Row.NONE;
        }
        Object[] r = rows.get(0);
        return new Row((String) r[0], r[1] == null ? null : ((Number) r[1]).intValue(), (String) r[2], r[3] == null ? null : r[3].toString().strip(),
                r[4] == null ? null : toInstant(r[4]), (String) r[5]);
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp " + value.getClass());
    }

    /** The configured logo file (a PNG, JPEG or WebP file by its name), or null when none is configured or readable. */
    private volatile Optional<Logo> configured;

    // The configured file is read and hashed once: configuration does not change while the app runs.
    private Logo configuredLogo() {
        Optional<Logo> known = configured;
        if (known == null) {
            known = Optional.ofNullable(readConfiguredLogo());
            configured = known;
        }
        return known.orElse(null);
    }

    private Logo readConfiguredLogo() {
        Path file = web.commissionLogo().orElse(null);
        String type = file == null ? null : switch (FileNames.extension(file.getFileName().toString())) {
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            case "webp" -> "image/webp";
            default -> null;
        };
        if (type == null || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            return new Logo(bytes, type, FileInspector.sha256(new java.io.ByteArrayInputStream(bytes)).substring(0, 16));
        } catch (IOException e) {
            return null;
        }
    }
}
