package ae.rta.cctv.live.it;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Starts the live system with one camera and prints a stream's viewer URLs, one per line
 * ({@code MSE=...}, {@code HLS=...}), then runs until killed: the browser benchmark plays them.
 * Usage: LiveBrowserFixture [bitrateKbps=1500]
 */
public final class LiveBrowserFixture {

    public static void main(String[] args) throws Exception {
        int bitrate = args.length > 0 ? Integer.parseInt(args[0]) : 1500;
        LiveSystem system = LiveSystem.create(bitrate, Map.of("cctv.stream-counter.ttl", "PT1H"), Map.of());
        Runtime.getRuntime().addShutdownHook(new Thread(system::close));
        JsonNode stream = system.startStream(system.token("admin"), "main");
        System.out.println("MSE=" + stream.get("urls").get("mse").asString() + "&timing=1");
        System.out.println("HLS=" + stream.get("urls").get("hls").asString());
        System.out.flush();
        Thread.currentThread().join();
    }

    private LiveBrowserFixture() {
    }
}
