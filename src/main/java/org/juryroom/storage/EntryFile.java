package org.juryroom.storage;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/** One uploaded file of an entry; the bytes live in the object store under a server-made key. */
@Entity
@Table(name = "entry_file")
public class EntryFile extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "entry_id")
    public Long entryId;

    @Column(name = "object_key")
    public String objectKey;

    /** Sanitised name for the school's own downloads; jurors never see it (it may name a child). */
    @Column(name = "display_name")
    public String displayName;

    @Column(name = "content_type")
    public String contentType;

    @Column(name = "size_bytes")
    public Long size;

    public String sha256;

    @Enumerated(EnumType.STRING)
    public FileStatus status = FileStatus.PENDING;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    /** The last sign of life of the upload writing a PENDING row (see {@link UploadsInFlight}). */
    @Column(name = "heartbeat_at", insertable = false, updatable = false)
    public Instant heartbeatAt;

    /** The copy jurors, the UI and the public get; equal to {@link #objectKey} when nothing had to be removed. */
    @Column(name = "clean_key")
    public String cleanKey;

    @Column(name = "clean_sha256")
    public String cleanSha256;

    @Column(name = "clean_size")
    public Long cleanSize;

    /** A small JPEG made from the clean copy; null for videos. */
    @Column(name = "thumb_key")
    public String thumbKey;

    @Column(name = "thumb_sha256")
    public String thumbSha256;

    @Column(name = "thumb_size")
    public Long thumbSize;

    @Enumerated(EnumType.STRING)
    public Review review = Review.NONE;

    /** Why an organiser must look at the file (e.g. a fragmented MP4's metadata that could not be removed). */
    @Column(name = "review_note")
    public String reviewNote;

    /** Whether jurors and the public must wait for an organiser before they see this file. */
    public enum Review { NONE, REQUIRED, CLEARED }

    /** Every object this row owns, each once (the clean copy may be the original itself). */
    public List<String> keys() {
        return java.util.stream.Stream.of(objectKey, cleanKey, thumbKey)
                .filter(java.util.Objects::nonNull).distinct().toList();
    }

    public static List<EntryFile> storedOf(long entryId) {
        return list("entryId = ?1 and status = ?2 order by id", entryId, FileStatus.STORED);
    }

    public static long storedCount(long entryId) {
        return count("entryId = ?1 and status = ?2", entryId, FileStatus.STORED);
    }
}
