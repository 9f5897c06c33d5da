package ae.rta.cctv.vms.adapter.out.onvif;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.vms.domain.Camera;
import ae.rta.cctv.vms.domain.CameraSource;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link OnvifClient} per ONVIF camera, with what was learnt from the device (login, clock skew, services,
 * profiles, stream URLs, PTZ spaces) kept for {@code remember}, so steady-state streaming and PTZ cost no extra SOAP
 * round trips.
 */
public final class OnvifDevices {

    /** A device's profiles, main first (widest), and their stream URLs. */
    record Media(OnvifClient.Profile main, OnvifClient.Profile sub, URI mainUri, URI subUri) {
    }

    private record Key(CameraId camera, URI device, String username, int passwordHash) {
    }

    private static final Logger log = LoggerFactory.getLogger(OnvifDevices.class);

    private final Clock clock;
    private final Duration timeout;
    private final HttpClient http;
    private final Cache<Key, OnvifClient> clients;
    private final Cache<Key, Media> media;
    private final Cache<Key, OnvifHead> heads;

    public OnvifDevices(Clock clock, Duration timeout, Duration remember) {
        this.clock = clock;
        this.timeout = timeout;
        this.http = OnvifClient.httpClient(timeout);
        this.clients = Caffeine.newBuilder().expireAfterAccess(remember).maximumSize(50_000).build();
        this.media = Caffeine.newBuilder().expireAfterWrite(remember).maximumSize(50_000).build();
        this.heads = Caffeine.newBuilder().expireAfterWrite(remember).maximumSize(50_000).build();
    }

    OnvifClient client(Camera camera) {
        return clients.get(key(camera), k -> new OnvifClient(k.device(), source(camera).credentials(), clock, http, timeout));
    }

    Media media(Camera camera) {
        return media.get(key(camera), k -> {
            OnvifClient client = client(camera);
            List<OnvifClient.Profile> profiles = client.profiles().stream()
                    .sorted(Comparator.comparingInt(OnvifClient.Profile::width).reversed()).toList();
            OnvifClient.Profile main = profiles.getFirst();
            OnvifClient.Profile sub = profiles.size() > 1 ? profiles.getLast() : main;
            URI mainUri = client.streamUri(main);
            return new Media(main, sub, mainUri, sub == main ? mainUri : client.streamUri(sub));
        });
    }

    /**
     * The camera's PTZ head: on the main profile when it has a PTZ configuration, else on the widest one that has,
     * with the spaces that configuration's options name.
     *
     * @throws OnvifClient.OnvifException when no profile has a PTZ configuration (ter:NoPTZProfile), or the device fails
     */
    OnvifHead head(Camera camera) {
        return heads.get(key(camera), k -> {
            OnvifClient client = client(camera);
            if (!client.hasPtz()) {
                throw new OnvifClient.OnvifException("the device has no PTZ service", null);
            }
            OnvifClient.Profile profile = client.profiles().stream().filter(p -> p.ptzConfiguration() != null)
                    .max(Comparator.comparingInt(OnvifClient.Profile::width))
                    .orElseThrow(() -> new OnvifClient.OnvifException("no media profile of the device has a PTZ "
                            + "configuration (ter:NoPTZProfile)", null));
            PtzSpaces spaces;
            try {
                spaces = client.ptzSpaces(profile.ptzConfiguration());
            } catch (OnvifClient.LoginRefusedException e) {
                throw e;
            } catch (OnvifClient.OnvifException e) {
                log.debug("ONVIF camera {}: GetConfigurationOptions failed ({}); using the generic spaces", camera.id(),
                        e.getMessage());
                spaces = PtzSpaces.GENERIC;
            }
            return new OnvifHead(client, profile.token(), spaces);
        });
    }

    private static Key key(Camera camera) {
        CameraSource.Onvif source = source(camera);
        return new Key(camera.id(), source.deviceService(), source.credentials().username(),
                source.credentials().password().hashCode());
    }

    private static CameraSource.Onvif source(Camera camera) {
        if (!(camera.source() instanceof CameraSource.Onvif onvif)) {
            throw new IllegalArgumentException("not an ONVIF camera: " + camera.id());
        }
        return onvif;
    }
}
