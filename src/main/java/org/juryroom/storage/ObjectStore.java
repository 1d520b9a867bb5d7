package org.juryroom.storage;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.ListObjectsArgs;
import io.minio.Result;
import io.minio.messages.Item;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import jakarta.enterprise.context.ApplicationScoped;
import org.juryroom.common.ProblemException;
import org.juryroom.ops.JuryRoomConfig;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one door to the object store (MinIO client; MinIO in production, S3Proxy when embedded).
 * Store failures surface as 503 problems: the request can be retried once the store is back.
 */
@ApplicationScoped
public class ObjectStore {

    static final String SHA256_META = "sha256";

    private final MinioClient minio;
    private final String bucket;

    public ObjectStore(MinioClient minio, JuryRoomConfig config) {
        this.minio = minio;
        this.bucket = config.bucket();
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
            minio.putObject(PutObjectArgs.builder().bucket(bucket).object(key)
                    .stream(in, Files.size(file), -1).contentType(contentType)
                    .userMetadata(Map.of(SHA256_META, sha256)).build());
        } catch (Exception e) {
            throw unavailable("store", e);
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
