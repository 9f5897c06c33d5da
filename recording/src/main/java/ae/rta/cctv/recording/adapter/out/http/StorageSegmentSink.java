package ae.rta.cctv.recording.adapter.out.http;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.security.Secrets;
import ae.rta.cctv.recording.application.port.out.SegmentSink;
import ae.rta.cctv.recording.domain.SpooledSegment;
import java.time.Instant;
import java.util.Map;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.MediaType;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/** The storage service: segments are PUT whole (streamed from the spool file) with their SHA-256 and fence. */
public final class StorageSegmentSink implements SegmentSink {

    private final RestClient storage;
    private final String recorder;

    public StorageSegmentSink(RestClient storage, String recorder) {
        this.storage = storage;
        this.recorder = recorder;
    }

    @Override
    public Result upload(SpooledSegment segment) {
        try {
            storage.put().uri(b -> b.path("/internal/cameras/{camera}/segments").queryParam("start", segment.start().toString())
                            .queryParam("sha256", segment.sha256()).queryParam("recorder", recorder)
                            .queryParam("fence", segment.fence()).build(segment.camera().toString()))
                    .contentType(MediaType.parseMediaType("video/mp4"))
                    .body(new FileSystemResource(segment.file()))
                    .retrieve().toBodilessEntity();
            return Result.STORED;
        } catch (HttpClientErrorException.Conflict e) {
            return e.getResponseBodyAsString().contains("fenced") ? Result.FENCED : Result.REJECTED;
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode().value() == 400 && e.getResponseBodyAsString().contains("damaged")) {
                throw new SinkUnavailableException("the upload arrived damaged; it is sent again", e);
            }
            return Result.REJECTED;
        } catch (RestClientException e) {
            throw new SinkUnavailableException("storage did not take the segment: " + e.getMessage(), e);
        }
    }

    /* One line of at most 200 characters, credentials masked before it is cut (a cut could split a URL's login). */
    private static String printable(String reason) {
        String clean = Secrets.mask(reason.replaceAll("\\p{Cntrl}", " ")).strip();
        return clean.isEmpty() ? "unknown" : clean.length() > 200 ? clean.substring(0, 200) : clean;
    }

    @Override
    public void gap(CameraId camera, Instant start, Instant end, String reason) {
        try {
            storage.post().uri("/internal/gaps").body(Map.of("cameraId", camera.toString(), "start", start.toString(),
                    "end", end.toString(), "reason", printable(reason)))
                    .retrieve().toBodilessEntity();
        } catch (RestClientException e) {
            throw new SinkUnavailableException("storage did not take the gap", e);
        }
    }
}
