package ae.rta.cctv.storage.adapter.in.web;

import ae.rta.cctv.common.web.ProblemException;
import ae.rta.cctv.storage.adapter.out.filesystem.FileSystemObjectStore;
import ae.rta.cctv.storage.adapter.out.filesystem.MediaSigner;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Serves objects of the filesystem store behind signed, expiring links (what S3 presigned URLs are for the S3
 * store). Range requests are answered with 206, so players seek by byte range.
 */
@RestController
class MediaController {

    private final FileSystemObjectStore store;
    private final MediaSigner signer;

    MediaController(java.util.Optional<FileSystemObjectStore> store, MediaSigner signer) {
        this.store = store.orElse(null);
        this.signer = signer;
    }

    /** Players on any page fetch these (hls.js by XHR): the signature is the credential. */
    @org.springframework.web.bind.annotation.CrossOrigin(origins = "*",
            exposedHeaders = {"Content-Range", "Content-Length", "Accept-Ranges"})
    @GetMapping("/media/**")
    ResponseEntity<Resource> media(HttpServletRequest request, @RequestParam long expires, @RequestParam String signature) {
        String path = (String) request.getAttribute(HandlerMapping.PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE);
        String key = path.substring("/media/".length());
        if (store == null || !signer.verify(key, expires, signature)) {
            throw ProblemException.forbidden("This media link is not valid or has expired.");
        }
        Path file = store.file(key);
        if (!Files.isRegularFile(file)) {
            throw ProblemException.notFound("No such media object.");
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("video/mp4"))
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePrivate())
                .body(new FileSystemResource(file));
    }
}
