package ae.rta.cctv.vms.adapter.out.onvif;

import ae.rta.cctv.vms.domain.Credentials;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * A small ONVIF client (SOAP 1.2 over HTTP) for one device: the device, media, PTZ and replay operations the system uses,
 * each request signed with a WS-Security UsernameToken digest. The device's clock is read once
 * ({@code GetSystemDateAndTime}, which needs no login) and the token's creation time is shifted by the difference,
 * so a device whose clock is off still accepts the login.
 */
public final class OnvifClient {

    /** A media profile. */
    public record Profile(String token, String name, int width) {
    }

    /** A stored PTZ position of the device. */
    public record DevicePreset(String token, String name) {
    }

    /** The device refused or failed a request; the message is its fault reason, or what went wrong. */
    public static final class OnvifException extends RuntimeException {
        public OnvifException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final String DEVICE = "http://www.onvif.org/ver10/device/wsdl";
    private static final String MEDIA = "http://www.onvif.org/ver10/media/wsdl";
    private static final String PTZ = "http://www.onvif.org/ver20/ptz/wsdl";
    private static final String REPLAY = "http://www.onvif.org/ver10/replay/wsdl";
    private static final String SCHEMA = "http://www.onvif.org/ver10/schema";
    private static final String STREAM_SETUP = "<StreamSetup><Stream xmlns=\"" + SCHEMA + "\">RTP-Unicast</Stream>"
            + "<Transport xmlns=\"" + SCHEMA + "\"><Protocol>RTSP</Protocol></Transport></StreamSetup>";
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final URI deviceService;
    private final Credentials credentials;
    private final Clock clock;
    private final HttpClient http;
    private final Duration timeout;
    private final SecureRandom random = new SecureRandom();
    private volatile Duration skew;
    private volatile URI mediaService;
    private volatile URI ptzService;
    private volatile URI replayService;

    public OnvifClient(URI deviceService, Credentials credentials, Clock clock, HttpClient http, Duration timeout) {
        this.deviceService = deviceService;
        this.credentials = credentials;
        this.clock = clock;
        this.http = http;
        this.timeout = timeout;
    }

    /** How far the device's clock is ahead of ours (negative when behind). */
    public Duration skew() {
        Duration s = skew;
        if (s == null) {
            Document answer = call(deviceService, "<GetSystemDateAndTime xmlns=\"" + DEVICE + "\"/>", false);
            Element utc = first(answer.getDocumentElement(), "UTCDateTime");
            Element date = first(utc, "Date");
            Element time = first(utc, "Time");
            LocalDateTime device = LocalDateTime.of(number(date, "Year"), number(date, "Month"), number(date, "Day"),
                    number(time, "Hour"), number(time, "Minute"), number(time, "Second"));
            s = Duration.between(clock.instant().truncatedTo(ChronoUnit.SECONDS), device.toInstant(ZoneOffset.UTC));
            skew = s;
        }
        return s;
    }

    public List<Profile> profiles() {
        Document answer = call(media(), "<GetProfiles xmlns=\"" + MEDIA + "\"/>", true);
        List<Profile> profiles = new ArrayList<>();
        NodeList nodes = answer.getElementsByTagNameNS("*", "Profiles");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element p = (Element) nodes.item(i);
            Element width = optional(p, "Width");
            profiles.add(new Profile(p.getAttribute("token"), text(optional(p, "Name")),
                    width == null ? 0 : Integer.parseInt(width.getTextContent().strip())));
        }
        if (profiles.isEmpty()) {
            throw new OnvifException("the device has no media profile", null);
        }
        return profiles;
    }

    public URI streamUri(String profileToken) {
        Document answer = call(media(), "<GetStreamUri xmlns=\"" + MEDIA + "\">" + STREAM_SETUP
                + "<ProfileToken>" + xml(profileToken) + "</ProfileToken></GetStreamUri>", true);
        return URI.create(first(answer.getDocumentElement(), "Uri").getTextContent().strip());
    }

    /** Whether the device offers the Replay service (ONVIF Profile G), as its capabilities say. */
    public boolean hasReplay() {
        services();
        return replayService != null;
    }

    /**
     * Where a recording is replayed from ({@code GetReplayUri}, RTP unicast over RTSP): an RTSP URL to play with
     * {@code Require: onvif-replay} and {@code Range: clock=...} (ONVIF Streaming Specification).
     *
     * @throws OnvifException when the device has no Replay service, refuses, or does not answer
     */
    public URI replayUri(String recordingToken) {
        services();
        if (replayService == null) {
            throw new OnvifException("the device has no replay service", null);
        }
        Document answer = call(replayService, "<GetReplayUri xmlns=\"" + REPLAY + "\">" + STREAM_SETUP
                + "<RecordingToken>" + xml(recordingToken) + "</RecordingToken></GetReplayUri>", true);
        return URI.create(first(answer.getDocumentElement(), "Uri").getTextContent().strip());
    }

    public void continuousMove(String profile, double pan, double tilt, double zoom, Duration timeout) {
        ptz("<ContinuousMove xmlns=\"" + PTZ + "\"><ProfileToken>" + xml(profile) + "</ProfileToken><Velocity>"
                + vector(pan, tilt, zoom) + "</Velocity><Timeout>" + timeout + "</Timeout></ContinuousMove>");
    }

    public void relativeMove(String profile, double pan, double tilt, double zoom) {
        ptz("<RelativeMove xmlns=\"" + PTZ + "\"><ProfileToken>" + xml(profile) + "</ProfileToken><Translation>"
                + vector(pan, tilt, zoom) + "</Translation></RelativeMove>");
    }

    public void absoluteMove(String profile, double pan, double tilt, double zoom) {
        ptz("<AbsoluteMove xmlns=\"" + PTZ + "\"><ProfileToken>" + xml(profile) + "</ProfileToken><Position>"
                + vector(pan, tilt, zoom) + "</Position></AbsoluteMove>");
    }

    public void stop(String profile) {
        ptz("<Stop xmlns=\"" + PTZ + "\"><ProfileToken>" + xml(profile)
                + "</ProfileToken><PanTilt>true</PanTilt><Zoom>true</Zoom></Stop>");
    }

    public void gotoHome(String profile) {
        ptz("<GotoHomePosition xmlns=\"" + PTZ + "\"><ProfileToken>" + xml(profile) + "</ProfileToken></GotoHomePosition>");
    }

    public void gotoPreset(String profile, String preset) {
        ptz("<GotoPreset xmlns=\"" + PTZ + "\"><ProfileToken>" + xml(profile) + "</ProfileToken><PresetToken>"
                + xml(preset) + "</PresetToken></GotoPreset>");
    }

    public List<DevicePreset> presets(String profile) {
        Document answer = ptz("<GetPresets xmlns=\"" + PTZ + "\"><ProfileToken>" + xml(profile) + "</ProfileToken></GetPresets>");
        List<DevicePreset> presets = new ArrayList<>();
        NodeList nodes = answer.getElementsByTagNameNS("*", "Preset");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element p = (Element) nodes.item(i);
            presets.add(new DevicePreset(p.getAttribute("token"), text(optional(p, "Name"))));
        }
        return presets;
    }

    public String setPreset(String profile, String name) {
        Document answer = ptz("<SetPreset xmlns=\"" + PTZ + "\"><ProfileToken>" + xml(profile) + "</ProfileToken><PresetName>"
                + xml(name) + "</PresetName></SetPreset>");
        return first(answer.getDocumentElement(), "PresetToken").getTextContent().strip();
    }

    public void removePreset(String profile, String preset) {
        ptz("<RemovePreset xmlns=\"" + PTZ + "\"><ProfileToken>" + xml(profile) + "</ProfileToken><PresetToken>"
                + xml(preset) + "</PresetToken></RemovePreset>");
    }

    /** Whether the device offers a PTZ service. */
    public boolean hasPtz() {
        services();
        return ptzService != null;
    }

    private Document ptz(String body) {
        services();
        if (ptzService == null) {
            throw new OnvifException("the device has no PTZ service", null);
        }
        return call(ptzService, body, true);
    }

    private URI media() {
        services();
        if (mediaService == null) {
            throw new OnvifException("the device has no media service", null);
        }
        return mediaService;
    }

    private void services() {
        if (mediaService != null) {
            return;
        }
        Document answer = call(deviceService, "<GetCapabilities xmlns=\"" + DEVICE + "\"><Category>All</Category></GetCapabilities>", true);
        ptzService = xaddr(answer, "PTZ");
        replayService = xaddr(answer, "Replay");
        URI media = xaddr(answer, "Media");
        mediaService = media == null ? deviceService : media;
    }

    /** The address of a service in a GetCapabilities answer ({@code Replay} is under {@code Extension}), or null. */
    private static URI xaddr(Document capabilities, String service) {
        Element e = optional(capabilities.getDocumentElement(), service);
        return e == null || optional(e, "XAddr") == null ? null : URI.create(text(optional(e, "XAddr")));
    }

    private Document call(URI service, String body, boolean signed) {
        String envelope = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\">"
                + (signed && credentials != null ? header() : "") + "<s:Body>" + body + "</s:Body></s:Envelope>";
        HttpRequest request = HttpRequest.newBuilder(service).timeout(timeout)
                .header("Content-Type", "application/soap+xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8)).build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new OnvifException("the device did not answer (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OnvifException("interrupted", e);
        }
        Document document = parse(response.body());
        Element fault = optional(document.getDocumentElement(), "Fault");
        if (fault != null || response.statusCode() >= 400) {
            Element reason = fault == null ? null : optional(fault, "Text");
            throw new OnvifException("the device refused: " + (reason == null ? "HTTP " + response.statusCode()
                    : reason.getTextContent().strip()), null);
        }
        return document;
    }

    private String header() {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        String created = CREATED.format(clock.instant().plus(skew()));
        return "<s:Header><Security s:mustUnderstand=\"1\" xmlns=\"http://docs.oasis-open.org/wss/2004/01/"
                + "oasis-200401-wss-wssecurity-secext-1.0.xsd\"><UsernameToken><Username>" + xml(credentials.username())
                + "</Username><Password Type=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-"
                + "profile-1.0#PasswordDigest\">" + WsUsernameToken.digest(nonce, created, credentials.password())
                + "</Password><Nonce EncodingType=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-"
                + "security-1.0#Base64Binary\">" + Base64.getEncoder().encodeToString(nonce) + "</Nonce>"
                + "<Created xmlns=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd\">"
                + created + "</Created></UsernameToken></Security></s:Header>";
    }

    private static String vector(double pan, double tilt, double zoom) {
        return "<PanTilt xmlns=\"" + SCHEMA + "\" x=\"" + num(pan) + "\" y=\"" + num(tilt) + "\"/>"
                + "<Zoom xmlns=\"" + SCHEMA + "\" x=\"" + num(zoom) + "\"/>";
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    static String xml(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }

    private static Document parse(byte[] body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new OnvifException("the device's answer is not SOAP", e);
        }
    }

    private static Element first(Element root, String localName) {
        Element e = optional(root, localName);
        if (e == null) {
            throw new OnvifException("the device's answer has no " + localName, null);
        }
        return e;
    }

    private static Element optional(Element root, String localName) {
        NodeList nodes = root.getElementsByTagNameNS("*", localName);
        return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
    }

    private static String text(Element e) {
        return e == null ? "" : e.getTextContent().strip();
    }

    private static int number(Element root, String localName) {
        return Integer.parseInt(first(root, localName).getTextContent().strip());
    }
}
