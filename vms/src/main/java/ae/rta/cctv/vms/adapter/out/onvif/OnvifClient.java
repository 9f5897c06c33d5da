package ae.rta.cctv.vms.adapter.out.onvif;

import ae.rta.cctv.vms.domain.Credentials;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A small ONVIF client for one device: the device, media (Media2, else Media), PTZ, event and replay operations the
 * system uses, over plain HTTP/1.1 with HTTP Digest or a WS-UsernameToken ({@link OnvifSoap}). Service addresses come
 * from {@code GetServices} (or {@code GetCapabilities} on devices without it). The device's clock is read once
 * ({@code GetSystemDateAndTime}, which needs no login) and kept as its skew: a UsernameToken's creation time and the
 * times of the device's events are shifted by it. Every SOAP shape below names the specification it follows.
 * Thread-safe.
 */
public final class OnvifClient {

    /**
     * A media profile.
     *
     * @param encoding the video encoding the profile streams (H264, H265, JPEG, ...), or empty when not told
     * @param ptzConfiguration the token of its PTZ configuration, or null when it has none
     * @param media2 whether it came from the Media2 service (Profile T), whose GetStreamUri it then needs
     */
    public record Profile(String token, String name, int width, int height, String encoding, String ptzConfiguration,
            boolean media2) {
    }

    /** A stored PTZ position of the device. */
    public record DevicePreset(String token, String name) {
    }

    /** The device refused or failed a request; the message is its fault reason, or what went wrong. */
    public static class OnvifException extends RuntimeException {
        public OnvifException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The device refused the login; the message says which (HTTP Digest or WS-UsernameToken). */
    public static final class LoginRefusedException extends OnvifException {
        public LoginRefusedException(String message) {
            super(message, null);
        }
    }

    /** Where a device's services are, as its GetServices (or GetCapabilities) answer says; null where absent. */
    record Services(URI media, URI media2, URI ptz, URI events, URI replay) {
    }

    /**
     * A pull point (ONVIF Core 9.1.1): its address, the reference parameters each request to it echoes, and the life
     * the device granted (TerminationTime less CurrentTime, both on its clock), or null when it did not say.
     */
    public record PullPoint(URI address, String referenceParameters, Duration lifetime) {
    }

    /** What one PullMessages answered (ONVIF Core 9.1.2): the device's times and its notifications. */
    public record Pulled(Instant currentTime, Instant terminationTime, List<Notification> notifications) {
    }

    /**
     * One notification ({@code wsnt:NotificationMessage} holding a {@code tt:Message}, ONVIF Core 9.10.6).
     *
     * @param topic the topic path without its namespace prefix, e.g. {@code VideoSource/MotionAlarm}
     * @param utcTime the message's UtcTime on the device's clock, or null when missing or unreadable
     * @param operation PropertyOperation: Initialized, Changed or Deleted (empty when not a property event)
     * @param source the Source SimpleItems, name to value
     * @param data the Data SimpleItems, name to value
     */
    public record Notification(String topic, Instant utcTime, String operation, Map<String, String> source,
            Map<String, String> data) {
    }

    private static final Logger log = LoggerFactory.getLogger(OnvifClient.class);

    static final String DEVICE = "http://www.onvif.org/ver10/device/wsdl";
    static final String MEDIA = "http://www.onvif.org/ver10/media/wsdl";
    static final String MEDIA2 = "http://www.onvif.org/ver20/media/wsdl";
    static final String PTZ = "http://www.onvif.org/ver20/ptz/wsdl";
    static final String EVENTS = "http://www.onvif.org/ver10/events/wsdl";
    static final String REPLAY = "http://www.onvif.org/ver10/replay/wsdl";
    static final String SCHEMA = "http://www.onvif.org/ver10/schema";
    static final String TOPICS = "http://www.onvif.org/ver10/topics";
    static final String WSA = "http://www.w3.org/2005/08/addressing";
    static final String WSNT = "http://docs.oasis-open.org/wsn/b-2";
    /* media.wsdl (ver10) GetStreamUri / replay.wsdl GetReplayUri: tt:StreamSetup, "RTP over RTSP over TCP" (Media 5.15.1). */
    private static final String STREAM_SETUP = "<StreamSetup><Stream xmlns=\"" + SCHEMA + "\">RTP-Unicast</Stream>"
            + "<Transport xmlns=\"" + SCHEMA + "\"><Protocol>RTSP</Protocol></Transport></StreamSetup>";

    private final URI deviceService;
    private final Clock clock;
    private final OnvifSoap soap;
    private volatile Duration skew;
    private volatile Services services;

    public OnvifClient(URI deviceService, Credentials credentials, Clock clock, HttpClient http, Duration timeout) {
        this.deviceService = deviceService;
        this.clock = clock;
        this.soap = new OnvifSoap(credentials, clock, http, timeout, this::skew);
    }

    /** An HTTP client for devices: HTTP/1.1 (no {@code Upgrade: h2c}), no redirects followed. */
    public static HttpClient httpClient(Duration connectTimeout) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** How the device wants its login, as learnt so far: {@code UNKNOWN}, {@code DIGEST} or {@code USERNAME_TOKEN}. */
    public String login() {
        return soap.login().name();
    }

    /** How far the device's clock is ahead of ours (negative when behind). */
    public Duration skew() {
        Duration s = skew;
        if (s == null) {
            // devicemgmt.wsdl GetSystemDateAndTime -> SystemDateAndTime/UTCDateTime{Time{Hour,Minute,Second},
            // Date{Year,Month,Day}} (tt:DateTime in onvif.xsd); access class PRE_AUTH (Core 8.3.6), so unsigned.
            Document answer = soap.call(deviceService, "<GetSystemDateAndTime xmlns=\"" + DEVICE + "\"/>", "", false,
                    Duration.ZERO);
            Element utc = OnvifXml.first(answer.getDocumentElement(), "UTCDateTime");
            Element date = OnvifXml.first(utc, "Date");
            Element time = OnvifXml.first(utc, "Time");
            try {
                LocalDateTime device = LocalDateTime.of(number(date, "Year"), number(date, "Month"), number(date, "Day"),
                        number(time, "Hour"), number(time, "Minute"), number(time, "Second"));
                s = Duration.between(clock.instant().truncatedTo(ChronoUnit.SECONDS), device.toInstant(ZoneOffset.UTC));
            } catch (java.time.DateTimeException e) {
                throw new OnvifException("the device's clock reads an impossible date", e);
            }
            skew = s;
        }
        return s;
    }

    Services services() {
        Services s = services;
        if (s == null) {
            try {
                s = fromGetServices();
            } catch (LoginRefusedException e) {
                throw e;
            } catch (OnvifException e) {
                log.debug("ONVIF device {} did not answer GetServices ({}); asking GetCapabilities", deviceService,
                        e.getMessage());
                s = fromGetCapabilities();
            }
            services = s;
        }
        return s;
    }

    /*
     * devicemgmt.wsdl GetServices(IncludeCapability) -> Service*{Namespace, XAddr, Version} (ONVIF Core 8.1.2.2, the
     * way to find services since Core 2.0; GetCapabilities is kept for older devices).
     */
    private Services fromGetServices() {
        Document answer = soap.call(deviceService, "<GetServices xmlns=\"" + DEVICE
                + "\"><IncludeCapability>false</IncludeCapability></GetServices>", "", true, Duration.ZERO);
        Map<String, URI> byNamespace = new LinkedHashMap<>();
        NodeList nodes = answer.getElementsByTagNameNS("*", "Service");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element service = (Element) nodes.item(i);
            String namespace = OnvifXml.text(OnvifXml.child(service, "Namespace"));
            URI address = address(OnvifXml.text(OnvifXml.child(service, "XAddr")));
            if (address != null) {
                byNamespace.putIfAbsent(namespace, address);
            }
        }
        if (byNamespace.isEmpty()) {
            throw new OnvifException("the device lists no services", null);
        }
        return new Services(byNamespace.get(MEDIA), byNamespace.get(MEDIA2), byNamespace.get(PTZ),
                byNamespace.get(EVENTS), byNamespace.get(REPLAY));
    }

    /*
     * devicemgmt.wsdl GetCapabilities(Category All) (ONVIF Core 8.1.2.4) -> Capabilities{Media, PTZ, Events, Extension{Replay}}, each with an
     * XAddr (tt:Capabilities in onvif.xsd).
     */
    private Services fromGetCapabilities() {
        Document answer = soap.call(deviceService, "<GetCapabilities xmlns=\"" + DEVICE
                + "\"><Category>All</Category></GetCapabilities>", "", true, Duration.ZERO);
        Element capabilities = OnvifXml.first(answer.getDocumentElement(), "Capabilities");
        return new Services(xaddr(capabilities, "Media"), null, xaddr(capabilities, "PTZ"), xaddr(capabilities, "Events"),
                xaddr(capabilities, "Replay"));
    }

    private URI xaddr(Element capabilities, String service) {
        Element e = OnvifXml.optional(capabilities, service);
        return e == null ? null : address(OnvifXml.text(OnvifXml.optional(e, "XAddr")));
    }

    /**
     * A service address as the device gave it, on the device service's scheme, host and port when it named another
     * host: Core 8.1.2.2 says the XAddr "shall match the scheme and IP part" of the request, and a device behind NAT
     * names its inside address, which this system cannot reach (and must not be sent elsewhere by a device).
     */
    private URI address(String xaddr) {
        if (xaddr.isEmpty()) {
            return null;
        }
        try {
            URI given = new URI(xaddr.split("\\s+")[0]);
            if (given.getHost() == null || !given.getHost().equalsIgnoreCase(deviceService.getHost())
                    || !"http".equals(given.getScheme()) && !"https".equals(given.getScheme())) {
                URI fixed = new URI(deviceService.getScheme(), null, deviceService.getHost(), deviceService.getPort(),
                        given.getRawPath() == null || given.getRawPath().isEmpty() ? "/" : given.getPath(),
                        given.getQuery(), null);
                log.debug("ONVIF device {} names service address {}; using {}", deviceService, OnvifXml.masked(given), fixed);
                return fixed;
            }
            return given;
        } catch (URISyntaxException e) {
            log.debug("ONVIF device {} names an unreadable service address", deviceService);
            return null;
        }
    }

    /** The device's media profiles, from Media2 (Profile T) when it offers that service, else from Media. */
    public List<Profile> profiles() {
        Services s = services();
        if (s.media2() != null) {
            try {
                return media2Profiles(s.media2());
            } catch (LoginRefusedException e) {
                throw e;
            } catch (OnvifException e) {
                if (s.media() == null) {
                    throw e;
                }
                log.debug("ONVIF device {}: Media2 GetProfiles failed ({}); using Media", deviceService, e.getMessage());
            }
        }
        if (s.media() == null) {
            throw new OnvifException("the device has no media service", null);
        }
        return media1Profiles(s.media());
    }

    /*
     * Media2 (ver20/media/wsdl) GetProfiles{Type=All} -> Profiles*(tr2:MediaProfile @token){Name,
     * Configurations{VideoEncoder{Encoding, Resolution{Width, Height}}, PTZ @token}} (Media2 Service Specification
     * 5.1.2: without a Type "the returned profiles shall contain no configuration information").
     */
    private List<Profile> media2Profiles(URI media2) {
        Document answer = soap.call(media2, "<GetProfiles xmlns=\"" + MEDIA2 + "\"><Type>All</Type></GetProfiles>", "",
                true, Duration.ZERO);
        List<Profile> profiles = new ArrayList<>();
        for (Element p : OnvifXml.children(OnvifXml.first(answer.getDocumentElement(), "GetProfilesResponse"), "Profiles")) {
            Element configurations = OnvifXml.child(p, "Configurations");
            Element encoder = OnvifXml.child(configurations, "VideoEncoder");
            Element ptz = OnvifXml.child(configurations, "PTZ");
            profiles.add(profile(p, encoder, ptz, true));
        }
        if (profiles.isEmpty()) {
            throw new OnvifException("the device has no media profile", null);
        }
        return profiles;
    }

    /*
     * Media (ver10/media/wsdl) GetProfiles -> Profiles*(tt:Profile @token){Name, VideoEncoderConfiguration{Encoding,
     * Resolution{Width, Height}}, PTZConfiguration @token} (Media Service Specification 5.2.2; tt:Profile in onvif.xsd).
     */
    private List<Profile> media1Profiles(URI media) {
        Document answer = soap.call(media, "<GetProfiles xmlns=\"" + MEDIA + "\"/>", "", true, Duration.ZERO);
        List<Profile> profiles = new ArrayList<>();
        for (Element p : OnvifXml.children(OnvifXml.first(answer.getDocumentElement(), "GetProfilesResponse"), "Profiles")) {
            profiles.add(profile(p, OnvifXml.child(p, "VideoEncoderConfiguration"), OnvifXml.child(p, "PTZConfiguration"),
                    false));
        }
        if (profiles.isEmpty()) {
            throw new OnvifException("the device has no media profile", null);
        }
        return profiles;
    }

    private static Profile profile(Element p, Element encoder, Element ptz, boolean media2) {
        String token = p.getAttribute("token");
        if (token.isEmpty()) {
            throw new OnvifException("the device lists a media profile without a token", null);
        }
        Element resolution = OnvifXml.child(encoder, "Resolution");
        return new Profile(token, OnvifXml.text(OnvifXml.child(p, "Name")), integer(OnvifXml.child(resolution, "Width")),
                integer(OnvifXml.child(resolution, "Height")), OnvifXml.text(OnvifXml.child(encoder, "Encoding")),
                ptz == null || ptz.getAttribute("token").isEmpty() ? null : ptz.getAttribute("token"), media2);
    }

    /** The RTSP URL of a profile's stream, RTP over RTSP over TCP. */
    public URI streamUri(Profile profile) {
        Services s = services();
        Document answer;
        if (profile.media2()) {
            // Media2 GetStreamUri{Protocol, ProfileToken} -> Uri; Protocol "RTSP" is "RTSP streaming RTP over TCP"
            // (tr2:TransportProtocol; Media2 Service Specification 5.4.1).
            answer = soap.call(s.media2(), "<GetStreamUri xmlns=\"" + MEDIA2 + "\"><Protocol>RTSP</Protocol><ProfileToken>"
                    + OnvifXml.escape(profile.token()) + "</ProfileToken></GetStreamUri>", "", true, Duration.ZERO);
        } else {
            // Media GetStreamUri{StreamSetup, ProfileToken} -> MediaUri{Uri} (Media Service Specification 5.15.1).
            answer = soap.call(s.media(), "<GetStreamUri xmlns=\"" + MEDIA + "\">" + STREAM_SETUP + "<ProfileToken>"
                    + OnvifXml.escape(profile.token()) + "</ProfileToken></GetStreamUri>", "", true, Duration.ZERO);
        }
        return uri(OnvifXml.text(OnvifXml.first(answer.getDocumentElement(), "Uri")));
    }

    /** Whether the device offers the Replay service (ONVIF Profile G). */
    public boolean hasReplay() {
        return services().replay() != null;
    }

    /**
     * Where a recording is replayed from ({@code GetReplayUri}, RTP unicast over RTSP): an RTSP URL to play with
     * {@code Require: onvif-replay} and {@code Range: clock=...} (ONVIF Streaming Specification).
     *
     * @throws OnvifException when the device has no Replay service, refuses, or does not answer
     */
    public URI replayUri(String recordingToken) {
        URI replay = offered(services().replay(), "replay");
        // replay.wsdl GetReplayUri{StreamSetup, RecordingToken} -> Uri (Replay Control Service Specification 5.1).
        Document answer = soap.call(replay, "<GetReplayUri xmlns=\"" + REPLAY + "\">" + STREAM_SETUP
                + "<RecordingToken>" + OnvifXml.escape(recordingToken) + "</RecordingToken></GetReplayUri>", "", true,
                Duration.ZERO);
        return uri(OnvifXml.text(OnvifXml.first(answer.getDocumentElement(), "Uri")));
    }

    /** Whether the device offers a PTZ service. */
    public boolean hasPtz() {
        return services().ptz() != null;
    }

    /*
     * PTZ (ver20/ptz/wsdl) GetConfigurationOptions{ConfigurationToken} -> PTZConfigurationOptions{Spaces(tt:PTZSpaces)
     * {AbsolutePanTiltPositionSpace*, AbsoluteZoomPositionSpace*, RelativePanTiltTranslationSpace*,
     * RelativeZoomTranslationSpace*, ContinuousPanTiltVelocitySpace*, ContinuousZoomVelocitySpace*, ...}}, each a
     * Space2DDescription{URI, XRange{Min, Max}, YRange} or Space1DDescription{URI, XRange} (PTZ Service Specification
     * 5.2.4: "the list of supported coordinate systems including their range limitations").
     */
    /** The spaces and ranges of a PTZ configuration. */
    public PtzSpaces ptzSpaces(String configurationToken) {
        Document answer = ptz("<GetConfigurationOptions xmlns=\"" + PTZ + "\"><ConfigurationToken>"
                + OnvifXml.escape(configurationToken) + "</ConfigurationToken></GetConfigurationOptions>");
        Element spaces = OnvifXml.first(answer.getDocumentElement(), "Spaces");
        return new PtzSpaces(
                PtzSpaces.choose(spaces(spaces, "AbsolutePanTiltPositionSpace"), PtzSpaces.PAN_TILT + "PositionGenericSpace"),
                PtzSpaces.choose(spaces(spaces, "AbsoluteZoomPositionSpace"), PtzSpaces.ZOOM + "PositionGenericSpace"),
                PtzSpaces.choose(spaces(spaces, "RelativePanTiltTranslationSpace"), PtzSpaces.PAN_TILT + "TranslationGenericSpace"),
                PtzSpaces.choose(spaces(spaces, "RelativeZoomTranslationSpace"), PtzSpaces.ZOOM + "TranslationGenericSpace"),
                PtzSpaces.choose(spaces(spaces, "ContinuousPanTiltVelocitySpace"), PtzSpaces.PAN_TILT + "VelocityGenericSpace"),
                PtzSpaces.choose(spaces(spaces, "ContinuousZoomVelocitySpace"), PtzSpaces.ZOOM + "VelocityGenericSpace"));
    }

    private static List<PtzSpaces.Space> spaces(Element spaces, String kind) {
        List<PtzSpaces.Space> out = new ArrayList<>();
        for (Element s : OnvifXml.children(spaces, kind)) {
            PtzSpaces.Range x = range(OnvifXml.child(s, "XRange"));
            Element yRange = OnvifXml.child(s, "YRange");
            if (x != null) {
                out.add(new PtzSpaces.Space(OnvifXml.text(OnvifXml.child(s, "URI")), x, yRange == null ? null : range(yRange)));
            }
        }
        return out;
    }

    private static PtzSpaces.Range range(Element range) {
        try {
            return new PtzSpaces.Range(decimal(OnvifXml.text(OnvifXml.child(range, "Min"))),
                    decimal(OnvifXml.text(OnvifXml.child(range, "Max"))));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /*
     * PTZ GetStatus{ProfileToken} -> PTZStatus{Position(tt:PTZVector){PanTilt @x @y @space, Zoom @x @space},
     * MoveStatus, UtcTime} (PTZ Service Specification 5.3.7; common.xsd). Position is optional (capability
     * StatusPosition).
     */
    /** Where the head is, in its default absolute spaces; parts the device does not report are null. */
    public PtzSpaces.Vector position(String profile) {
        Document answer = ptz("<GetStatus xmlns=\"" + PTZ + "\"><ProfileToken>" + OnvifXml.escape(profile)
                + "</ProfileToken></GetStatus>");
        Element position = OnvifXml.child(OnvifXml.optional(answer.getDocumentElement(), "PTZStatus"), "Position");
        Element panTilt = OnvifXml.child(position, "PanTilt");
        Element zoom = OnvifXml.child(position, "Zoom");
        try {
            Double x = panTilt == null ? null : decimal(panTilt.getAttribute("x"));
            Double y = panTilt == null ? null : decimal(panTilt.getAttribute("y"));
            Double z = zoom == null ? null : decimal(zoom.getAttribute("x"));
            return new PtzSpaces.Vector(x, y, panTilt == null ? null : blankToNull(panTilt.getAttribute("space")), z,
                    zoom == null ? null : blankToNull(zoom.getAttribute("space")));
        } catch (NumberFormatException e) {
            throw new OnvifException("the device's PTZ status has an unreadable position", e);
        }
    }

    // PTZ ContinuousMove{ProfileToken, Velocity(tt:PTZSpeed), Timeout} (PTZ Service Specification 5.3.3).
    public void continuousMove(String profile, PtzSpaces.Vector velocity, Duration timeout) {
        ptz("<ContinuousMove xmlns=\"" + PTZ + "\"><ProfileToken>" + OnvifXml.escape(profile) + "</ProfileToken><Velocity>"
                + PtzSpaces.xml(velocity) + "</Velocity><Timeout>" + timeout + "</Timeout></ContinuousMove>");
    }

    // PTZ RelativeMove{ProfileToken, Translation(tt:PTZVector)} (PTZ Service Specification 5.3.2).
    public void relativeMove(String profile, PtzSpaces.Vector translation) {
        ptz("<RelativeMove xmlns=\"" + PTZ + "\"><ProfileToken>" + OnvifXml.escape(profile) + "</ProfileToken><Translation>"
                + PtzSpaces.xml(translation) + "</Translation></RelativeMove>");
    }

    // PTZ AbsoluteMove{ProfileToken, Position(tt:PTZVector)} (PTZ Service Specification 5.3.1).
    public void absoluteMove(String profile, PtzSpaces.Vector position) {
        ptz("<AbsoluteMove xmlns=\"" + PTZ + "\"><ProfileToken>" + OnvifXml.escape(profile) + "</ProfileToken><Position>"
                + PtzSpaces.xml(position) + "</Position></AbsoluteMove>");
    }

    // PTZ Stop{ProfileToken, PanTilt, Zoom} (PTZ Service Specification 5.3.5).
    public void stop(String profile) {
        ptz("<Stop xmlns=\"" + PTZ + "\"><ProfileToken>" + OnvifXml.escape(profile)
                + "</ProfileToken><PanTilt>true</PanTilt><Zoom>true</Zoom></Stop>");
    }

    // PTZ GotoHomePosition{ProfileToken} (PTZ Service Specification 5.5.1).
    public void gotoHome(String profile) {
        ptz("<GotoHomePosition xmlns=\"" + PTZ + "\"><ProfileToken>" + OnvifXml.escape(profile)
                + "</ProfileToken></GotoHomePosition>");
    }

    // PTZ GotoPreset{ProfileToken, PresetToken} (PTZ Service Specification 5.4.3).
    public void gotoPreset(String profile, String preset) {
        ptz("<GotoPreset xmlns=\"" + PTZ + "\"><ProfileToken>" + OnvifXml.escape(profile) + "</ProfileToken><PresetToken>"
                + OnvifXml.escape(preset) + "</PresetToken></GotoPreset>");
    }

    // PTZ GetPresets{ProfileToken} -> Preset*(tt:PTZPreset @token){Name} (PTZ Service Specification 5.4.2).
    public List<DevicePreset> presets(String profile) {
        Document answer = ptz("<GetPresets xmlns=\"" + PTZ + "\"><ProfileToken>" + OnvifXml.escape(profile)
                + "</ProfileToken></GetPresets>");
        List<DevicePreset> presets = new ArrayList<>();
        NodeList nodes = answer.getElementsByTagNameNS("*", "Preset");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element p = (Element) nodes.item(i);
            presets.add(new DevicePreset(p.getAttribute("token"), OnvifXml.printable(OnvifXml.text(OnvifXml.child(p, "Name")), 64)));
        }
        return presets;
    }

    // PTZ SetPreset{ProfileToken, PresetName} -> PresetToken (PTZ Service Specification 5.4.1).
    public String setPreset(String profile, String name) {
        Document answer = ptz("<SetPreset xmlns=\"" + PTZ + "\"><ProfileToken>" + OnvifXml.escape(profile)
                + "</ProfileToken><PresetName>" + OnvifXml.escape(name) + "</PresetName></SetPreset>");
        return OnvifXml.text(OnvifXml.first(answer.getDocumentElement(), "PresetToken"));
    }

    // PTZ RemovePreset{ProfileToken, PresetToken} (PTZ Service Specification 5.4.4).
    public void removePreset(String profile, String preset) {
        ptz("<RemovePreset xmlns=\"" + PTZ + "\"><ProfileToken>" + OnvifXml.escape(profile) + "</ProfileToken><PresetToken>"
                + OnvifXml.escape(preset) + "</PresetToken></RemovePreset>");
    }

    private Document ptz(String body) {
        return soap.call(offered(services().ptz(), "PTZ"), body, "", true, Duration.ZERO);
    }

    private static URI offered(URI service, String name) {
        if (service == null) {
            throw new OnvifException("the device has no " + name + " service", null);
        }
        return service;
    }

    /** Whether the device offers the Events service. */
    public boolean hasEvents() {
        return services().events() != null;
    }

    /*
     * Events (ver10/events/wsdl) CreatePullPointSubscription{InitialTerminationTime} -> SubscriptionReference
     * (wsa:EndpointReferenceType){Address, ReferenceParameters?}, CurrentTime, TerminationTime (ONVIF Core 9.1.1 and the
     * example in 9.10.3/9.10.4). No Filter: "the pullpoint shall notify all occurring events", and this client keeps the
     * topics it knows, so a device's topic-filter dialect cannot get in the way.
     */
    /** Creates a pull point that lives {@code lifetime} unless pulled from or renewed. */
    public PullPoint createPullPoint(Duration lifetime) {
        URI events = offered(services().events(), "events");
        Document answer = soap.call(events, "<CreatePullPointSubscription xmlns=\"" + EVENTS + "\"><InitialTerminationTime>"
                + lifetime + "</InitialTerminationTime></CreatePullPointSubscription>",
                action(EVENTS + "/EventPortType/CreatePullPointSubscriptionRequest"), true, Duration.ZERO);
        Element reference = OnvifXml.first(answer.getDocumentElement(), "SubscriptionReference");
        URI address = address(OnvifXml.text(OnvifXml.child(reference, "Address")));
        if (address == null) {
            throw new OnvifException("the device's pull point has no address", null);
        }
        Element response = OnvifXml.first(answer.getDocumentElement(), "CreatePullPointSubscriptionResponse");
        Instant current = time(OnvifXml.text(OnvifXml.child(response, "CurrentTime")));
        Instant termination = time(OnvifXml.text(OnvifXml.child(response, "TerminationTime")));
        Duration granted = current == null || termination == null || !termination.isAfter(current) ? null
                : Duration.between(current, termination);
        return new PullPoint(address, OnvifXml.childrenXml(OnvifXml.child(reference, "ReferenceParameters")), granted);
    }

    /*
     * PullPointSubscription PullMessages{Timeout, MessageLimit} -> CurrentTime, TerminationTime,
     * NotificationMessage*{Topic, Message{tt:Message @UtcTime @PropertyOperation {Source{SimpleItem*},
     * Data{SimpleItem*}}}} (ONVIF Core 9.1.2, example 9.10.5/9.10.6); sent to the pull point with wsa:Action and wsa:To,
     * its reference parameters echoed as header blocks (WS-Addressing 1.0 SOAP Binding 3.5).
     */
    /** Waits up to {@code wait} for the pull point's next notifications (at most {@code limit}). */
    public Pulled pull(PullPoint point, Duration wait, int limit) {
        Document answer = soap.call(point.address(), "<PullMessages xmlns=\"" + EVENTS + "\"><Timeout>" + wait
                + "</Timeout><MessageLimit>" + limit + "</MessageLimit></PullMessages>",
                addressed(point, EVENTS + "/PullPointSubscription/PullMessagesRequest"), true, wait);
        Element root = OnvifXml.first(answer.getDocumentElement(), "PullMessagesResponse");
        List<Notification> notifications = new ArrayList<>();
        for (Element holder : OnvifXml.children(root, "NotificationMessage")) {
            Notification n = notification(holder);
            if (n != null) {
                notifications.add(n);
            }
        }
        return new Pulled(time(OnvifXml.text(OnvifXml.child(root, "CurrentTime"))),
                time(OnvifXml.text(OnvifXml.child(root, "TerminationTime"))), notifications);
    }

    /*
     * WS-BaseNotification Renew{TerminationTime} -> TerminationTime, CurrentTime (ONVIF Core 9.1.3; OASIS WS-BaseNotification
     * 1.3 6.1.1), action http://docs.oasis-open.org/wsn/bw-2/SubscriptionManager/RenewRequest.
     */
    /** Extends the pull point's life by {@code lifetime}; gives the device's new termination time (null if unsaid). */
    public Instant renew(PullPoint point, Duration lifetime) {
        Document answer = soap.call(point.address(), "<Renew xmlns=\"" + WSNT + "\"><TerminationTime>" + lifetime
                + "</TerminationTime></Renew>", addressed(point, "http://docs.oasis-open.org/wsn/bw-2/SubscriptionManager/RenewRequest"),
                true, Duration.ZERO);
        return time(OnvifXml.text(OnvifXml.optional(answer.getDocumentElement(), "TerminationTime")));
    }

    // WS-BaseNotification Unsubscribe (ONVIF Core 9.1.4, example 9.10.7).
    public void unsubscribe(PullPoint point) {
        soap.call(point.address(), "<Unsubscribe xmlns=\"" + WSNT + "\"/>",
                addressed(point, "http://docs.oasis-open.org/wsn/bw-2/SubscriptionManager/UnsubscribeRequest"), true,
                Duration.ZERO);
    }

    private static String action(String action) {
        return "<Action xmlns=\"" + WSA + "\">" + action + "</Action>";
    }

    private static String addressed(PullPoint point, String action) {
        return action(action) + "<To xmlns=\"" + WSA + "\">" + OnvifXml.escape(point.address().toString()) + "</To>"
                + point.referenceParameters();
    }

    private static Notification notification(Element holder) {
        Element topic = OnvifXml.child(holder, "Topic");
        Element message = OnvifXml.child(OnvifXml.child(holder, "Message"), "Message");
        if (topic == null || message == null) {
            return null;
        }
        String name = OnvifXml.text(topic);
        int colon = name.indexOf(':');
        if (colon > 0) {
            String namespace = topic.lookupNamespaceURI(name.substring(0, colon));
            if (namespace != null && !namespace.equals(TOPICS)) {
                return new Notification(OnvifXml.printable(name, 200), null, "", Map.of(), Map.of());
            }
            name = name.substring(colon + 1);
        }
        return new Notification(OnvifXml.printable(name, 200), time(message.getAttribute("UtcTime")),
                message.getAttribute("PropertyOperation"), items(OnvifXml.child(message, "Source")),
                items(OnvifXml.child(message, "Data")));
    }

    private static Map<String, String> items(Element parent) {
        Map<String, String> items = new LinkedHashMap<>();
        for (Element item : OnvifXml.children(parent, "SimpleItem")) {
            items.putIfAbsent(OnvifXml.printable(item.getAttribute("Name"), 64), OnvifXml.printable(item.getAttribute("Value"), 128));
        }
        return items;
    }

    /** An xs:dateTime as devices write it (with Z, an offset, or none: taken as UTC), or null when unreadable. */
    static Instant time(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text.strip()).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    private static URI uri(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new OnvifException("the device answered an unreadable stream URL", e);
        }
    }

    private static double decimal(String text) {
        String t = text.strip();
        return switch (t) {
            case "INF" -> Double.POSITIVE_INFINITY;
            case "-INF" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(t);
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static int integer(Element e) {
        try {
            return e == null ? 0 : Integer.parseInt(OnvifXml.text(e));
        } catch (NumberFormatException ex) {
            return 0;
        }
    }

    private static int number(Element root, String localName) {
        try {
            return Integer.parseInt(OnvifXml.text(OnvifXml.first(root, localName)));
        } catch (NumberFormatException e) {
            throw new OnvifException("the device's answer has an unreadable " + localName, e);
        }
    }

    /** For the fakes and tests of this package: the XML escaping of this client. */
    static String xml(String value) {
        return OnvifXml.escape(value);
    }
}
