package ae.rta.cctv.storage.adapter.out.s3;

import ae.rta.cctv.storage.application.port.out.ObjectStore;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * S3 or any S3-compatible store (MinIO) through the AWS SDK v2, path-style. The SHA-256 of each object is kept
 * in its metadata ({@code x-amz-meta-sha256}); reads use HTTP ranges; signed URLs are SigV4 presigned GETs.
 */
public final class S3ObjectStore implements ObjectStore, AutoCloseable {

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    public S3ObjectStore(URI endpoint, String region, String bucket, String accessKey, String secretKey) {
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
        S3Configuration pathStyle = S3Configuration.builder().pathStyleAccessEnabled(true).build();
        this.s3 = S3Client.builder().endpointOverride(endpoint).region(Region.of(region)).credentialsProvider(credentials)
                .serviceConfiguration(pathStyle)
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(60)).apiCallAttemptTimeout(Duration.ofSeconds(20)))
                .build();
        this.presigner = S3Presigner.builder().endpointOverride(endpoint).region(Region.of(region))
                .credentialsProvider(credentials).serviceConfiguration(pathStyle).build();
        this.bucket = bucket;
    }

    /** Creates the bucket unless it exists. @throws ObjectStoreUnavailableException when the store cannot be reached */
    public void ensureBucket() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (S3Exception e) {
            try {
                s3.createBucket(b -> b.bucket(bucket));
            } catch (BucketAlreadyOwnedByYouException ignored) {
                // made by another instance meanwhile
            } catch (SdkException create) {
                throw unavailable("cannot create bucket " + bucket, create);
            }
        } catch (SdkException e) {
            throw unavailable("the object store does not answer", e);
        }
    }

    @Override
    public String name() {
        return "s3";
    }

    @Override
    public void put(String key, Path file, String sha256) {
        try {
            s3.putObject(b -> b.bucket(bucket).key(ObjectStore.requireKey(key)).contentType("video/mp4")
                    .metadata(Map.of("sha256", sha256)), RequestBody.fromFile(file));
        } catch (SdkException e) {
            throw unavailable("put " + key + " failed", e);
        }
    }

    @Override
    public Optional<StoredObject> head(String key) {
        try {
            HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(ObjectStore.requireKey(key)));
            return Optional.of(new StoredObject(head.contentLength(), head.metadata().get("sha256")));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw unavailable("head " + key + " failed", e);
        } catch (SdkException e) {
            throw unavailable("head " + key + " failed", e);
        }
    }

    @Override
    public InputStream get(String key, long offset, long length) {
        String range = "bytes=" + offset + "-" + (length < 0 ? "" : Long.toString(offset + length - 1));
        try {
            return s3.getObject(b -> b.bucket(bucket).key(ObjectStore.requireKey(key)).range(range));
        } catch (SdkException e) {
            throw unavailable("get " + key + " failed", e);
        }
    }

    @Override
    public boolean delete(String key) {
        try {
            boolean existed = head(key).isPresent();
            s3.deleteObject(b -> b.bucket(bucket).key(ObjectStore.requireKey(key)));
            return existed;
        } catch (SdkException e) {
            throw unavailable("delete " + key + " failed", e);
        }
    }

    @Override
    public URI signedUrl(String key, Duration ttl) {
        String checked = ObjectStore.requireKey(key);
        return URI.create(presigner.presignGetObject(p -> p.signatureDuration(ttl)
                .getObjectRequest(g -> g.bucket(bucket).key(checked))).url().toString());
    }

    private static ObjectStoreUnavailableException unavailable(String what, Exception e) {
        return new ObjectStoreUnavailableException("S3: " + what + " (" + e.getClass().getSimpleName() + ")", e);
    }

    @Override
    public void close() {
        s3.close();
        presigner.close();
    }
}
