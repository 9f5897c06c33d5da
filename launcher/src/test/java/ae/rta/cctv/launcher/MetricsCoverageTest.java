package ae.rta.cctv.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ae.rta.cctv.embedded.FreePorts;
import ae.rta.cctv.testsupport.ServiceHttp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every metric the alert rules (deploy/prometheus/rules) and the Grafana dashboards (deploy/grafana/dashboards) read
 * exists in the /metrics of some service of the running system, so no alert or panel watches a name nothing exposes.
 * The system runs as {@code ./cctv run} starts it (demo cameras, free ports, a temporary data directory). Names are
 * compared exactly, suffix included: a histogram is exposed as {@code name_bucket}, {@code name_count} and
 * {@code name_sum}, and those are the names a query must use.
 */
final class MetricsCoverageTest {

    private static final Path DEPLOY = Path.of("..", "deploy").toAbsolutePath().normalize();
    /** Series Prometheus makes itself rather than scraping them. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up", "ALERTS", "ALERTS_FOR_STATE",
            "scrape_duration_seconds", "scrape_samples_scraped", "scrape_samples_post_metric_relabeling",
            "scrape_series_added");

    @TempDir
    Path data;

    @Test
    void everyMetricTheAlertRulesAndDashboardsReadIsExposedBySomeService() {
        Map<String, Set<String>> wanted = wantedMetrics();
        assertThat(wanted).as("metrics named by the rules and dashboards").hasSizeGreaterThan(40);

        Map<String, String> env = new HashMap<>();
        for (ServiceSpec s : ServiceSpec.ALL) {
            env.put(s.portVariable(), Integer.toString(FreePorts.pick()));
        }
        env.put("CCTV_SERVICE_SECRET", "metrics-coverage-test-secret-0123456789abcdef");
        LauncherSettings settings = LauncherSettings.from(new String[] {"--data-dir=" + data}, env);
        try (CctvLauncher launcher = new CctvLauncher(settings)) {
            launcher.start();
            // Per-camera series appear on the first health-probe tick after start; everything else is registered at start.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                Set<String> exposed = exposed(settings);
                Map<String, Set<String>> missing = new TreeMap<>(wanted);
                missing.keySet().removeAll(exposed);
                assertThat(missing).as("metrics read by rules or dashboards (where) that no service exposes").isEmpty();
            });
        }
    }

    /** Every sample name in every service's /metrics. */
    private static Set<String> exposed(LauncherSettings settings) {
        Set<String> names = new TreeSet<>(PROMETHEUS_OWN);
        for (ServiceSpec s : ServiceSpec.ALL) {
            ServiceHttp.Response metrics = new ServiceHttp(settings.port(s)).get("/metrics");
            assertThat(metrics.status()).as(s.name() + " /metrics").isEqualTo(200);
            metrics.body().lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("[{ ]", 2)[0]).forEach(names::add);
        }
        return names;
    }

    /** Metric name -> where it is read (rule or dashboard panel), recording rules' own names left out. */
    @SuppressWarnings("unchecked")
    private static Map<String, Set<String>> wantedMetrics() {
        Map<String, Set<String>> wanted = new TreeMap<>();
        Set<String> recorded = new TreeSet<>();
        for (Path file : files(DEPLOY.resolve("prometheus/rules"), ".yml")) {
            Map<String, Object> rules = new Yaml().load(read(file));
            for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
                for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                    String name = (String) (rule.containsKey("alert") ? rule.get("alert") : rule.get("record"));
                    if (rule.containsKey("record")) {
                        recorded.add(name);
                    }
                    for (String metric : PromQlNames.of((String) rule.get("expr"))) {
                        wanted.computeIfAbsent(metric, k -> new TreeSet<>()).add("rule " + name);
                    }
                }
            }
        }
        JsonMapper json = JsonMapper.builder().build();
        List<Path> dashboards = files(DEPLOY.resolve("grafana/dashboards"), ".json");
        assertThat(dashboards).hasSize(5);
        for (Path file : dashboards) {
            JsonNode dashboard = json.readTree(read(file)); // fails the test if a dashboard does not parse
            for (JsonNode panel : dashboard.path("panels")) {
                if (!panel.path("datasource").path("type").asString().equals("prometheus")) {
                    continue; // rows, and the Loki log panel
                }
                for (JsonNode target : panel.path("targets")) {
                    for (String metric : PromQlNames.of(target.path("expr").asString())) {
                        wanted.computeIfAbsent(metric, k -> new TreeSet<>())
                                .add(file.getFileName() + " \"" + panel.path("title").asString() + "\"");
                    }
                }
            }
            for (JsonNode variable : dashboard.path("templating").path("list")) {
                for (String metric : PromQlNames.of(variable.path("query").asString())) {
                    wanted.computeIfAbsent(metric, k -> new TreeSet<>()).add(file.getFileName() + " variable");
                }
            }
        }
        wanted.keySet().removeAll(recorded);
        return wanted;
    }

    private static List<Path> files(Path dir, String suffix) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new AssertionError("cannot list " + dir, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }
}
