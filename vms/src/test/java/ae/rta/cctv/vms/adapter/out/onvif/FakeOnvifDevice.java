package ae.rta.cctv.vms.adapter.out.onvif;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * An ONVIF device for tests, speaking the SOAP 1.2 subset the system uses (device, media, PTZ and, once told where its
 * recordings replay from, replay services). It checks every signed request's WS-UsernameToken digest against its own
 * clock, which is set {@code skew} off the real one, and refuses tokens created more than 5 minutes from its time, as
 * real devices do. It records the PTZ and replay operations it receives. As an XProtect Open Network Bridge it keeps
 * one recording per camera, named by the camera's GUID (our unverified reading of the bridge).
 */
public final class FakeOnvifDevice implements AutoCloseable {

    private final HttpServer server;
    private final String username;
    private final String password;
    private final Duration skew;
    private final String streamUri;
    private final List<String> operations = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> presets = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Set<String> recordings = ConcurrentHashMap.newKeySet();
    private volatile String replayPrefix;
    private int nextPreset = 1;

    public FakeOnvifDevice(String username, String password, Duration skew, String streamUri) {
        this.username = username;
        this.password = password;
        this.skew = skew;
        this.streamUri = streamUri;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/onvif/", this::handle);
        server.start();
    }

    public String deviceService() {
        return base() + "/onvif/device_service";
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<String> operations() {
        return List.copyOf(operations);
    }

    /** Offers the Replay service: a recording's replay URI is {@code prefix + token}. */
    public void replayAt(String prefix) {
        replayPrefix = prefix;
    }

    /** A recording the replay service knows (others are refused with {@code ter:NoRecording}). */
    public void addRecording(String token) {
        recordings.add(token);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String answer;
        int status = 200;
        try {
            Document request = parse(body);
            Element operation = firstChild(first(request.getDocumentElement(), "Body"));
            String name = operation.getLocalName();
            if (!name.equals("GetSystemDateAndTime") && !authorised(request)) {
                status = 400;
                answer = fault("ter:NotAuthorized", "Sender not authorized");
            } else {
                answer = respond(name, operation);
            }
        } catch (Refused e) {
            status = 400;
            answer = fault(e.code, e.getMessage());
        } catch (RuntimeException e) {
            status = 500;
            answer = fault("ter:Action", e.getMessage());
        }
        byte[] bytes = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:tt=\"http://www.onvif.org/ver10/schema\" xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\""
                + " xmlns:trt=\"http://www.onvif.org/ver10/media/wsdl\" xmlns:tptz=\"http://www.onvif.org/ver20/ptz/wsdl\""
                + " xmlns:trp=\"http://www.onvif.org/ver10/replay/wsdl\" xmlns:ter=\"http://www.onvif.org/ver10/error\">"
                + "<s:Body>" + answer + "</s:Body></s:Envelope>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/soap+xml; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private String respond(String name, Element op) {
        return switch (name) {
            case "GetSystemDateAndTime" -> {
                ZonedDateTime now = Instant.now().plus(skew).atZone(ZoneOffset.UTC);
                yield "<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime><tt:UTCDateTime><tt:Time><tt:Hour>"
                        + now.getHour() + "</tt:Hour><tt:Minute>" + now.getMinute() + "</tt:Minute><tt:Second>"
                        + now.getSecond() + "</tt:Second></tt:Time><tt:Date><tt:Year>" + now.getYear() + "</tt:Year><tt:Month>"
                        + now.getMonthValue() + "</tt:Month><tt:Day>" + now.getDayOfMonth()
                        + "</tt:Day></tt:Date></tt:UTCDateTime></tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>";
            }
            case "GetCapabilities" -> "<tds:GetCapabilitiesResponse><tds:Capabilities><tt:Media><tt:XAddr>" + base()
                    + "/onvif/media_service</tt:XAddr></tt:Media><tt:PTZ><tt:XAddr>" + base()
                    + "/onvif/ptz_service</tt:XAddr></tt:PTZ>" + (replayPrefix == null ? "" : "<tt:Extension><tt:Replay>"
                    + "<tt:XAddr>" + base() + "/onvif/replay_service</tt:XAddr></tt:Replay></tt:Extension>")
                    + "</tds:Capabilities></tds:GetCapabilitiesResponse>";
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
            case "GetProfiles" -> "<trt:GetProfilesResponse>"
                    + "<trt:Profiles token=\"sub\"><tt:Name>Sub</tt:Name><tt:VideoEncoderConfiguration><tt:Resolution>"
                    + "<tt:Width>320</tt:Width><tt:Height>180</tt:Height></tt:Resolution></tt:VideoEncoderConfiguration></trt:Profiles>"
                    + "<trt:Profiles token=\"main\"><tt:Name>Main</tt:Name><tt:VideoEncoderConfiguration><tt:Resolution>"
                    + "<tt:Width>1920</tt:Width><tt:Height>1080</tt:Height></tt:Resolution></tt:VideoEncoderConfiguration></trt:Profiles>"
                    + "</trt:GetProfilesResponse>";
            case "GetStreamUri" -> "<trt:GetStreamUriResponse><trt:MediaUri><tt:Uri>" + streamUri
                    + ("sub".equals(text(op, "ProfileToken")) ? "" : "") + "</tt:Uri></trt:MediaUri></trt:GetStreamUriResponse>";
            case "ContinuousMove" -> {
                Element panTilt = first(op, "PanTilt");
                operations.add("ContinuousMove " + text(op, "ProfileToken") + " x=" + panTilt.getAttribute("x") + " y="
                        + panTilt.getAttribute("y") + " zoom=" + first(op, "Zoom").getAttribute("x") + " timeout="
                        + text(op, "Timeout"));
                yield "<tptz:ContinuousMoveResponse/>";
            }
            case "Stop" -> {
                operations.add("Stop " + text(op, "ProfileToken"));
                yield "<tptz:StopResponse/>";
            }
            case "AbsoluteMove", "RelativeMove", "GotoHomePosition" -> {
                operations.add(name + " " + text(op, "ProfileToken"));
                yield "<tptz:" + name + "Response/>";
            }
            case "SetPreset" -> {
                String token = "p" + nextPreset++;
                presets.put(token, text(op, "PresetName"));
                operations.add("SetPreset " + token);
                yield "<tptz:SetPresetResponse><tptz:PresetToken>" + token + "</tptz:PresetToken></tptz:SetPresetResponse>";
            }
            case "GetPresets" -> {
                StringBuilder list = new StringBuilder("<tptz:GetPresetsResponse>");
                presets.forEach((token, presetName) -> list.append("<tptz:Preset token=\"").append(token)
                        .append("\"><tt:Name>").append(OnvifClient.xml(presetName)).append("</tt:Name></tptz:Preset>"));
                yield list.append("</tptz:GetPresetsResponse>").toString();
            }
            case "GotoPreset" -> {
                String token = text(op, "PresetToken");
                if (!presets.containsKey(token)) {
                    throw new IllegalArgumentException("no preset " + token);
                }
                operations.add("GotoPreset " + token);
                yield "<tptz:GotoPresetResponse/>";
            }
            case "RemovePreset" -> {
                presets.remove(text(op, "PresetToken"));
                operations.add("RemovePreset " + text(op, "PresetToken"));
                yield "<tptz:RemovePresetResponse/>";
            }
            default -> throw new IllegalArgumentException("operation not supported: " + name);
        };
    }

    /** A request the device refuses as the sender's fault (SOAP fault with an ONVIF subcode, HTTP 400). */
    private static final class Refused extends RuntimeException {
        final String code;

        Refused(String code, String reason) {
            super(reason);
            this.code = code;
        }
    }

    private boolean authorised(Document request) {
        NodeList tokens = request.getElementsByTagNameNS("*", "UsernameToken");
        if (tokens.getLength() == 0) {
            return false;
        }
        Element token = (Element) tokens.item(0);
        String created = text(token, "Created");
        Instant deviceNow = Instant.now().plus(skew);
        if (Duration.between(Instant.parse(created), deviceNow).abs().compareTo(Duration.ofMinutes(5)) > 0) {
            return false;
        }
        byte[] nonce = Base64.getDecoder().decode(text(token, "Nonce"));
        return username.equals(text(token, "Username"))
                && WsUsernameToken.digest(nonce, created, password).equals(text(token, "Password"));
    }

    private static String fault(String code, String reason) {
        return "<s:Fault><s:Code><s:Value>s:Sender</s:Value><s:Subcode><s:Value>" + code
                + "</s:Value></s:Subcode></s:Code><s:Reason><s:Text xml:lang=\"en\">" + reason
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

    private static Element first(Element root, String name) {
        NodeList n = root.getElementsByTagNameNS("*", name);
        if (n.getLength() == 0) {
            throw new IllegalArgumentException("missing " + name);
        }
        return (Element) n.item(0);
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
