package ae.rta.cctv.api.adapter.in.web;

import ae.rta.cctv.api.application.AuditTrail;
import ae.rta.cctv.api.application.RequestOrigin;
import ae.rta.cctv.api.application.VisibleCameras;
import ae.rta.cctv.api.domain.AuditAction;
import ae.rta.cctv.api.domain.AuditOutcome;
import ae.rta.cctv.api.domain.Caller;
import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.security.ServiceCredentials;
import ae.rta.cctv.common.web.ProblemException;
import ae.rta.cctv.common.web.RequestIdFilter;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Imports a recording file as a camera's footage: the body is streamed through to the storage service untouched
 * (any size, never held in memory), and storage's answer is passed back as it is.
 */
@RestController
class ImportController {

    private final VisibleCameras cameras;
    private final AuditTrail audit;
    private final ServiceCredentials credentials;
    private final String storageUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ImportController(VisibleCameras cameras, AuditTrail audit, ServiceCredentials credentials,
            @Value("${cctv.services.storage.url:http://127.0.0.1:8082}") String storageUrl) {
        this.cameras = cameras;
        this.audit = audit;
        this.credentials = credentials;
        this.storageUrl = storageUrl;
    }

    @Operation(summary = "Import a recording (ADMIN; audited): MP4 or MPEG-TS with H.264 as the request body",
            description = "Content-Type video/mp4 or video/mp2t; streamed, any size. 201 {segments, start, end}; 409 when "
                    + "the camera already holds footage in the range.")
    @PostMapping("/api/v1/cameras/{id}/recordings/import")
    void importFile(Caller caller, @PathVariable String id, @RequestParam String start, HttpServletRequest request,
            HttpServletResponse response, RequestOrigin origin) throws IOException {
        CameraId camera = CameraId.parse(id);
        cameras.get(caller, camera);
        String type = request.getContentType() == null ? "application/octet-stream" : request.getContentType();
        HttpRequest forward = HttpRequest.newBuilder(URI.create(storageUrl + "/internal/cameras/" + camera
                        + "/recordings/import?start=" + Params.instant("start", start)))
                .timeout(Duration.ofMinutes(60))
                .header("Authorization", "Bearer " + credentials.token())
                .header("Content-Type", type)
                .header(RequestIdFilter.HEADER, String.valueOf(MDC.get(RequestIdFilter.MDC_KEY)))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> {
                    try {
                        return request.getInputStream();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })).build();
        HttpResponse<InputStream> answer;
        try {
            answer = http.send(forward, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw ProblemException.unavailable("The storage service did not answer; nothing was imported.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable("Interrupted.");
        }
        audit.record(caller, AuditAction.CAMERA_CHANGE, camera.toString(), answer.statusCode() == 201 ? AuditOutcome.SUCCESS
                : AuditOutcome.FAILED, "import from " + start + ": HTTP " + answer.statusCode(), origin);
        response.setStatus(answer.statusCode());
        response.setContentType(answer.headers().firstValue("Content-Type").orElse("application/json"));
        try (InputStream in = answer.body()) {
            in.transferTo(response.getOutputStream());
        }
    }
}
