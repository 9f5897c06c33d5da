package ae.rta.cctv.common.client;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Asks the api whether a grant still holds ({@code POST /internal/grants/{id}/uses}), for the services that serve
 * the links a grant names (playback: playlists, cached pieces, export downloads; storage: media byte ranges). The
 * api owns users, sign-ins and camera visibility, so it decides; these services keep its answer for at most
 * {@code checkInterval} (30 s at most), so a link stops working within that of its user being disabled or losing
 * the camera, and serving a segment costs no remote call. Reported uses are audited by the api: the first use of a
 * playback, every download of an export.
 */
public final class GrantChecks {

    /** The longest an answer may be kept: a revoked grant must stop working within a minute. */
    public static final Duration MAX_CHECK_INTERVAL = Duration.ofSeconds(30);

    /**
     * A use of a grant's links, as the serving service reports it to the api (the wire record; the api owns it).
     *
     * @param use {@code playlist}, {@code media}, {@code cache}, {@code refresh}, or the file downloaded
     *     ({@code export.mp4}, {@code manifest.json}, {@code manifest.sig})
     * @param sourceIp the address the link was fetched from, or null
     * @param download whether this is a download to audit each time (export files)
     */
    public record GrantUse(String use, String sourceIp, boolean download) {
    }

    /**
     * What the api says of a grant (the wire record; the api owns it).
     *
     * @param valid whether its links may be served now
     * @param kind {@code PLAYBACK} or {@code EXPORT}
     * @param cameraId the camera it was granted for
     * @param target what it reaches beyond the camera: the export's id, or null
     * @param reason why not, when not valid
     */
    public record GrantStatus(boolean valid, String kind, String cameraId, String target, String reason) {

        static GrantStatus unknown() {
            return new GrantStatus(false, null, null, null, "no such grant");
        }
    }

    private final RestClient api;
    private final LoadingCache<UUID, GrantStatus> answers;

    /** @throws IllegalArgumentException for a check interval over {@link #MAX_CHECK_INTERVAL} or not positive */
    public GrantChecks(RestClient api, Duration checkInterval) {
        if (checkInterval.isNegative() || checkInterval.isZero() || checkInterval.compareTo(MAX_CHECK_INTERVAL) > 0) {
            throw new IllegalArgumentException("the grant check interval must be more than 0 and at most 30 s, not "
                    + checkInterval);
        }
        this.api = api;
        // Refreshed in the background after half the interval, so a playing grant is not held up by its recheck;
        // an answer that cannot be refreshed lapses at the interval and the next use asks again (and fails closed).
        this.answers = Caffeine.newBuilder().maximumSize(100_000)
                .refreshAfterWrite(checkInterval.dividedBy(2)).expireAfterWrite(checkInterval)
                .build(grant -> ask(grant, new GrantUse("refresh", null, false)));
    }

    /**
     * Whether the grant holds, from an answer at most the check interval old; a grant not asked about recently is
     * asked about now, reporting {@code use}.
     *
     * @throws UnavailableException when the api cannot be asked
     */
    public GrantStatus check(UUID grant, GrantUse use) {
        try {
            return answers.get(grant, g -> ask(g, use));
        } catch (UnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new UnavailableException(e);
        }
    }

    /** Asks the api now (no answer kept), reporting {@code use}: for uses audited each time. @throws UnavailableException */
    public GrantStatus checkNow(UUID grant, GrantUse use) {
        GrantStatus status = ask(grant, use);
        answers.put(grant, status);
        return status;
    }

    private GrantStatus ask(UUID grant, GrantUse use) {
        try {
            GrantStatus status = api.post().uri("/internal/grants/{id}/uses", grant).body(use).retrieve()
                    .body(GrantStatus.class);
            if (status == null) {
                throw new UnavailableException(new IllegalStateException("the api answered without a grant status"));
            }
            return status;
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode() == HttpStatus.NOT_FOUND) {
                return GrantStatus.unknown();
            }
            throw new UnavailableException(e);
        } catch (RestClientException e) {
            throw new UnavailableException(e);
        }
    }

    /** The api did not answer, or not as expected. */
    public static final class UnavailableException extends RuntimeException {
        public UnavailableException(Throwable cause) {
            super("the api cannot say whether the link's grant holds: " + cause.getMessage(), cause);
        }
    }
}
