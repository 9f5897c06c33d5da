package ae.rta.cctv.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import ae.rta.cctv.embedded.FreePorts;
import ae.rta.cctv.testsupport.RawHttp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The attack surface of the system as {@code ./cctv run} starts it, checked from outside against the findings of an
 * outside probe: every internal route of every service answers 401 to every spelling of its path without a service
 * credential (the probe read a camera's password through {@code /%69nternal/...} and {@code /internal;x/...}), and
 * every listening socket of the system (services, PostgreSQL, Redis, the demo cameras' RTSP server) is on loopback.
 */
final class SecuritySurfaceTest {

    private static final String ID = "00000000-0000-4000-8000-000000000001";
    private static final Map<String, UnaryOperator<String>> SPELLINGS = new java.util.LinkedHashMap<>();

    static {
        SPELLINGS.put("raw", p -> p);
        SPELLINGS.put("%69nternal", p -> p.replaceFirst("^/internal", "/%69nternal"));
        SPELLINGS.put("internal;x", p -> p.replaceFirst("^/internal", "/internal;x"));
        SPELLINGS.put("//internal", p -> "/" + p);
        SPELLINGS.put("/INTERNAL", p -> p.replaceFirst("^/internal", "/INTERNAL"));
        SPELLINGS.put("encoded slash", p -> p.replaceFirst("^/internal/", "/internal%2F"));
        SPELLINGS.put("double-encoded", p -> p.replaceFirst("^/internal", "/%2569nternal"));
        SPELLINGS.put("dot segment", p -> "/x/.." + p);
    }

    private static Path data;
    private static CctvLauncher launcher;
    private static LauncherSettings settings;

    @BeforeAll
    static void start() throws IOException {
        data = Files.createTempDirectory("security-surface");
        Map<String, String> env = new HashMap<>();
        for (ServiceSpec s : ServiceSpec.ALL) {
            env.put(s.portVariable(), Integer.toString(FreePorts.pick()));
        }
        env.put("CCTV_SERVICE_SECRET", "security-surface-test-secret-0123456789abcdef");
        settings = LauncherSettings.from(new String[] {"--data-dir=" + data}, env);
        launcher = new CctvLauncher(settings);
        launcher.start();
    }

    @AfterAll
    static void stop() {
        if (launcher != null) {
            launcher.close();
        }
    }

    @Test
    void everyInternalRouteOfEveryServiceIs401InEverySpellingWithoutACredential() {
        Map<String, ConfigurableApplicationContext> services = launcher.services();
        assertThat(services.keySet()).containsAll(List.of("vms", "storage", "recording", "metadata", "live",
                "stream-counter", "playback", "api"));
        List<String> failures = new ArrayList<>();
        int checked = 0;
        int routes = 0;
        for (Map.Entry<String, ConfigurableApplicationContext> service : services.entrySet()) {
            RawHttp http = new RawHttp(settings.port(ServiceSpec.named(service.getKey())));
            for (Map.Entry<String, Set<String>> route : internalRoutes(service.getValue()).entrySet()) {
                routes++;
                for (String method : route.getValue()) {
                    for (Map.Entry<String, UnaryOperator<String>> spelling : SPELLINGS.entrySet()) {
                        String target = spelling.getValue().apply(route.getKey());
                        RawHttp.Answer answer = http.sendJson(method, target, "{}");
                        checked++;
                        if (answer.status() != 401 || !answer.isProblemJson()) {
                            failures.add(service.getKey() + " " + method + " " + target + " (" + spelling.getKey()
                                    + ") -> " + answer.status() + " " + answer.contentType());
                        }
                    }
                }
            }
        }
        assertThat(routes).as("internal routes found").isGreaterThanOrEqualTo(50);
        assertThat(checked).isGreaterThanOrEqualTo(routes * SPELLINGS.size());
        assertThat(failures).as("internal routes reachable without a credential").isEmpty();
    }

    @Test
    void everyListeningSocketOfTheSystemIsOnLoopback() throws IOException {
        Set<Long> inodes = socketInodes(ProcessHandle.current());
        ProcessHandle.current().descendants().forEach(p -> inodes.addAll(socketInodes(p)));
        Map<String, String> listening = new TreeMap<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table)).subList(1, Files.readAllLines(Path.of(table)).size())) {
                String[] f = line.strip().split("\\s+");
                if (f[3].equals("0A") && inodes.contains(Long.parseLong(f[9]))) {
                    listening.put(f[1], address(f[1]));
                }
            }
        }
        assertThat(listening).as("the system's listening sockets").hasSizeGreaterThanOrEqualTo(ServiceSpec.ALL.size() + 2);
        assertThat(listening.values()).as("bound addresses").allMatch(a -> a.equals("127.0.0.1") || a.equals("::1")
                || a.equals("::ffff:127.0.0.1"));
    }

    /** Path pattern -> HTTP methods of every {@code /internal} handler of one service, path variables filled in. */
    private static Map<String, Set<String>> internalRoutes(ConfigurableApplicationContext context) {
        Map<String, Set<String>> routes = new TreeMap<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                if (info.getPathPatternsCondition() == null) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                    if (pattern.startsWith("/internal/")) {
                        String path = pattern.replaceAll("\\{[^}]+}", ID);
                        Set<String> names = routes.computeIfAbsent(path, k -> new HashSet<>());
                        if (methods.isEmpty()) {
                            names.add("GET");
                        }
                        methods.forEach(m -> names.add(m.name()));
                    }
                }
            }
        }
        return routes;
    }

    private static Set<Long> socketInodes(ProcessHandle process) {
        Set<Long> inodes = new HashSet<>();
        Path fds = Path.of("/proc", Long.toString(process.pid()), "fd");
        try (Stream<Path> entries = Files.list(fds)) {
            entries.forEach(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(Long.parseLong(target.substring(8, target.length() - 1)));
                    }
                } catch (IOException | UnsupportedOperationException e) {
                    // A descriptor closed while listing: nothing listens on it.
                }
            });
        } catch (IOException e) {
            // The process ended while listing.
        }
        return inodes;
    }

    /* /proc/net/tcp{,6} local address "0100007F:1F90" (little-endian words) to its textual address. */
    private static String address(String local) {
        String hex = local.substring(0, local.indexOf(':'));
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(word * 8 + (3 - i) * 2, word * 8 + (3 - i) * 2 + 2), 16);
            }
        }
        try {
            String text = java.net.InetAddress.getByAddress(bytes).getHostAddress();
            return text.equals("0:0:0:0:0:0:0:1") ? "::1" : text.startsWith("0:0:0:0:0:ffff:") ? "::ffff:" + text.substring(15) : text;
        } catch (java.net.UnknownHostException e) {
            return local;
        }
    }
}
