package ae.rta.cctv.live.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RendezvousTest {

    private static final List<String> GATEWAYS = List.of("http://janus-a:8188/janus", "http://janus-b:8188/janus",
            "http://janus-c:8188/janus");

    private static Map<String, String> homes(List<String> gateways, int cameras) {
        Map<String, String> homes = new HashMap<>();
        for (int i = 0; i < cameras; i++) {
            homes.put("camera-" + i, Rendezvous.order("camera-" + i, gateways, Function.identity()).getFirst());
        }
        return homes;
    }

    @Test
    void camerasSpreadEvenlyAndEveryOrderListsEveryGatewayOnce() {
        Map<String, String> homes = homes(GATEWAYS, 3_000);
        for (String gateway : GATEWAYS) {
            long count = homes.values().stream().filter(gateway::equals).count();
            assertThat(count).as(gateway).isBetween(850L, 1150L);
        }
        assertThat(Rendezvous.order("camera-1", GATEWAYS, Function.identity())).containsExactlyInAnyOrderElementsOf(GATEWAYS);
    }

    @Test
    void removingAGatewayMovesOnlyItsCamerasToTheirNextChoice() {
        Map<String, String> before = homes(GATEWAYS, 3_000);
        Map<String, String> after = homes(GATEWAYS.subList(0, 2), 3_000);
        before.forEach((camera, home) -> {
            if (!home.equals(GATEWAYS.get(2))) {
                assertThat(after.get(camera)).as(camera).isEqualTo(home);
            } else {
                assertThat(after.get(camera)).isEqualTo(Rendezvous.order(camera, GATEWAYS, Function.identity()).get(1));
            }
        });
    }

    @Test
    void theOrderDoesNotDependOnHowTheGatewaysAreListed() {
        assertThat(Rendezvous.order("camera-7", GATEWAYS.reversed(), Function.identity()))
                .isEqualTo(Rendezvous.order("camera-7", GATEWAYS, Function.identity()));
    }
}
