package ae.rta.cctv.vms.adapter.out.onvif;

import static org.assertj.core.api.Assertions.assertThat;

import ae.rta.cctv.vms.domain.CameraEventKind;
import ae.rta.cctv.vms.domain.Credentials;
import ae.rta.cctv.vms.domain.DeviceEvent;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The client against the specifications' own text, not against a fake of ours: the answers here are the examples the
 * ONVIF Core specification prints (re-typed, with their values), and the requests are checked for the element names,
 * namespaces and action URIs the WSDLs and examples give.
 */
final class OnvifSpecTest {

    /** An HTTP server that answers each request with the next canned answer and keeps what it was sent. */
    private record Sent(String authorization, String target, Document body) {
    }

    private record Canned(int status, List<String> challenges, String body) {
    }

    private final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
    private final Deque<Canned> answers = new ArrayDeque<>();
    private final HttpServer server = start();

    private HttpServer start() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            s.createContext("/", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                sent.add(new Sent(exchange.getRequestHeaders().getFirst("Authorization"),
                        exchange.getRequestURI().toString(), OnvifXml.parse(body)));
                Canned canned;
                synchronized (answers) {
                    canned = answers.poll();
                }
                byte[] bytes = canned.body() == null ? new byte[0] : canned.body().getBytes(StandardCharsets.UTF_8);
                canned.challenges().forEach(c -> exchange.getResponseHeaders().add("WWW-Authenticate", c));
                exchange.getResponseHeaders().set("Content-Type", "application/soap+xml");
                exchange.sendResponseHeaders(canned.status(), bytes.length == 0 ? -1 : bytes.length);
                if (bytes.length > 0) {
                    exchange.getResponseBody().write(bytes);
                }
                exchange.close();
            });
            s.start();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private void answer(int status, String body, String... challenges) {
        synchronized (answers) {
            answers.add(new Canned(status, List.of(challenges), body));
        }
    }

    private static String envelope(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:wsa=\"http://www.w3.org/2005/08/addressing\" xmlns:wsnt=\"http://docs.oasis-open.org/wsn/b-2\""
                + " xmlns:tet=\"http://www.onvif.org/ver10/events/wsdl\" xmlns:tns1=\"http://www.onvif.org/ver10/topics\""
                + " xmlns:tt=\"http://www.onvif.org/ver10/schema\" xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\""
                + " xmlns:tr2=\"http://www.onvif.org/ver20/media/wsdl\" xmlns:tptz=\"http://www.onvif.org/ver20/ptz/wsdl\">"
                + "<SOAP-ENV:Body>" + body + "</SOAP-ENV:Body></SOAP-ENV:Envelope>";
    }

    private String services() {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return envelope("<tds:GetServicesResponse>"
                + "<tds:Service><tds:Namespace>http://www.onvif.org/ver20/media/wsdl</tds:Namespace><tds:XAddr>" + base
                + "/media2</tds:XAddr><tds:Version><tt:Major>17</tt:Major><tt:Minor>6</tt:Minor></tds:Version></tds:Service>"
                + "<tds:Service><tds:Namespace>http://www.onvif.org/ver20/ptz/wsdl</tds:Namespace><tds:XAddr>" + base
                + "/ptz</tds:XAddr><tds:Version><tt:Major>17</tt:Major><tt:Minor>6</tt:Minor></tds:Version></tds:Service>"
                + "<tds:Service><tds:Namespace>http://www.onvif.org/ver10/events/wsdl</tds:Namespace><tds:XAddr>" + base
                + "/events</tds:XAddr><tds:Version><tt:Major>17</tt:Major><tt:Minor>6</tt:Minor></tds:Version></tds:Service>"
                + "</tds:GetServicesResponse>");
    }

    private OnvifClient client() {
        return new OnvifClient(url("/onvif/device_service"), new Credentials("admin", "p@ss"), Clock.systemUTC(),
                OnvifClient.httpClient(Duration.ofSeconds(2)), Duration.ofSeconds(5));
    }

    /** ONVIF Core, "Get Device Hashing Algorithm": the device's 401 with an MD5 and a SHA-256 challenge, verbatim. */
    @Test
    void theDigestLoginAnswersTheCoreExampleChallengeAsRfc7616Computes() throws Exception {
        answer(200, services());
        answer(401, null, "Digest algorithm=MD5, realm=\"Silvan_http_digest\", qop=\"auth\", nonce=\"62d82aa9ca59e3a04cd1\", opaque=\"5b6ea228\"",
                "Digest algorithm=SHA-256, realm=\"Silvan_http_digest\", qop=\"auth\", nonce=\"62d82aa9ca59e3a04cd1\", opaque=\"5b6ea228\"");
        answer(200, envelope("<tr2:GetProfilesResponse><tr2:Profiles token=\"p0\" fixed=\"true\"><tr2:Name>p0</tr2:Name>"
                + "</tr2:Profiles></tr2:GetProfilesResponse>"));
        OnvifClient client = client();

        assertThat(client.profiles()).extracting(OnvifClient.Profile::token).containsExactly("p0");

        assertThat(sent.get(1).authorization()).as("Core 5.9.1: the first request carries no credentials").isNull();
        assertThat(text(sent.get(1).body(), "Security")).isNull();
        String authorization = sent.get(2).authorization();
        Map<String, String> p = ae.rta.cctv.common.rtsp.RtspAuthenticator.params(authorization.substring(7));
        assertThat(p).containsEntry("username", "admin").containsEntry("realm", "Silvan_http_digest")
                .containsEntry("nonce", "62d82aa9ca59e3a04cd1").containsEntry("uri", "/media2").containsEntry("qop", "auth")
                .containsEntry("nc", "00000001").containsEntry("opaque", "5b6ea228").containsEntry("algorithm", "MD5");
        // RFC 7616 3.4.1, the device's first (preferred) algorithm.
        String ha1 = md5("admin:Silvan_http_digest:p@ss");
        String ha2 = md5("POST:/media2");
        assertThat(p.get("response")).isEqualTo(md5(ha1 + ":62d82aa9ca59e3a04cd1:00000001:" + p.get("cnonce") + ":auth:" + ha2));
        assertThat(authorization.indexOf("response=")).as("quoted fields before unquoted ones (live555)")
                .isLessThan(authorization.indexOf("algorithm="));
        assertThat(text(sent.get(2).body(), "Security")).as("never both logins at once (Core 5.9.1)").isNull();
        // Media2 5.1.2: without Type the profiles carry no configurations.
        Element getProfiles = body(sent.get(2));
        assertThat(getProfiles.getNamespaceURI()).isEqualTo("http://www.onvif.org/ver20/media/wsdl");
        assertThat(getProfiles.getLocalName()).isEqualTo("GetProfiles");
        assertThat(text(sent.get(2).body(), "Type")).isEqualTo("All");
        assertThat(client.login()).isEqualTo("DIGEST");
    }

    /** Core 5.9.1: a UsernameToken-only device answers 400 with env:Sender/ter:NotAuthorized. */
    @Test
    void aNotAuthorizedFaultWithoutAChallengeIsAnsweredWithAUsernameToken() {
        String fault = envelope("<SOAP-ENV:Fault><SOAP-ENV:Code><SOAP-ENV:Value>SOAP-ENV:Sender</SOAP-ENV:Value><SOAP-ENV:Subcode>"
                + "<SOAP-ENV:Value xmlns:ter=\"http://www.onvif.org/ver10/error\">ter:NotAuthorized</SOAP-ENV:Value></SOAP-ENV:Subcode>"
                + "</SOAP-ENV:Code><SOAP-ENV:Reason><SOAP-ENV:Text xml:lang=\"en\">Sender not Authorized</SOAP-ENV:Text>"
                + "</SOAP-ENV:Reason></SOAP-ENV:Fault>");
        answer(200, services());
        answer(400, fault);
        answer(200, envelope("<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime><tt:UTCDateTime><tt:Time><tt:Hour>1"
                + "</tt:Hour><tt:Minute>2</tt:Minute><tt:Second>3</tt:Second></tt:Time><tt:Date><tt:Year>2026</tt:Year><tt:Month>1"
                + "</tt:Month><tt:Day>2</tt:Day></tt:Date></tt:UTCDateTime></tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>"));
        answer(400, fault);
        OnvifClient client = client();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.presets("p0"))
                .isInstanceOf(OnvifClient.LoginRefusedException.class)
                .hasMessage("the device refused the WS-UsernameToken login (Sender not Authorized)");
        Sent withToken = sent.get(sent.size() - 1);
        assertThat(withToken.authorization()).isNull();
        assertThat(text(withToken.body(), "Username")).isEqualTo("admin");
    }

    /** Core 9.10.3 to 9.10.6: a pull point made, addressed and read as the examples show. */
    @Test
    void pullPointsAreMadeAndReadAsTheCoreExamplesShow() throws Exception {
        answer(200, services());
        // 9.10.4, verbatim but for the address: times without a zone, as printed.
        answer(200, envelope("<tet:CreatePullPointSubscriptionResponse><tet:SubscriptionReference><wsa:Address>"
                + "http://160.10.64.10/Subscription?Idx=0</wsa:Address></tet:SubscriptionReference><wsnt:CurrentTime>"
                + "2008-10-09T13:52:59</wsnt:CurrentTime><wsnt:TerminationTime>2008-10-09T13:53:59</wsnt:TerminationTime>"
                + "</tet:CreatePullPointSubscriptionResponse>"));
        // 9.10.6, verbatim.
        answer(200, envelope("<tet:PullMessagesResponse><tet:CurrentTime>2008-10-10T12:24:58</tet:CurrentTime>"
                + "<tet:TerminationTime>2008-10-10T12:25:58</tet:TerminationTime>"
                + "<wsnt:NotificationMessage><wsnt:Topic Dialect=\"http://www.onvif.org/ver10/tev/topicExpression/ConcreteSet\">"
                + "tns1:RuleEngine/LineDetector/Crossed</wsnt:Topic><wsnt:Message><tt:Message UtcTime=\"2008-10-10T12:24:57.321Z\">"
                + "<tt:Source><tt:SimpleItem Name=\"VideoSource\" Value=\"1\"/><tt:SimpleItem Name=\"AnalyticsConfiguration\" Value=\"2\"/>"
                + "<tt:SimpleItem Value=\"MyImportantFence1\" Name=\"Rule\"/></tt:Source><tt:Data><tt:SimpleItem Name=\"ObjectId\" Value=\"15\" />"
                + "</tt:Data></tt:Message></wsnt:Message></wsnt:NotificationMessage>"
                + "<wsnt:NotificationMessage><wsnt:Topic Dialect=\"http://www.onvif.org/ver10/tev/topicExpression/ConcreteSet\">"
                + "tns1:RuleEngine/LineDetector/Crossed</wsnt:Topic><wsnt:Message><tt:Message UtcTime=\"2008-10-10T12:24:57.789Z\">"
                + "<tt:Source><tt:SimpleItem Name=\"VideoSource\" Value=\"1\"/><tt:SimpleItem Name=\"AnalyticsConfiguration\" Value=\"2\"/>"
                + "<tt:SimpleItem Value=\"MyImportantFence2\" Name=\"Rule\"/></tt:Source><tt:Data><tt:SimpleItem Name=\"ObjectId\" Value=\"19\"/>"
                + "</tt:Data></tt:Message></wsnt:Message></wsnt:NotificationMessage></tet:PullMessagesResponse>"));
        OnvifClient client = new OnvifClient(url("/onvif/device_service"), null, Clock.systemUTC(),
                OnvifClient.httpClient(Duration.ofSeconds(2)), Duration.ofSeconds(5));

        OnvifClient.PullPoint point = client.createPullPoint(Duration.ofMinutes(1));
        assertThat(point.lifetime()).isEqualTo(Duration.ofMinutes(1));
        assertThat(point.address()).as("Core 8.1.2.2: an address naming another host is reached on the device's")
                .isEqualTo(url("/Subscription?Idx=0"));
        assertThat(text(sent.get(1).body(), "Action"))
                .isEqualTo("http://www.onvif.org/ver10/events/wsdl/EventPortType/CreatePullPointSubscriptionRequest");
        assertThat(text(sent.get(1).body(), "InitialTerminationTime")).isEqualTo("PT1M");

        OnvifClient.Pulled pulled = client.pull(point, Duration.ofSeconds(5), 2);
        Sent pull = sent.get(2);
        assertThat(pull.target()).isEqualTo("/Subscription?Idx=0");
        assertThat(text(pull.body(), "Action")).isEqualTo("http://www.onvif.org/ver10/events/wsdl/PullPointSubscription/PullMessagesRequest");
        assertThat(text(pull.body(), "To")).isEqualTo(point.address().toString());
        assertThat(body(pull).getNamespaceURI()).isEqualTo("http://www.onvif.org/ver10/events/wsdl");
        assertThat(text(pull.body(), "Timeout")).isEqualTo("PT5S");
        assertThat(text(pull.body(), "MessageLimit")).isEqualTo("2");
        assertThat(pulled.terminationTime()).isEqualTo(Instant.parse("2008-10-10T12:25:58Z"));
        assertThat(pulled.notifications()).hasSize(2);
        OnvifClient.Notification first = pulled.notifications().getFirst();
        assertThat(first.topic()).isEqualTo("RuleEngine/LineDetector/Crossed");
        assertThat(first.utcTime()).isEqualTo(Instant.parse("2008-10-10T12:24:57.321Z"));
        assertThat(first.source()).containsEntry("Rule", "MyImportantFence1");
        assertThat(first.data()).containsEntry("ObjectId", "15");
        assertThat(OnvifEventSource.event(first, Duration.ZERO, Instant.EPOCH)).as("a line crossing is neither motion nor tampering")
                .isNull();
    }

    /** Imaging 5.5 (message description: Source, Data State) and Analytics Annex B (Data IsMotion). */
    @Test
    void motionAndTamperingTopicsAreReadAsTheirMessageDescriptionsSay() {
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        DeviceEvent motion = OnvifEventSource.event(new OnvifClient.Notification("VideoSource/MotionAlarm", at, "Changed",
                Map.of("Source", "VideoSourceToken"), Map.of("State", "true")), Duration.ofMinutes(2), Instant.EPOCH);
        assertThat(motion).isEqualTo(new DeviceEvent(CameraEventKind.MOTION, true,
                "tns1:VideoSource/MotionAlarm (Source=VideoSourceToken)", at.minus(Duration.ofMinutes(2))));
        DeviceEvent cells = OnvifEventSource.event(new OnvifClient.Notification("RuleEngine/CellMotionDetector/Motion", at,
                "Changed", Map.of(), Map.of("IsMotion", "false")), Duration.ZERO, Instant.EPOCH);
        assertThat(cells.kind()).isEqualTo(CameraEventKind.MOTION);
        assertThat(cells.active()).isFalse();
        for (String tamper : List.of("VideoSource/GlobalSceneChange/ImagingService", "VideoSource/GlobalSceneChange/AnalyticsService",
                "VideoSource/ImageTooDark/ImagingService", "VideoSource/SignalLoss")) {
            assertThat(OnvifEventSource.kind(tamper)).as(tamper).isEqualTo(CameraEventKind.TAMPERING);
        }
        assertThat(OnvifEventSource.event(new OnvifClient.Notification("VideoSource/MotionAlarm", at, "Initialized", Map.of(),
                Map.of("State", "false")), Duration.ZERO, Instant.EPOCH)).as("an initial 'no motion' started nothing").isNull();
        assertThat(OnvifEventSource.event(new OnvifClient.Notification("VideoSource/MotionAlarm", null, "Changed", Map.of(),
                Map.of("State", "maybe")), Duration.ZERO, Instant.EPOCH)).as("an unreadable state is dropped").isNull();
    }

    /** PTZ 5.7: the generic spaces' ranges, and a node's own ranges from GetConfigurationOptions (5.2.4). */
    @Test
    void normalisedMovesMapOntoTheRangesANodeOffers() {
        PtzSpaces generic = PtzSpaces.GENERIC;
        assertThat(generic.absolute(0.5, -0.5, 0.25)).isEqualTo(new PtzSpaces.Vector(0.5, -0.5,
                "http://www.onvif.org/ver10/tptz/PanTiltSpaces/PositionGenericSpace", 0.25,
                "http://www.onvif.org/ver10/tptz/ZoomSpaces/PositionGenericSpace"));
        PtzSpaces.Space steps = new PtzSpaces.Space("http://www.onvif.org/ver10/tptz/PanTiltSpaces/PositionGenericSpace",
                new PtzSpaces.Range(0, 360), new PtzSpaces.Range(0, 180));
        PtzSpaces.Space degrees = new PtzSpaces.Space("http://www.onvif.org/ver10/tptz/PanTiltSpaces/SphericalPositionSpace",
                new PtzSpaces.Range(-180, 180), new PtzSpaces.Range(-90, 0));
        PtzSpaces.Space unbounded = new PtzSpaces.Space("urn:x", new PtzSpaces.Range(Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY), new PtzSpaces.Range(-1, 1));
        assertThat(PtzSpaces.choose(List.of(degrees, steps), steps.uri())).as("the generic space first").isEqualTo(steps);
        assertThat(PtzSpaces.choose(List.of(unbounded, degrees), "urn:none")).as("else the first bounded").isEqualTo(degrees);
        PtzSpaces node = new PtzSpaces(steps, null, null, null, null, null);
        assertThat(node.absolute(-1.0, 1.0, 0.7)).isEqualTo(new PtzSpaces.Vector(0.0, 180.0, steps.uri(), null, null));
        assertThat(node.relative(0.5, 0.5, 0.5).empty()).as("no translation space: nothing to send").isTrue();
        assertThat(PtzSpaces.xml(node.absolute(0.0, 0.0, null))).isEqualTo("<PanTilt xmlns=\"http://www.onvif.org/ver10/schema\""
                + " x=\"180.0000\" y=\"90.0000\" space=\"http://www.onvif.org/ver10/tptz/PanTiltSpaces/PositionGenericSpace\"/>");
    }

    private static Element body(Sent s) {
        Element body = (Element) s.body().getElementsByTagNameNS("http://www.w3.org/2003/05/soap-envelope", "Body").item(0);
        for (var n = body.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        throw new AssertionError("empty body");
    }

    private static String text(Document d, String localName) {
        var nodes = d.getElementsByTagNameNS("*", localName);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
    }

    private static String md5(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
