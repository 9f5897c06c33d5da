package ae.rta.cctv.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks TCP ports on the loopback interface that nothing listens on right now, for services that are told their port
 * before they start. Ports come from 20000-32767, below Linux's ephemeral range (32768-60999): a port picked there
 * (port 0) could be handed to any outgoing connection between the pick and the bind, and a whole system started on
 * picked ports makes hundreds of connections while it starts ("Port 41437 was already in use" in the interop suite).
 * A port is handed out once per JVM.
 */
public final class FreePorts {

    private static final int FIRST = 20_000;
    private static final int LAST = 32_767;
    private static final Set<Integer> handedOut = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    public static int pick() {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FIRST, LAST + 1);
            if (!handedOut.contains(port) && isFree(port) && handedOut.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port on loopback between " + FIRST + " and " + LAST);
    }

    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
