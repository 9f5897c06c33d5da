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

/**
 * One {@link OnvifClient} per ONVIF camera, with what was learnt from the device (clock skew, services, profiles,
 * stream URLs) kept for {@code remember}, so steady-state streaming and PTZ cost no extra SOAP round trips.
 */
public final class OnvifDevices {

    /** A device's profiles, main first (widest), and their stream URLs. */
    record Media(OnvifClient.Profile main, OnvifClient.Profile sub, URI mainUri, URI subUri) {
    }

    private record Key(CameraId camera, URI device, String username, int passwordHash) {
    }

    private final Clock clock;
    private final Duration timeout;
    private final HttpClient http;
    private final Cache<Key, OnvifClient> clients;
    private final Cache<Key, Media> media;

    public OnvifDevices(Clock clock, Duration timeout, Duration remember) {
        this.clock = clock;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.clients = Caffeine.newBuilder().expireAfterAccess(remember).maximumSize(50_000).build();
        this.media = Caffeine.newBuilder().expireAfterWrite(remember).maximumSize(50_000).build();
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
            URI mainUri = client.streamUri(main.token());
            return new Media(main, sub, mainUri, sub == main ? mainUri : client.streamUri(sub.token()));
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
