package ae.rta.cctv.storage.adapter.in.web;

import ae.rta.cctv.common.client.GrantChecks;
import ae.rta.cctv.common.security.GrantedLinks;
import ae.rta.cctv.common.web.FileRanges;
import ae.rta.cctv.common.web.ProblemException;
import ae.rta.cctv.common.web.RequestValues;
import ae.rta.cctv.storage.adapter.out.filesystem.FileSystemObjectStore;
import ae.rta.cctv.storage.adapter.out.filesystem.MediaSigner;
import ae.rta.cctv.storage.application.port.out.ObjectStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Serves stored objects behind signed links, with Range (206; an unsatisfiable range is a bodiless 416). Two kinds:
 * <ul>
 *   <li>a player's link to a byte range of a segment ({@code bytes}, {@code grant}, {@code sig}, and the grant's
 *       ticket {@code expires}, {@code ticket}), made by playback for a playlist: only those bytes are served, only
 *       while the ticket is current and the api says the grant holds (its answer kept at most 30 s), from any store;</li>
 *   <li>a service's link to a whole object of the filesystem store ({@code expires}, {@code signature}: what S3
 *       presigned URLs are for the S3 store), for services reading footage themselves (exports).</li>
 * </ul>
 */
@RestController
class MediaController {

    private static final String MP4 = "video/mp4";

    private final FileSystemObjectStore files;
    private final ObjectStore store;
    private final MediaSigner signer;
    private final GrantedLinks links;
    private final GrantChecks grants;
    private final Clock clock;

    MediaController(Optional<FileSystemObjectStore> files, ObjectStore store, MediaSigner signer, GrantedLinks links,
            GrantChecks grants, Clock clock) {
        this.files = files.orElse(null);
        this.store = store;
        this.signer = signer;
        this.links = links;
        this.grants = grants;
        this.clock = clock;
    }

    /** Players on any page fetch these (hls.js by XHR): the signature is the credential. */
    @CrossOrigin(origins = "*", exposedHeaders = {"Content-Range", "Content-Length", "Accept-Ranges"})
    @GetMapping("/media/**")
    void media(HttpServletRequest request, HttpServletResponse response, @RequestParam(required = false) Long expires,
            @RequestParam(required = false) String signature, @RequestParam(required = false) String bytes,
            @RequestParam(required = false) String grant, @RequestParam(required = false) String sig,
            @RequestParam(required = false) String ticket) throws IOException {
        String path = (String) request.getAttribute(HandlerMapping.PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE);
        String key = path.substring("/media/".length());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=3600");
        if (grant == null) {
            if (files == null || expires == null || !signer.verify(key, expires, signature)) {
                throw ProblemException.forbidden("This media link is not valid or has expired.");
            }
            Path file = files.file(key);
            if (!Files.isRegularFile(file)) {
                throw ProblemException.notFound("No such media object.");
            }
            FileRanges.send(request, response, file, MP4, null);
            return;
        }
        if (!links.mediaValid(key, bytes, grant, sig)) {
            throw ProblemException.forbidden("This media link's signature does not match the object, byte range and grant "
                    + "it names: use the links of the playlist as they are.");
        }
        GrantedLinks.TicketCheck ticketCheck = links.check(grant, expires, ticket, clock.instant());
        if (ticketCheck != GrantedLinks.TicketCheck.VALID) {
            throw ProblemException.forbidden(GrantedLinks.refusal(ticketCheck));
        }
        requireGrant(RequestValues.uuid("grant", grant), request);
        FileRanges.Window window = FileRanges.Window.parse(bytes);
        if (files != null) {
            Path file = files.file(key);
            if (!Files.isRegularFile(file)) {
                throw ProblemException.notFound("No such media object.");
            }
            FileRanges.send(request, response, file, MP4, window);
            return;
        }
        sendFromStore(request, response, key, window);
    }

    private void requireGrant(UUID grant, HttpServletRequest request) {
        GrantChecks.GrantStatus status;
        try {
            status = grants.check(grant, new GrantChecks.GrantUse("media", request.getRemoteAddr(), false));
        } catch (GrantChecks.UnavailableException e) {
            throw ProblemException.unavailable("Whether this link still holds cannot be checked now; try again shortly.");
        }
        if (!status.valid()) {
            throw ProblemException.forbidden("This link no longer holds (" + status.reason() + ").");
        }
    }

    /* Object stores without files (S3): the size from the store, the bytes streamed through. */
    private void sendFromStore(HttpServletRequest request, HttpServletResponse response, String key, FileRanges.Window window)
            throws IOException {
        try {
            ObjectStore.StoredObject object = store.head(key)
                    .orElseThrow(() -> ProblemException.notFound("No such media object."));
            Optional<FileRanges.Slice> slice = FileRanges.slice(request.getHeader(HttpHeaders.RANGE), object.size(), window);
            if (FileRanges.head(request, response, slice, object.size(), MP4)) {
                try (InputStream in = store.get(key, slice.get().first(), slice.get().length());
                        OutputStream out = response.getOutputStream()) {
                    in.transferTo(out);
                }
            }
        } catch (ObjectStore.ObjectStoreUnavailableException e) {
            throw ProblemException.unavailable("The footage store does not answer now; try again shortly.");
        }
    }
}
