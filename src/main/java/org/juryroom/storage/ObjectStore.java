package org.juryroom.storage;

import com.google.common.collect.ImmutableMultimap;
import com.google.common.collect.Multimap;
import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.ListObjectsArgs;
import io.minio.Result;
import io.minio.messages.Item;
import io.minio.MakeBucketArgs;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Part;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.juryroom.common.ProblemException;
import org.juryroom.ops.JuryRoomConfig;

import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one door to the object store (MinIO client; MinIO in production, S3Proxy when embedded).
 * Store failures surface as 503 problems: the request can be retried once the store is back.
 */
@ApplicationScoped
public class ObjectStore {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ObjectStore.class);
    static final String SHA256_META = "sha256";

    private final MinioClient minio;
    private final MinioAsyncClient parts;
    private final String bucket;
    private final long partSize;
    /** How many parts a streamed upload may be received ahead of the store: one on its way, one arriving. */
    private static final int LEAD_PARTS = 2;
    /** One thread per streamed upload in flight, waiting for its parts to arrive; never the common pool. */
    private final ExecutorService uploaders = Executors.newCachedThreadPool(new java.util.concurrent.ThreadFactory() {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "juryroom-uploader-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    });

    public ObjectStore(MinioClient minio, MinioAsyncClient parts, JuryRoomConfig config) {
        this.minio = minio;
        this.parts = parts;
        this.bucket = config.bucket();
        this.partSize = config.storage().partSize().asLongValue();
        if (partSize < 5L << 20) {
            throw new IllegalArgumentException("juryroom.storage.part-size must be at least 5M (the S3 minimum part size)");
        }
        LOG.infof("Streamed uploads go to the object store in parts of %d MiB", partSize >> 20);
    }

    @PreDestroy
    void stopUploaders() {
        uploaders.shutdownNow();
    }

    public String bucket() {
        return bucket;
    }

    public void ensureBucket() throws Exception {
        if (!minio.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
            minio.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
        }
    }

    public boolean bucketReachable() {
        try {
            return minio.bucketExists(BucketExistsArgs.builder().bucket(bucket).build());
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * Streams a file from disk into the store; the heap never holds the whole file. The request
     * is signed with the payload's SHA-256 (AWS V4), so the server refuses bytes altered on the
     * way, and the file's SHA-256 is kept as object metadata for the reconciler and verify.
     */
    public void put(String key, Path file, String contentType, String sha256) {
        try (InputStream in = Files.newInputStream(file)) {
            PutObjectArgs.Builder args = PutObjectArgs.builder().bucket(bucket).object(key)
                    .stream(in, Files.size(file), -1).contentType(contentType);
            if (sha256 != null) {
                args.userMetadata(Map.of(SHA256_META, sha256));
            }
            minio.putObject(args.build());
        } catch (Exception e) {
            throw unavailable("store", e);
        }
    }

    /**
     * Streams an upload into the store while it is still arriving, on an uploader thread of its
     * own: a multipart upload whose parts are read from the spool file as soon as each is complete
     * (signed with their SHA-256 like every PUT), or one PUT when the whole upload fits in one
     * part. The heap holds no part. Completes with a 503 problem if the store fails; if the spool
     * is abandoned, the multipart upload is aborted and nothing is stored.
     */
    CompletableFuture<Void> putSpooled(String key, String contentType, Spool spool) {
        spool.limitLead(LEAD_PARTS * partSize);
        return CompletableFuture.runAsync(() -> {
            try {
                if (spool.await(partSize + 1) <= partSize) {
                    put(key, spool.path(), contentType, null);
                } else {
                    putParts(key, contentType, spool);
                }
            } catch (ProblemException e) {
                throw e;
            } catch (Exception e) {
                throw unavailable("store", e);
            } finally {
                spool.uploaderStopped();
            }
        }, uploaders);
    }

    private void putParts(String key, String contentType, Spool spool) throws Exception {
        Multimap<String, String> headers = ImmutableMultimap.of("Content-Type", contentType);
        String uploadId = parts.createMultipartUploadAsync(bucket, null, key, headers, null).get().result().uploadId();
        try {
            List<Part> done = new ArrayList<>();
            long offset = 0;
            while (true) {
                long length = Math.min(partSize, spool.await(offset + partSize) - offset);
                if (length == 0) {
                    break; // the upload ended exactly at a part boundary
                }
                try (RandomAccessFile file = new RandomAccessFile(spool.path().toFile(), "r")) {
                    file.seek(offset);
                    int number = done.size() + 1;
                    done.add(new Part(number, parts.uploadPartAsync(bucket, null, key, file, length, uploadId, number,
                            null, null).get().etag()));
                }
                offset += length;
                spool.stored(offset);
                if (length < partSize) {
                    break; // a short part is the last
                }
            }
            parts.completeMultipartUploadAsync(bucket, null, key, uploadId, done.toArray(Part[]::new), null, null).get();
        } catch (Exception e) {
            try {
                parts.abortMultipartUploadAsync(bucket, null, key, uploadId, null, null).get();
            } catch (Exception abortFailed) {
                e.addSuppressed(abortFailed); // the store drops unfinished uploads itself (see docs/storage.md)
            }
            throw e;
        }
    }

    /**
     * Aborts the multipart uploads under {@code prefix} begun before {@code cutoff} and never
     * completed (the app died during a streamed upload, or the store was down when it should have
     * been aborted), except those whose key is {@code alive} (still being written by some
     * instance): their parts are no object, so no listing shows them. Returns how many.
     */
    public int abortUnfinishedUploads(String prefix, java.time.Instant cutoff,
                                      java.util.function.Predicate<String> alive) {
        int aborted = 0;
        try {
            String keyMarker = null;
            String uploadIdMarker = null;
            while (true) {
                var page = parts.listMultipartUploadsAsync(bucket, null, null, null, keyMarker, 1000, prefix,
                        uploadIdMarker, null, null).get().result();
                for (var upload : page.uploads()) {
                    boolean old = upload.initiated() == null || upload.initiated().toInstant().isBefore(cutoff);
                    if (old && !alive.test(upload.objectName())) {
                        parts.abortMultipartUploadAsync(bucket, null, upload.objectName(), upload.uploadId(), null, null)
                                .get();
                        aborted++;
                    }
                }
                if (!page.isTruncated()) {
                    return aborted;
                }
                keyMarker = page.nextKeyMarker();
                uploadIdMarker = page.nextUploadIdMarker();
            }
        } catch (Exception e) {
            throw unavailable("clean up", e);
        }
    }

    /** The SHA-256 of the object's bytes as they are in the store now (streamed), or empty when it is missing. */
    public Optional<String> rehash(String key) {
        if (stat(key).isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = get(key)) {
            return Optional.of(FileInspector.sha256(in));
        } catch (java.io.IOException e) {
            throw unavailable("read", e);
        }
    }

    /** One page of the bucket's objects under {@code prefix}, in key order, after {@code startAfter}. */
    public List<Item> list(String prefix, String startAfter, int max) {
        List<Item> page = new ArrayList<>();
        try {
            ListObjectsArgs.Builder args = ListObjectsArgs.builder().bucket(bucket).prefix(prefix).recursive(true)
                    .maxKeys(max);
            if (startAfter != null) {
                args.startAfter(startAfter);
            }
            for (Result<Item> r : minio.listObjects(args.build())) {
                page.add(r.get());
                if (page.size() >= max) {
                    break;
                }
            }
            return page;
        } catch (Exception e) {
            throw unavailable("list", e);
        }
    }

    public GetObjectResponse get(String key) {
        return read(GetObjectArgs.builder().bucket(bucket).object(key).build());
    }

    public GetObjectResponse getRange(String key, long offset, long length) {
        return read(GetObjectArgs.builder().bucket(bucket).object(key).offset(offset).length(length).build());
    }

    /** A row whose object is gone (e.g. a partial restore) is a missing file, not a server fault. */
    private GetObjectResponse read(GetObjectArgs args) {
        try {
            return minio.getObject(args);
        } catch (ErrorResponseException e) {
            if (isMissing(e)) {
                throw ProblemException.notFound("The file's content");
            }
            throw unavailable("read", e);
        } catch (Exception e) {
            throw unavailable("read", e);
        }
    }

    private static boolean isMissing(ErrorResponseException e) {
        String code = e.errorResponse().code();
        return "NoSuchKey".equals(code) || "NoSuchObject".equals(code);
    }

    /** The object's metadata, or empty when there is no such object. */
    public Optional<StatObjectResponse> stat(String key) {
        try {
            return Optional.of(minio.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build()));
        } catch (ErrorResponseException e) {
            if (isMissing(e)) {
                return Optional.empty();
            }
            throw unavailable("check", e);
        } catch (Exception e) {
            throw unavailable("check", e);
        }
    }

    public void delete(String key) {
        try {
            minio.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
        } catch (Exception e) {
            throw unavailable("delete", e);
        }
    }

    public MinioClient client() {
        return minio;
    }

    private static ProblemException unavailable(String action, Exception cause) {
        ProblemException p = ProblemException.unavailable(
                "The file store could not " + action + " the file right now; nothing was saved, please try again");
        p.initCause(cause);
        return p;
    }
}
