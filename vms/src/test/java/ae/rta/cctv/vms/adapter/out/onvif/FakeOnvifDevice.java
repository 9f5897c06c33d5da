package ae.rta.cctv.vms.adapter.out.onvif;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * An ONVIF device for tests, answering the SOAP 1.2 subset the system uses as the ONVIF specifications say (each
 * answer names its section). What it is can be chosen ({@link Options}): how it wants its login (HTTP Digest with an
 * MD5 and a SHA-256 challenge, a WS-UsernameToken, or either), Media2 beside Media or Media alone, a PTZ node's
 * ranges, an Events service with pull points, a NAT'd device naming another host in its service addresses. It checks
 * every login against its own clock, set {@code skew} off the real one, refuses UsernameTokens created more than 5
 * minutes from its time, records the operations and HTTP requests it receives, and keeps its head's position. As an
 * XProtect Open Network Bridge it keeps one recording per camera, named by the camera's GUID (our unverified reading
 * of the bridge).
 */
public final class FakeOnvifDevice implements AutoCloseable {

    /** How the device wants its login (ONVIF Core 5.9.1). */
    public enum Login { USERNAME_TOKEN, DIGEST, EITHER }

    /** A PTZ node's ranges as GetConfigurationOptions lists them (PTZ 5.2.4), each {min, max}; null for none. */
    public record Ranges(double[] absolutePan, double[] absoluteTilt, double[] absoluteZoom, double[] relativePan,
            double[] relativeTilt, double[] relativeZoom) {
        /** The generic spaces' own ranges (PTZ 5.7). */
        public static final Ranges GENERIC = new Ranges(new double[] {-1, 1}, new double[] {-1, 1}, new double[] {0, 1},
                new double[] {-1, 1}, new double[] {-1, 1}, new double[] {-1, 1});
        /** What onvif_simple_server (c0d58e8) lists for 0..360 x 0..180 steps and no zoom, in the generic spaces. */
        public static final Ranges STEPS = new Ranges(new double[] {0, 360}, new double[] {0, 180}, new double[] {0, 0},
                new double[] {-360, 360}, new double[] {-180, 180}, new double[] {0, 0});
    }

    /**
     * What the device is.
     *
     * @param media2 whether it offers Media2 (Profile T) beside Media
     * @param events whether it offers the Events service
     * @param ptzProfile which profile carries the PTZ configuration ("main", "sub" or null for none)
     * @param advertisedHost the host its service addresses name (another one than it listens on, as behind NAT)
     * @param pullPointLife the life it grants a pull point, whatever is asked
     * @param zoomResetsWhenOmitted whether an AbsoluteMove without Zoom sends the zoom to 0 (as heads in the field do)
     */
    public record Options(Login login, boolean media2, boolean events, String ptzProfile, Ranges ranges,
            String advertisedHost, Duration pullPointLife, boolean zoomResetsWhenOmitted) {
        /** A Profile S device: Media only, UsernameToken only, PTZ on the main profile, no events. */
        public static final Options PROFILE_S = new Options(Login.USERNAME_TOKEN, false, false, "main", Ranges.GENERIC,
                "127.0.0.1", Duration.ofSeconds(60), false);

        public Options login(Login l) {
            return new Options(l, media2, events, ptzProfile, ranges, advertisedHost, pullPointLife, zoomResetsWhenOmitted);
        }

        public Options media2(boolean m) {
            return new Options(login, m, events, ptzProfile, ranges, advertisedHost, pullPointLife, zoomResetsWhenOmitted);
        }

        public Options events(boolean e, Duration life) {
            return new Options(login, media2, e, ptzProfile, ranges, advertisedHost, life, zoomResetsWhenOmitted);
        }

        public Options ptz(String profile, Ranges r, boolean resetsZoom) {
            return new Options(login, media2, events, profile, r, advertisedHost, pullPointLife, resetsZoom);
        }

        public Options advertising(String host) {
            return new Options(login, media2, events, ptzProfile, ranges, host, pullPointLife, zoomResetsWhenOmitted);
        }
    }

    /** One HTTP request as it arrived: its protocol, headers (names in lower case) and the SOAP operation. */
    public record Request(String protocol, Map<String, List<String>> headers, String operation) {
    }

    private static final String REALM = "fake-onvif";
    private static final String TOPICS = "http://www.onvif.org/ver10/topics";
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern PARAM = Pattern.compile("(\\w+)\\s*=\\s*(?:\"([^\"]*)\"|([^\\s,]+))");

    private final HttpServer server;
    private final String username;
    private final String password;
    private final Duration skew;
    private final String streamUri;
    private final Options options;
    private final SecureRandom random = new SecureRandom();
    private final List<String> operations = Collections.synchronizedList(new ArrayList<>());
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> presets = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Set<String> recordings = ConcurrentHashMap.newKeySet();
    private final Set<String> nonces = ConcurrentHashMap.newKeySet();
    private final Map<Integer, PullPoint> pullPoints = new ConcurrentHashMap<>();
    private final AtomicInteger nextPullPoint = new AtomicInteger();
    private volatile String replayPrefix;
    private volatile double[] position = {0, 0, 0};
    private int nextPreset = 1;

    private static final class PullPoint {
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        volatile Instant termination;

        PullPoint(Instant termination) {
            this.termination = termination;
        }
    }

    /** A Profile S device (see {@link Options#PROFILE_S}). */
    public FakeOnvifDevice(String username, String password, Duration skew, String streamUri) {
        this(username, password, skew, streamUri, Options.PROFILE_S);
    }

    public FakeOnvifDevice(String username, String password, Duration skew, String streamUri, Options options) {
        this.username = username;
        this.password = password;
        this.skew = skew;
        this.streamUri = streamUri;
        this.options = options;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/onvif/", this::handle);
        server.start();
    }

    public String deviceService() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/onvif/device_service";
    }

    private String base() {
        return "http://" + options.advertisedHost() + ":" + server.getAddress().getPort();
    }

    public List<String> operations() {
        return List.copyOf(operations);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Where the head is, in the device's own coordinates: pan, tilt, zoom. */
    public double[] position() {
        return position.clone();
    }

    /** Offers the Replay service: a recording's replay URI is {@code prefix + token}. */
    public void replayAt(String prefix) {
        replayPrefix = prefix;
    }

    /** A recording the replay service knows (others are refused with {@code ter:NoRecording}). */
    public void addRecording(String token) {
        recordings.add(token);
    }

    /**
     * The device's scene changes: a property event (ONVIF Core 9.4.2, PropertyOperation Changed) on {@code topic}
     * (e.g. {@code tns1:VideoSource/MotionAlarm}) with the boolean {@code item} (State, IsMotion), to every live pull
     * point.
     */
    public void raise(String topic, String item, boolean value) {
        String message = notification(topic, "Changed", item, value);
        pullPoints.values().forEach(p -> p.messages.add(message));
    }

    /** Ends every pull point now, as a device that reboots or times them out does. */
    public void dropPullPoints() {
        pullPoints.clear();
    }

    public int livePullPoints() {
        return pullPoints.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String answer;
        int status = 200;
        String operationName = "";
        try {
            Document request = parse(body);
            Element operation = firstChild(first(request.getDocumentElement(), "Body"));
            operationName = operation.getLocalName();
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            requests.add(new Request(exchange.getProtocol(), headers, operationName));
            String refusal = preAuth(operationName) ? null : login(exchange, request);
            if ("digest".equals(refusal)) {
                challenge(exchange);
                return;
            }
            if (refusal != null) {
                // Core 5.9.1: a UsernameToken-only device answers HTTP 400 with env:Sender ter:NotAuthorized.
                status = 400;
                answer = fault("ter:NotAuthorized", "Sender not authorized");
            } else {
                answer = respond(operationName, operation, exchange.getRequestURI().getRawQuery(), request);
            }
        } catch (Refused e) {
            status = 400;
            answer = fault(e.code, e.getMessage());
        } catch (RuntimeException e) {
            status = 500;
            answer = fault("ter:Action", String.valueOf(e.getMessage()));
        }
        byte[] bytes = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:tt=\"http://www.onvif.org/ver10/schema\" xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\""
                + " xmlns:trt=\"http://www.onvif.org/ver10/media/wsdl\" xmlns:tr2=\"http://www.onvif.org/ver20/media/wsdl\""
                + " xmlns:tptz=\"http://www.onvif.org/ver20/ptz/wsdl\" xmlns:tev=\"http://www.onvif.org/ver10/events/wsdl\""
                + " xmlns:wsnt=\"http://docs.oasis-open.org/wsn/b-2\" xmlns:wsa=\"http://www.w3.org/2005/08/addressing\""
                + " xmlns:tns1=\"" + TOPICS + "\" xmlns:trp=\"http://www.onvif.org/ver10/replay/wsdl\""
                + " xmlns:ter=\"http://www.onvif.org/ver10/error\"><s:Body>" + answer + "</s:Body></s:Envelope>")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/soap+xml; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** GetSystemDateAndTime and GetServices are PRE_AUTH (Core 8.3.6, 8.1.2.2). */
    private static boolean preAuth(String operation) {
        return operation.equals("GetSystemDateAndTime") || operation.equals("GetServices");
    }

    /** Null when the request's login is good; "digest" when it must be challenged; else why it is refused. */
    private String login(HttpExchange exchange, Document request) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        boolean hasToken = request.getElementsByTagNameNS("*", "UsernameToken").getLength() > 0;
        boolean digestAllowed = options.login() != Login.USERNAME_TOKEN;
        boolean tokenAllowed = options.login() != Login.DIGEST;
        if (authorization != null && digestAllowed) {
            return digestValid(authorization, exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()))
                    ? null : "digest";
        }
        if (hasToken && tokenAllowed) {
            return tokenValid(request) ? null : "token";
        }
        // Core 5.9.1: "If a client does not supply authentication credentials ... the server shall assume that the
        // client intends to use digest authentication", i.e. a digest device answers 401.
        return digestAllowed ? "digest" : "token";
    }

    /*
     * ONVIF Core 5.9.1 / "Get Device Hashing Algorithm": HTTP 401 with a challenge per algorithm in the device's order
     * of preference; RFC 7616 3.3 (realm, qop, nonce, opaque, algorithm).
     */
    private void challenge(HttpExchange exchange) throws IOException {
        byte[] n = new byte[12];
        random.nextBytes(n);
        String nonce = HexFormat.of().formatHex(n);
        nonces.add(nonce);
        exchange.getResponseHeaders().add("WWW-Authenticate", "Digest algorithm=MD5, realm=\"" + REALM
                + "\", qop=\"auth\", nonce=\"" + nonce + "\", opaque=\"5b6ea228\"");
        exchange.getResponseHeaders().add("WWW-Authenticate", "Digest algorithm=SHA-256, realm=\"" + REALM
                + "\", qop=\"auth\", nonce=\"" + nonce + "\", opaque=\"5b6ea228\"");
        exchange.sendResponseHeaders(401, -1);
        exchange.close();
    }

    /*
     * RFC 7616 3.4.1: response = H(H(username:realm:password):nonce:nc:cnonce:qop:H(method:uri)), computed here from
     * the RFC's text rather than with the client's code; uri must be the request-target (3.4.6).
     */
    private boolean digestValid(String authorization, String requestTarget) {
        if (!authorization.regionMatches(true, 0, "Digest ", 0, 7)) {
            return false;
        }
        Map<String, String> p = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(authorization.substring(7));
        while (m.find()) {
            p.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), m.group(2) != null ? m.group(2) : m.group(3));
        }
        String algorithm = p.getOrDefault("algorithm", "MD5").equalsIgnoreCase("SHA-256") ? "SHA-256" : "MD5";
        if (!username.equals(p.get("username")) || !REALM.equals(p.get("realm")) || !nonces.contains(p.get("nonce"))
                || !requestTarget.equals(p.get("uri")) || !"auth".equals(p.get("qop")) || p.get("nc") == null
                || p.get("cnonce") == null) {
            return false;
        }
        String ha1 = hash(algorithm, username + ":" + REALM + ":" + password);
        String ha2 = hash(algorithm, "POST:" + p.get("uri"));
        return hash(algorithm, ha1 + ":" + p.get("nonce") + ":" + p.get("nc") + ":" + p.get("cnonce") + ":auth:" + ha2)
                .equals(p.get("response"));
    }

    private static String hash(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** WS-Security UsernameToken Profile 1.0: PasswordDigest = B64(SHA1(nonce + created + password)). */
    private boolean tokenValid(Document request) {
        Element token = (Element) request.getElementsByTagNameNS("*", "UsernameToken").item(0);
        String created = text(token, "Created");
        Instant deviceNow = Instant.now().plus(skew);
        if (Duration.between(Instant.parse(created), deviceNow).abs().compareTo(Duration.ofMinutes(5)) > 0) {
            return false;
        }
        byte[] nonce = Base64.getDecoder().decode(text(token, "Nonce"));
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(nonce);
            sha1.update(created.getBytes(StandardCharsets.UTF_8));
            sha1.update(password.getBytes(StandardCharsets.UTF_8));
            return username.equals(text(token, "Username"))
                    && Base64.getEncoder().encodeToString(sha1.digest()).equals(text(token, "Password"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String respond(String name, Element op, String query, Document request) {
        return switch (name) {
            // Core 8.3.6 GetSystemDateAndTime -> SystemDateAndTime{UTCDateTime{Time, Date}} (tt:DateTime).
            case "GetSystemDateAndTime" -> {
                ZonedDateTime now = Instant.now().plus(skew).atZone(ZoneOffset.UTC);
                yield "<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime><tt:UTCDateTime><tt:Time><tt:Hour>"
                        + now.getHour() + "</tt:Hour><tt:Minute>" + now.getMinute() + "</tt:Minute><tt:Second>"
                        + now.getSecond() + "</tt:Second></tt:Time><tt:Date><tt:Year>" + now.getYear() + "</tt:Year><tt:Month>"
                        + now.getMonthValue() + "</tt:Month><tt:Day>" + now.getDayOfMonth()
                        + "</tt:Day></tt:Date></tt:UTCDateTime></tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>";
            }
            // Core 8.1.2.2 GetServices -> Service+{Namespace, XAddr, Version{Major, Minor}} (devicemgmt.wsdl tds:Service).
            case "GetServices" -> "<tds:GetServicesResponse>"
                    + service("http://www.onvif.org/ver10/device/wsdl", "device_service")
                    + service("http://www.onvif.org/ver10/media/wsdl", "media_service")
                    + (options.media2() ? service("http://www.onvif.org/ver20/media/wsdl", "media2_service") : "")
                    + service("http://www.onvif.org/ver20/ptz/wsdl", "ptz_service")
                    + (options.events() ? service("http://www.onvif.org/ver10/events/wsdl", "events_service") : "")
                    + (replayPrefix == null ? "" : service("http://www.onvif.org/ver10/replay/wsdl", "replay_service"))
                    + "</tds:GetServicesResponse>";
            // Core 8.1.2.4 GetCapabilities -> Capabilities{Media, PTZ, Events, Extension{Replay}}{XAddr} (onvif.xsd).
            case "GetCapabilities" -> "<tds:GetCapabilitiesResponse><tds:Capabilities>"
                    + (options.events() ? "<tt:Events><tt:XAddr>" + base() + "/onvif/events_service</tt:XAddr></tt:Events>" : "")
                    + "<tt:Media><tt:XAddr>" + base() + "/onvif/media_service</tt:XAddr></tt:Media><tt:PTZ><tt:XAddr>"
                    + base() + "/onvif/ptz_service</tt:XAddr></tt:PTZ>" + (replayPrefix == null ? "" : "<tt:Extension><tt:Replay>"
                    + "<tt:XAddr>" + base() + "/onvif/replay_service</tt:XAddr></tt:Replay></tt:Extension>")
                    + "</tds:Capabilities></tds:GetCapabilitiesResponse>";
            // Replay Control 5.1 GetReplayUri{StreamSetup, RecordingToken} -> Uri.
            case "GetReplayUri" -> {
                String token = text(op, "RecordingToken");
                operations.add("GetReplayUri " + token);
                if (replayPrefix == null) {
                    throw new Refused("ter:ActionNotSupported", "no replay service");
                }
                if (!"RTP-Unicast".equals(text(first(op, "StreamSetup"), "Stream"))
                        || !"RTSP".equals(text(first(op, "Transport"), "Protocol"))) {
                    throw new Refused("ter:InvalidArgVal", "unsupported stream setup");
                }
                if (!recordings.contains(token)) {
                    throw new Refused("ter:InvalidArgVal/ter:NoRecording", "no recording " + token);
                }
                yield "<trp:GetReplayUriResponse><trp:Uri>" + OnvifClient.xml(replayPrefix + token)
                        + "</trp:Uri></trp:GetReplayUriResponse>";
            }
            case "GetProfiles" -> profiles(op);
            case "GetStreamUri" -> streamUri(op);
            // PTZ 5.2.4 GetConfigurationOptions -> PTZConfigurationOptions{Spaces{...Space{URI, XRange, YRange}}, PTZTimeout}.
            case "GetConfigurationOptions" -> {
                if (!"ptz-config".equals(text(op, "ConfigurationToken"))) {
                    throw new Refused("ter:InvalidArgVal/ter:NoConfig", "no configuration " + text(op, "ConfigurationToken"));
                }
                Ranges r = options.ranges();
                yield "<tptz:GetConfigurationOptionsResponse><tptz:PTZConfigurationOptions><tt:Spaces>"
                        + space2("AbsolutePanTiltPositionSpace", "PanTiltSpaces/PositionGenericSpace", r.absolutePan(), r.absoluteTilt())
                        + space1("AbsoluteZoomPositionSpace", "ZoomSpaces/PositionGenericSpace", r.absoluteZoom())
                        + space2("RelativePanTiltTranslationSpace", "PanTiltSpaces/TranslationGenericSpace", r.relativePan(), r.relativeTilt())
                        + space2("RelativePanTiltTranslationSpace", "PanTiltSpaces/TranslationSpaceFov", new double[] {-100, 100},
                                new double[] {-100, 100})
                        + space1("RelativeZoomTranslationSpace", "ZoomSpaces/TranslationGenericSpace", r.relativeZoom())
                        + space2("ContinuousPanTiltVelocitySpace", "PanTiltSpaces/VelocityGenericSpace", new double[] {-1, 1},
                                new double[] {-1, 1})
                        + space1("ContinuousZoomVelocitySpace", "ZoomSpaces/VelocityGenericSpace", new double[] {-1, 1})
                        + "</tt:Spaces><tt:PTZTimeout><tt:Min>PT1S</tt:Min><tt:Max>PT1M40S</tt:Max></tt:PTZTimeout>"
                        + "</tptz:PTZConfigurationOptions></tptz:GetConfigurationOptionsResponse>";
            }
            // PTZ 5.3.7 GetStatus -> PTZStatus{Position{PanTilt @x @y @space, Zoom @x @space}, MoveStatus, UtcTime}.
            case "GetStatus" -> {
                ptzProfile(op);
                double[] p = position;
                yield "<tptz:GetStatusResponse><tptz:PTZStatus><tt:Position><tt:PanTilt x=\"" + p[0] + "\" y=\"" + p[1]
                        + "\" space=\"http://www.onvif.org/ver10/tptz/PanTiltSpaces/PositionGenericSpace\"/><tt:Zoom x=\""
                        + p[2] + "\" space=\"http://www.onvif.org/ver10/tptz/ZoomSpaces/PositionGenericSpace\"/></tt:Position>"
                        + "<tt:MoveStatus><tt:PanTilt>IDLE</tt:PanTilt><tt:Zoom>IDLE</tt:Zoom></tt:MoveStatus><tt:UtcTime>"
                        + UTC.format(Instant.now().plus(skew)) + "</tt:UtcTime></tptz:PTZStatus></tptz:GetStatusResponse>";
            }
            // PTZ 5.3.3 ContinuousMove{ProfileToken, Velocity{PanTilt, Zoom}, Timeout}.
            case "ContinuousMove" -> {
                operations.add("ContinuousMove " + ptzProfile(op) + vector(first(op, "Velocity")) + " timeout=" + text(op, "Timeout"));
                yield "<tptz:ContinuousMoveResponse/>";
            }
            // PTZ 5.3.5 Stop{ProfileToken, PanTilt, Zoom}.
            case "Stop" -> {
                operations.add("Stop " + ptzProfile(op));
                yield "<tptz:StopResponse/>";
            }
            // PTZ 5.3.1 AbsoluteMove{ProfileToken, Position{PanTilt?, Zoom?}}: an omitted part "shall not be affected".
            case "AbsoluteMove" -> {
                String profile = ptzProfile(op);
                Element target = first(op, "Position");
                double[] p = position.clone();
                Element panTilt = optional(target, "PanTilt");
                Element zoom = optional(target, "Zoom");
                if (panTilt != null) {
                    p[0] = inRange(panTilt.getAttribute("x"), options.ranges().absolutePan());
                    p[1] = inRange(panTilt.getAttribute("y"), options.ranges().absoluteTilt());
                }
                if (zoom != null) {
                    p[2] = inRange(zoom.getAttribute("x"), options.ranges().absoluteZoom());
                } else if (options.zoomResetsWhenOmitted()) {
                    p[2] = 0;
                }
                position = p;
                operations.add("AbsoluteMove " + profile + vector(target));
                yield "<tptz:AbsoluteMoveResponse/>";
            }
            // PTZ 5.3.2 RelativeMove{ProfileToken, Translation{PanTilt?, Zoom?}}.
            case "RelativeMove" -> {
                operations.add("RelativeMove " + ptzProfile(op) + vector(first(op, "Translation")));
                yield "<tptz:RelativeMoveResponse/>";
            }
            // PTZ 5.5.1 GotoHomePosition{ProfileToken}.
            case "GotoHomePosition" -> {
                operations.add("GotoHomePosition " + ptzProfile(op));
                yield "<tptz:GotoHomePositionResponse/>";
            }
            // PTZ 5.4.1 SetPreset{ProfileToken, PresetName} -> PresetToken.
            case "SetPreset" -> {
                ptzProfile(op);
                String token = "p" + nextPreset++;
                presets.put(token, text(op, "PresetName"));
                operations.add("SetPreset " + token);
                yield "<tptz:SetPresetResponse><tptz:PresetToken>" + token + "</tptz:PresetToken></tptz:SetPresetResponse>";
            }
            // PTZ 5.4.2 GetPresets{ProfileToken} -> Preset*{@token, Name}.
            case "GetPresets" -> {
                ptzProfile(op);
                StringBuilder list = new StringBuilder("<tptz:GetPresetsResponse>");
                presets.forEach((token, presetName) -> list.append("<tptz:Preset token=\"").append(token)
                        .append("\"><tt:Name>").append(OnvifClient.xml(presetName)).append("</tt:Name></tptz:Preset>"));
                yield list.append("</tptz:GetPresetsResponse>").toString();
            }
            // PTZ 5.4.3 GotoPreset{ProfileToken, PresetToken}; ter:NoToken for an unknown preset.
            case "GotoPreset" -> {
                ptzProfile(op);
                String token = text(op, "PresetToken");
                if (!presets.containsKey(token)) {
                    throw new Refused("ter:InvalidArgVal/ter:NoToken", "no preset " + token);
                }
                operations.add("GotoPreset " + token);
                yield "<tptz:GotoPresetResponse/>";
            }
            // PTZ 5.4.4 RemovePreset{ProfileToken, PresetToken}.
            case "RemovePreset" -> {
                ptzProfile(op);
                presets.remove(text(op, "PresetToken"));
                operations.add("RemovePreset " + text(op, "PresetToken"));
                yield "<tptz:RemovePresetResponse/>";
            }
            case "CreatePullPointSubscription" -> createPullPoint(op);
            case "PullMessages" -> pullMessages(op, query, request);
            // WS-BaseNotification Renew{TerminationTime} -> TerminationTime, CurrentTime (Core 9.1.3).
            case "Renew" -> {
                PullPoint point = addressed(query, request, "http://docs.oasis-open.org/wsn/bw-2/SubscriptionManager/RenewRequest");
                point.termination = Instant.now().plus(skew).plus(options.pullPointLife());
                operations.add("Renew");
                yield "<wsnt:RenewResponse><wsnt:TerminationTime>" + UTC.format(point.termination)
                        + "</wsnt:TerminationTime><wsnt:CurrentTime>" + UTC.format(Instant.now().plus(skew))
                        + "</wsnt:CurrentTime></wsnt:RenewResponse>";
            }
            // Core 9.1.4 / 9.10.7 Unsubscribe.
            case "Unsubscribe" -> {
                addressed(query, request, "http://docs.oasis-open.org/wsn/bw-2/SubscriptionManager/UnsubscribeRequest");
                pullPoints.remove(Integer.parseInt(query.substring(4)));
                operations.add("Unsubscribe");
                yield "<wsnt:UnsubscribeResponse/>";
            }
            default -> throw new Refused("ter:ActionNotSupported", "operation not supported: " + name);
        };
    }

    private String service(String namespace, String path) {
        return "<tds:Service><tds:Namespace>" + namespace + "</tds:Namespace><tds:XAddr>" + base() + "/onvif/" + path
                + "</tds:XAddr><tds:Version><tt:Major>17</tt:Major><tt:Minor>6</tt:Minor></tds:Version></tds:Service>";
    }

    /*
     * Media 5.2.2 GetProfiles -> Profiles*(tt:Profile @token){Name, VideoEncoderConfiguration{Encoding, Resolution},
     * PTZConfiguration @token}; Media2 5.1.2 GetProfiles{Type*} -> Profiles*(tr2:MediaProfile @token){Name,
     * Configurations{VideoEncoder, PTZ}}, with configurations only for the asked types ("All" for every one).
     */
    private String profiles(Element op) {
        boolean media2 = "http://www.onvif.org/ver20/media/wsdl".equals(op.getNamespaceURI());
        if (!media2) {
            return "<trt:GetProfilesResponse>" + media1Profile("sub", "Sub", 320, 180) + media1Profile("main", "Main", 1920, 1080)
                    + "</trt:GetProfilesResponse>";
        }
        NodeList types = op.getElementsByTagNameNS("*", "Type");
        boolean all = types.getLength() == 1 && "All".equals(types.item(0).getTextContent().strip());
        return "<tr2:GetProfilesResponse>" + media2Profile("sub", "Sub", 320, 180, all) + media2Profile("main", "Main", 1920, 1080, all)
                + "</tr2:GetProfilesResponse>";
    }

    private String media1Profile(String token, String name, int width, int height) {
        return "<trt:Profiles token=\"" + token + "\" fixed=\"true\"><tt:Name>" + name + "</tt:Name>"
                + "<tt:VideoEncoderConfiguration token=\"enc-" + token + "\"><tt:Name>enc</tt:Name><tt:UseCount>1</tt:UseCount>"
                + "<tt:Encoding>H264</tt:Encoding><tt:Resolution><tt:Width>" + width + "</tt:Width><tt:Height>" + height
                + "</tt:Height></tt:Resolution></tt:VideoEncoderConfiguration>"
                + (token.equals(options.ptzProfile()) ? "<tt:PTZConfiguration token=\"ptz-config\"><tt:Name>ptz</tt:Name>"
                        + "<tt:UseCount>1</tt:UseCount><tt:NodeToken>node</tt:NodeToken></tt:PTZConfiguration>" : "")
                + "</trt:Profiles>";
    }

    private String media2Profile(String token, String name, int width, int height, boolean configurations) {
        return "<tr2:Profiles token=\"" + token + "\" fixed=\"true\"><tr2:Name>" + name + "</tr2:Name>"
                + (!configurations ? "" : "<tr2:Configurations><tr2:VideoEncoder token=\"enc-" + token + "\"><tt:Name>enc</tt:Name>"
                + "<tt:UseCount>1</tt:UseCount><tt:Encoding>H265</tt:Encoding><tt:Resolution><tt:Width>" + width
                + "</tt:Width><tt:Height>" + height + "</tt:Height></tt:Resolution></tr2:VideoEncoder>"
                + (token.equals(options.ptzProfile()) ? "<tr2:PTZ token=\"ptz-config\"><tt:Name>ptz</tt:Name>"
                        + "<tt:UseCount>1</tt:UseCount><tt:NodeToken>node</tt:NodeToken></tr2:PTZ>" : "")
                + "</tr2:Configurations>")
                + "</tr2:Profiles>";
    }

    /*
     * Media 5.15.1 GetStreamUri{StreamSetup{Stream RTP-Unicast, Transport{Protocol RTSP}}, ProfileToken} ->
     * MediaUri{Uri}; Media2 5.4.1 GetStreamUri{Protocol, ProfileToken} -> Uri, Protocol one of tr2:TransportProtocol
     * ("RTSP" is RTP over RTSP over TCP).
     */
    private String streamUri(Element op) {
        String profile = text(op, "ProfileToken");
        if (!profile.equals("main") && !profile.equals("sub")) {
            throw new Refused("ter:InvalidArgVal/ter:NoProfile", "no profile " + profile);
        }
        operations.add("GetStreamUri " + op.getNamespaceURI() + " " + profile);
        if ("http://www.onvif.org/ver20/media/wsdl".equals(op.getNamespaceURI())) {
            String protocol = text(op, "Protocol");
            if (!Set.of("RtspUnicast", "RtspMulticast", "RtspsUnicast", "RtspsMulticast", "RTSP", "RtspOverHttp").contains(protocol)) {
                throw new Refused("ter:InvalidArgVal/ter:InvalidStreamSetup", "no protocol " + protocol);
            }
            return "<tr2:GetStreamUriResponse><tr2:Uri>" + streamUri + "</tr2:Uri></tr2:GetStreamUriResponse>";
        }
        if (!"RTP-Unicast".equals(text(first(op, "StreamSetup"), "Stream"))) {
            throw new Refused("ter:InvalidArgVal/ter:InvalidStreamSetup", "unsupported stream setup");
        }
        return "<trt:GetStreamUriResponse><trt:MediaUri><tt:Uri>" + streamUri
                + "</tt:Uri><tt:InvalidAfterConnect>false</tt:InvalidAfterConnect><tt:InvalidAfterReboot>false"
                + "</tt:InvalidAfterReboot><tt:Timeout>PT0S</tt:Timeout></trt:MediaUri></trt:GetStreamUriResponse>";
    }

    /** PTZ 5.3: moves need a profile that includes a PTZConfiguration; ter:NoPTZProfile otherwise. */
    private String ptzProfile(Element op) {
        String profile = text(op, "ProfileToken");
        if (!profile.equals("main") && !profile.equals("sub")) {
            throw new Refused("ter:InvalidArgVal/ter:NoProfile", "no profile " + profile);
        }
        if (!profile.equals(options.ptzProfile())) {
            throw new Refused("ter:InvalidArgVal/ter:NoPTZProfile", "profile " + profile + " has no PTZ configuration");
        }
        return profile;
    }

    private static String space2(String element, String uri, double[] x, double[] y) {
        return "<tt:" + element + "><tt:URI>http://www.onvif.org/ver10/tptz/" + uri + "</tt:URI><tt:XRange><tt:Min>" + x[0]
                + "</tt:Min><tt:Max>" + x[1] + "</tt:Max></tt:XRange><tt:YRange><tt:Min>" + y[0] + "</tt:Min><tt:Max>" + y[1]
                + "</tt:Max></tt:YRange></tt:" + element + ">";
    }

    private static String space1(String element, String uri, double[] x) {
        return "<tt:" + element + "><tt:URI>http://www.onvif.org/ver10/tptz/" + uri + "</tt:URI><tt:XRange><tt:Min>" + x[0]
                + "</tt:Min><tt:Max>" + x[1] + "</tt:Max></tt:XRange></tt:" + element + ">";
    }

    /** PTZ 5.3.1 ter:InvalidPosition: "The requested position is out of bounds". */
    private static double inRange(String value, double[] range) {
        double v = Double.parseDouble(value);
        if (v < range[0] - 1e-6 || v > range[1] + 1e-6) {
            throw new Refused("ter:InvalidArgVal/ter:InvalidPosition", "position " + value + " is out of bounds");
        }
        return v;
    }

    private static String vector(Element v) {
        Element panTilt = optional(v, "PanTilt");
        Element zoom = optional(v, "Zoom");
        return (panTilt == null ? "" : " x=" + panTilt.getAttribute("x") + " y=" + panTilt.getAttribute("y"))
                + (zoom == null ? "" : " zoom=" + zoom.getAttribute("x"));
    }

    /*
     * Core 9.1.1 CreatePullPointSubscription{InitialTerminationTime} -> SubscriptionReference{Address,
     * ReferenceParameters}, CurrentTime, TerminationTime (example 9.10.4). The device grants the life it wants; the
     * pull point starts with the Initialized state of its properties (Core 9.4.2), motion off.
     */
    private String createPullPoint(Element op) {
        int id = nextPullPoint.incrementAndGet();
        Instant now = Instant.now().plus(skew);
        PullPoint point = new PullPoint(now.plus(options.pullPointLife()));
        point.messages.add(notification("tns1:VideoSource/MotionAlarm", "Initialized", "State", false));
        pullPoints.put(id, point);
        operations.add("CreatePullPointSubscription " + text(op, "InitialTerminationTime"));
        return "<tev:CreatePullPointSubscriptionResponse><tev:SubscriptionReference><wsa:Address>" + base()
                + "/onvif/events_service?sub=" + id + "</wsa:Address><wsa:ReferenceParameters><dev:SubscriptionId"
                + " xmlns:dev=\"urn:fake-onvif\">" + id + "</dev:SubscriptionId></wsa:ReferenceParameters>"
                + "</tev:SubscriptionReference><wsnt:CurrentTime>" + UTC.format(now) + "</wsnt:CurrentTime><wsnt:TerminationTime>"
                + UTC.format(point.termination) + "</wsnt:TerminationTime></tev:CreatePullPointSubscriptionResponse>";
    }

    /*
     * Core 9.1.2 PullMessages{Timeout, MessageLimit} -> CurrentTime, TerminationTime, NotificationMessage* (example
     * 9.10.5, 9.10.6): waiting messages at once; else the first message to come before Timeout; else none at Timeout.
     * A pull point past its TerminationTime is gone (wsrf-rw:ResourceUnknownFault).
     */
    private String pullMessages(Element op, String query, Document request) {
        PullPoint point = addressed(query, request, "http://www.onvif.org/ver10/events/wsdl/PullPointSubscription/PullMessagesRequest");
        Duration timeout = Duration.parse(text(op, "Timeout"));
        int limit = Integer.parseInt(text(op, "MessageLimit"));
        List<String> out = new ArrayList<>();
        point.messages.drainTo(out, limit);
        if (out.isEmpty()) {
            try {
                String first = point.messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (first != null) {
                    out.add(first);
                    point.messages.drainTo(out, limit - 1);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return "<tev:PullMessagesResponse><tev:CurrentTime>" + UTC.format(Instant.now().plus(skew)) + "</tev:CurrentTime>"
                + "<tev:TerminationTime>" + UTC.format(point.termination) + "</tev:TerminationTime>" + String.join("", out)
                + "</tev:PullMessagesResponse>";
    }

    /** The pull point a request is for, checking its WS-Addressing headers (wsa:Action, wsa:To, reference parameters). */
    private PullPoint addressed(String query, Document request, String action) {
        int id = query == null || !query.startsWith("sub=") ? -1 : Integer.parseInt(query.substring(4));
        PullPoint point = pullPoints.get(id);
        if (point != null && point.termination.isBefore(Instant.now().plus(skew))) {
            pullPoints.remove(id);
            point = null;
        }
        if (point == null) {
            throw new Refused("wsrf-rw:ResourceUnknownFault", "no pull point " + id);
        }
        Element header = optional(request.getDocumentElement(), "Header");
        if (header == null || !action.equals(text(header, "Action")) || !text(header, "To").endsWith("/onvif/events_service?sub=" + id)
                || !String.valueOf(id).equals(text(header, "SubscriptionId"))) {
            throw new Refused("wsa:MessageAddressingHeaderRequired", "the request does not address pull point " + id);
        }
        return point;
    }

    /** A wsnt:NotificationMessage holding a property event's tt:Message (Core 9.10.6; Imaging 5.5). */
    private String notification(String topic, String operation, String item, boolean value) {
        return "<wsnt:NotificationMessage><wsnt:Topic Dialect=\"http://www.onvif.org/ver10/tev/topicExpression/ConcreteSet\">"
                + topic + "</wsnt:Topic><wsnt:Message><tt:Message UtcTime=\""
                + DateTimeFormatter.ISO_INSTANT.format(Instant.now().plus(skew)) + "\" PropertyOperation=\"" + operation
                + "\"><tt:Source><tt:SimpleItem Name=\"Source\" Value=\"VideoSourceToken\"/></tt:Source><tt:Data>"
                + "<tt:SimpleItem Name=\"" + item + "\" Value=\"" + value + "\"/></tt:Data></tt:Message></wsnt:Message>"
                + "</wsnt:NotificationMessage>";
    }

    /** A request the device refuses as the sender's fault (SOAP fault with an ONVIF subcode, HTTP 400). */
    private static final class Refused extends RuntimeException {
        final String code;

        Refused(String code, String reason) {
            super(reason);
            this.code = code;
        }
    }

    private static String fault(String code, String reason) {
        return "<s:Fault><s:Code><s:Value>s:Sender</s:Value><s:Subcode><s:Value>" + code
                + "</s:Value></s:Subcode></s:Code><s:Reason><s:Text xml:lang=\"en\">" + OnvifClient.xml(reason)
                + "</s:Text></s:Reason></s:Fault>";
    }

    private static Document parse(byte[] body) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        } catch (Exception e) {
            throw new IllegalArgumentException("not XML", e);
        }
    }

    private static Element optional(Element root, String name) {
        NodeList n = root.getElementsByTagNameNS("*", name);
        return n.getLength() == 0 ? null : (Element) n.item(0);
    }

    private static Element first(Element root, String name) {
        Element e = optional(root, name);
        if (e == null) {
            throw new IllegalArgumentException("missing " + name);
        }
        return e;
    }

    private static Element firstChild(Element e) {
        for (org.w3c.dom.Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                return child;
            }
        }
        throw new IllegalArgumentException("empty body");
    }

    private static String text(Element root, String name) {
        return first(root, name).getTextContent().strip();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
