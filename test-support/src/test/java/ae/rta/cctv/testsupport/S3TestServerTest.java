package ae.rta.cctv.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

final class S3TestServerTest {

    private static S3Client client(S3TestServer server) {
        return S3Client.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3TestServer.ACCESS_KEY, S3TestServer.SECRET_KEY)))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
    }

    @Test
    void storesObjectsThatSurviveAnOutage() {
        try (S3TestServer server = S3TestServer.start(); S3Client s3 = client(server)) {
            s3.createBucket(b -> b.bucket("footage"));
            s3.putObject(b -> b.bucket("footage").key("cam/1.mp4"), RequestBody.fromString("segment bytes"));
            assertThat(s3.getObjectAsBytes(b -> b.bucket("footage").key("cam/1.mp4").range("bytes=8-12"))
                    .asString(StandardCharsets.UTF_8)).isEqualTo("bytes");

            server.stop();
            assertThatThrownBy(() -> s3.headObject(b -> b.bucket("footage").key("cam/1.mp4")))
                    .isInstanceOf(SdkClientException.class);

            server.restart();
            assertThat(s3.getObjectAsBytes(b -> b.bucket("footage").key("cam/1.mp4")).asString(StandardCharsets.UTF_8))
                    .isEqualTo("segment bytes");
        }
    }
}
