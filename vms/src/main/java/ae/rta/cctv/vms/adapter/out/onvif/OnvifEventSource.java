package ae.rta.cctv.vms.adapter.out.onvif;

import ae.rta.cctv.vms.application.port.out.CameraEventSource;
import ae.rta.cctv.vms.domain.Camera;
import ae.rta.cctv.vms.domain.CameraEventKind;
import ae.rta.cctv.vms.domain.DeviceEvent;
import ae.rta.cctv.vms.domain.SourceType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ONVIF cameras' events through a pull point (ONVIF Core 9.1, the "Real-time Pull-Point Notification Interface" every
 * device shall implement): motion and tampering become {@link DeviceEvent}s; other topics are ignored.
 */
public final class OnvifEventSource implements CameraEventSource {

    /*
     * Topics (namespace http://www.onvif.org/ver10/topics, prefix tns1) and the boolean that says started/ended:
     *   VideoSource/MotionAlarm, Data State                          Imaging Service Specification 5.5.2
     *   RuleEngine/CellMotionDetector/Motion, Data IsMotion          Analytics Service Specification, Annex B
     *   VideoSource/GlobalSceneChange/{Analytics,Imaging,Recording}Service, VideoSource/ImageTooBlurry|ImageTooDark|
     *   ImageTooBright/..., VideoSource/SignalLoss, Data State        Imaging Service Specification 5.5.1 (tampering)
     * They are property events (Core 9.4.2): PropertyOperation Initialized gives the state at subscription, Changed a
     * change, Deleted that the property is gone. An Initialized "false" started nothing and is not stored; Deleted is
     * not a change of the scene. Lifetime: the pull point is created for LIFETIME and renewed when half of what the
     * device granted is left (Core 9.1.3); a device without Renew keeps it alive through the pulls themselves
     * (Core 9.1.1: "the pull point keep alive is controlled via the PullMessages operation").
     */
    private static final Logger log = LoggerFactory.getLogger(OnvifEventSource.class);
    static final Duration LIFETIME = Duration.ofSeconds(60);
    private static final int MESSAGE_LIMIT = 100;

    private final OnvifDevices devices;
    private final Clock clock;

    public OnvifEventSource(OnvifDevices devices, Clock clock) {
        this.devices = devices;
        this.clock = clock;
    }

    @Override
    public SourceType type() {
        return SourceType.ONVIF;
    }

    @Override
    public Optional<Subscription> subscribe(Camera camera) {
        OnvifClient client = devices.client(camera);
        try {
            if (!client.hasEvents()) {
                return Optional.empty();
            }
            OnvifClient.PullPoint point = client.createPullPoint(LIFETIME);
            log.debug("camera {}: pull point at {}", camera.id(), OnvifXml.masked(point.address()));
            return Optional.of(new PullPointSubscription(client, point));
        } catch (OnvifClient.OnvifException e) {
            throw new EventsFailedException("the camera refused the event subscription: " + e.getMessage(), e);
        }
    }

    /** The state a notification says for a topic this system keeps, or null for one it does not. */
    static DeviceEvent event(OnvifClient.Notification n, Duration skew, Instant received) {
        CameraEventKind kind = kind(n.topic());
        if (kind == null || "Deleted".equals(n.operation())) {
            return null;
        }
        String value = n.data().getOrDefault("State", n.data().get("IsMotion"));
        if (value == null || !(value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false") || value.equals("1")
                || value.equals("0"))) {
            return null;
        }
        boolean active = value.equalsIgnoreCase("true") || value.equals("1");
        if (!active && "Initialized".equals(n.operation())) {
            return null;
        }
        Instant at = n.utcTime() == null ? received : n.utcTime().minus(skew);
        String source = n.source().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        return new DeviceEvent(kind, active, OnvifXml.printable("tns1:" + n.topic() + (source.isEmpty() ? "" : " (" + source
                + ")"), 400), at);
    }

    static CameraEventKind kind(String topic) {
        if (topic.equals("VideoSource/MotionAlarm") || topic.equals("RuleEngine/CellMotionDetector/Motion")) {
            return CameraEventKind.MOTION;
        }
        if (topic.startsWith("VideoSource/GlobalSceneChange/") || topic.startsWith("VideoSource/ImageTooBlurry/")
                || topic.startsWith("VideoSource/ImageTooDark/") || topic.startsWith("VideoSource/ImageTooBright/")
                || topic.equals("VideoSource/SignalLoss")) {
            return CameraEventKind.TAMPERING;
        }
        return null;
    }

    private final class PullPointSubscription implements Subscription {
        private final OnvifClient client;
        private final OnvifClient.PullPoint point;
        private Duration granted;
        private boolean renewable = true;

        PullPointSubscription(OnvifClient client, OnvifClient.PullPoint point) {
            this.client = client;
            this.point = point;
            this.granted = point.lifetime() == null ? LIFETIME : point.lifetime();
        }

        @Override
        public List<DeviceEvent> next(Duration wait) {
            OnvifClient.Pulled pulled;
            try {
                pulled = client.pull(point, wait, MESSAGE_LIMIT);
            } catch (OnvifClient.OnvifException e) {
                throw new EventsFailedException("the camera's pull point failed: " + e.getMessage(), e);
            }
            Instant received = clock.instant();
            Duration skew = client.skew();
            List<DeviceEvent> events = new ArrayList<>();
            for (OnvifClient.Notification n : pulled.notifications()) {
                DeviceEvent event = event(n, skew, received);
                if (event != null) {
                    events.add(event);
                }
            }
            keepAlive(pulled);
            return events;
        }

        private void keepAlive(OnvifClient.Pulled pulled) {
            if (!renewable || pulled.currentTime() == null || pulled.terminationTime() == null) {
                return;
            }
            Duration left = Duration.between(pulled.currentTime(), pulled.terminationTime());
            if (left.compareTo(granted.dividedBy(2)) > 0) {
                return;
            }
            try {
                Instant until = client.renew(point, LIFETIME);
                if (until != null && until.isAfter(pulled.currentTime())) {
                    granted = Duration.between(pulled.currentTime(), until);
                }
            } catch (OnvifClient.LoginRefusedException e) {
                throw new EventsFailedException("the camera refused to renew the event subscription: " + e.getMessage(), e);
            } catch (OnvifClient.OnvifException e) {
                log.debug("pull point {} cannot be renewed ({}); pulling keeps it alive", OnvifXml.masked(point.address()),
                        e.getMessage());
                renewable = false;
            }
        }

        @Override
        public void close() {
            try {
                client.unsubscribe(point);
            } catch (RuntimeException e) {
                log.debug("pull point {} not unsubscribed: {}", OnvifXml.masked(point.address()), e.getMessage());
            }
        }
    }

}
