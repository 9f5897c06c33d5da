package ae.rta.cctv.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operations files under {@code deploy/}, checked with the tools that will read them: promtool (Prometheus
 * configuration, alert rules and their unit tests), amtool (Alertmanager) and kubectl (the kustomize manifests), plus
 * what no tool checks: every alert has a test, dashboards parse and name provisioned data sources, compose mounts files
 * that exist. That every metric the rules and dashboards name exists is the launcher's MetricsCoverageTest.
 */
final class DeployConfigTest {

    /** The deploy folder: this module's own directory (Maven runs tests there). */
    private static final Path DEPLOY = Path.of("").toAbsolutePath();
    private static final Path PROMETHEUS = DEPLOY.resolve("prometheus");
    private static final List<String> SERVICES = List.of("vms", "storage", "recording", "metadata", "live",
            "stream-counter", "api", "playback", "dashboard");

    private static Tool promtool() {
        return Tool.find("promtool", "prometheus");
    }

    private static void succeeds(Tool.Result result, String what) {
        assertThat(result.exitCode()).as(what + " exits 0; it printed:\n" + result.all()).isZero();
    }

    /*
     * The configurations read the services' /metrics token from secrets/cctv-metrics-token beside them (compose and
     * Kubernetes mount it there); promtool insists the file exists, so they are checked in a copy that has one.
     */
    @Test
    void promtoolAcceptsBothPrometheusConfigurationsWithTheirRuleFiles(@org.junit.jupiter.api.io.TempDir Path copy)
            throws IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(PROMETHEUS)) {
            for (Path from : files.toList()) {
                Path to = copy.resolve(PROMETHEUS.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        Files.createDirectories(copy.resolve("secrets"));
        Files.writeString(copy.resolve("secrets").resolve("cctv-metrics-token"), "test-token");
        for (String config : List.of("prometheus.yml", "prometheus-k8s.yml")) {
            assertThat(Files.readString(PROMETHEUS.resolve(config)))
                    .as(config + " presents the metrics token to every job")
                    .contains("credentials_file: secrets/cctv-metrics-token");
            Tool.Result result = promtool().run(copy, "check", "config", config);
            succeeds(result, "promtool check config " + config);
            assertThat(result.all()).as("the rule files were found and read").contains("rules/cctv-alerts.yml")
                    .contains("SUCCESS: 10 rules found");
        }
    }

    @Test
    void promtoolAcceptsTheAlertRules() {
        List<String> args = new ArrayList<>(List.of("check", "rules"));
        args.addAll(ruleFiles().stream().map(f -> PROMETHEUS.relativize(f).toString()).toList());
        succeeds(promtool().run(PROMETHEUS, args.toArray(String[]::new)), "promtool check rules");
    }

    @Test
    void theAlertRulesPassTheirUnitTests() {
        List<String> args = new ArrayList<>(List.of("test", "rules"));
        args.addAll(files(PROMETHEUS.resolve("tests"), ".yml").stream().map(f -> PROMETHEUS.relativize(f).toString()).toList());
        Tool.Result result = promtool().run(PROMETHEUS, args.toArray(String[]::new));
        succeeds(result, "promtool test rules");
        assertThat(result.all()).contains("SUCCESS").doesNotContain("FAILED");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyAlertHasAUnitTestThatSeesItFireAndOneThatSeesItQuiet() {
        Set<String> alerts = new HashSet<>();
        for (Path file : ruleFiles()) {
            Map<String, Object> rules = yaml(file);
            for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
                for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                    if (rule.containsKey("alert")) {
                        alerts.add((String) rule.get("alert"));
                    }
                }
            }
        }
        Set<String> firing = new HashSet<>();
        Set<String> quiet = new HashSet<>();
        for (Path file : files(PROMETHEUS.resolve("tests"), ".yml")) {
            for (Map<String, Object> test : (List<Map<String, Object>>) yaml(file).get("tests")) {
                for (Map<String, Object> check : (List<Map<String, Object>>) test.getOrDefault("alert_rule_test", List.of())) {
                    List<?> expected = (List<?>) check.get("exp_alerts");
                    (expected == null || expected.isEmpty() ? quiet : firing).add((String) check.get("alertname"));
                }
            }
        }
        assertThat(alerts).as("the issue's alerts").contains("CameraOffline", "RecordingGap", "UploadBacklogGrowing",
                "SpoolDiskFilling", "StoreFilling", "QuotaSaturated", "ApiLatencyHigh", "PlaybackCacheHitRateLow",
                "ServiceDown");
        assertThat(firing).as("alerts with a test that expects them to fire").containsAll(alerts);
        assertThat(quiet).as("alerts with a test that expects them not to fire").containsAll(alerts);
    }

    @Test
    void alertmanagerAcceptsItsConfigurationAndPagesOnlyCriticalAlerts() {
        Tool amtool = Tool.find("amtool", "prometheus-alertmanager");
        Path dir = DEPLOY.resolve("alertmanager");
        succeeds(amtool.run(dir, "check-config", "alertmanager.yml"), "amtool check-config");
        Map<String, String> routes = new LinkedHashMap<>();
        routes.put("severity=critical alertname=ServiceDown", "on-call");
        routes.put("severity=critical alertname=CamerasNotRecorded", "on-call");
        routes.put("severity=warning alertname=CameraOffline agency=METRO", "operations");
        routes.put("severity=warning alertname=ApiLatencyHigh", "operations");
        routes.forEach((labels, receiver) -> {
            List<String> args = new ArrayList<>(List.of("config", "routes", "test", "--config.file=alertmanager.yml",
                    "--verify.receivers=" + receiver));
            args.addAll(List.of(labels.split(" ")));
            succeeds(amtool.run(dir, args.toArray(String[]::new)), labels + " goes to " + receiver);
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void kubectlRendersTheBaseAndEveryOverlay() {
        Tool kubectl = Tool.find("kubectl", "kubernetes-client");
        List<Path> targets = new ArrayList<>(List.of(DEPLOY.resolve("k8s/base")));
        targets.addAll(directories(DEPLOY.resolve("k8s/overlays")));
        assertThat(targets).hasSizeGreaterThan(1);
        for (Path target : targets) {
            Tool.Result result = kubectl.run(DEPLOY, "kustomize", DEPLOY.relativize(target).toString());
            succeeds(result, "kubectl kustomize " + target);
            Map<String, Map<String, Object>> objects = new LinkedHashMap<>();
            for (Object doc : new Yaml().loadAll(result.output())) {
                if (doc instanceof Map<?, ?> map) {
                    Map<String, Object> object = (Map<String, Object>) map;
                    String name = (String) ((Map<String, Object>) object.get("metadata")).get("name");
                    objects.put(object.get("kind") + "/" + name, object);
                }
            }
            String where = target.getFileName().toString();
            // Stateless services: a Deployment each; all but vms (which probes every camera) scale with an autoscaler.
            for (String service : SERVICES) {
                if (service.equals("recording")) {
                    continue;
                }
                assertThat(objects).as(where).containsKey("Deployment/" + service).containsKey("Service/" + service)
                        .containsKey("Service/" + service + "-pods");
                assertThat(objects.containsKey("HorizontalPodAutoscaler/" + service)).as(where + " " + service + " HPA")
                        .isEqualTo(!service.equals("vms"));
            }
            // Recording: a StatefulSet whose pods are named instances with their own spool volumes.
            Map<String, Object> recording = objects.get("StatefulSet/recording");
            assertThat(recording).as(where + " recording StatefulSet").isNotNull();
            String rendered = new Yaml().dump(recording);
            assertThat(rendered).contains("CCTV_RECORDING_INSTANCE").contains("fieldPath: metadata.name")
                    .contains("volumeClaimTemplates").contains("--services=recording");
            // External infrastructure: named in the configuration, secrets referenced and never rendered.
            assertThat(objects.keySet()).as(where).noneMatch(k -> k.startsWith("Secret/"));
            Map<String, Object> config = objects.entrySet().stream().filter(e -> e.getKey().startsWith("ConfigMap/cctv-config"))
                    .map(Map.Entry::getValue).findFirst().orElseThrow(() -> new AssertionError(where + ": no cctv-config"));
            assertThat((Map<String, Object>) config.get("data")).containsKeys("CCTV_DB_URL", "CCTV_S3_ENDPOINT")
                    .containsEntry("CCTV_STORAGE_STORE", "s3").containsEntry("CCTV_DEMO", "false")
                    .doesNotContainKeys("CCTV_DB_PASSWORD", "CCTV_SERVICE_SECRET", "CCTV_S3_SECRET_KEY");
            assertThat(result.output()).contains("name: cctv-secrets");
        }
    }

    @Test
    void everyDashboardParsesAndQueriesOnlyProvisionedDataSources() throws IOException {
        Set<String> provisioned = new HashSet<>();
        for (Object ds : (List<?>) yaml(DEPLOY.resolve("grafana/provisioning/datasources/cctv.yml")).get("datasources")) {
            provisioned.add((String) ((Map<?, ?>) ds).get("uid"));
        }
        List<Path> dashboards = files(DEPLOY.resolve("grafana/dashboards"), ".json");
        assertThat(dashboards.stream().map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("overview.json", "cameras-recording.json", "live-quotas.json",
                        "playback-cache.json", "api.json");
        Set<String> uids = new HashSet<>();
        JsonMapper json = JsonMapper.builder().build();
        for (Path file : dashboards) {
            JsonNode dashboard = json.readTree(Files.readString(file));
            assertThat(uids.add(dashboard.path("uid").asString())).as(file + " uid is unique").isTrue();
            assertThat(dashboard.path("title").asString()).as(file + " title").startsWith("CCTV / ");
            int queries = 0;
            for (JsonNode panel : dashboard.path("panels")) {
                if (panel.path("type").asString().equals("row")) {
                    continue;
                }
                assertThat(provisioned).as(file + " panel " + panel.path("title").asString())
                        .contains(panel.path("datasource").path("uid").asString());
                assertThat(panel.path("targets").isEmpty()).as(file + " panel " + panel.path("title") + " has queries").isFalse();
                for (JsonNode target : panel.path("targets")) {
                    assertThat(target.path("expr").asString()).as(file + " " + panel.path("title")).isNotBlank();
                    queries++;
                }
            }
            assertThat(queries).as(file + " queries").isGreaterThan(5);
        }
        // The provider reads the folder compose and Kubernetes mount them in.
        assertThat(Files.readString(DEPLOY.resolve("grafana/provisioning/dashboards/cctv.yml")))
                .contains("path: /var/lib/grafana/dashboards");
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsEveryServiceFromTheOneImageAndMountsFilesThatExist() {
        Path composeDir = DEPLOY.resolve("compose");
        Map<String, Object> compose = yaml(composeDir.resolve("docker-compose.yml"));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        assertThat(services).containsKeys("postgres", "valkey", "minio", "janus", "prometheus", "alertmanager", "grafana",
                "loki", "promtail");
        Set<String> run = new HashSet<>();
        services.forEach((name, service) -> {
            Object command = service.get("command");
            if (command instanceof List<?> args && !args.isEmpty() && String.valueOf(args.getFirst()).startsWith("--services=")) {
                String which = String.valueOf(args.getFirst()).substring("--services=".length());
                run.add(which);
                assertThat(service.get("image")).as(name).isEqualTo("${CCTV_IMAGE:-rta-cctv:0.1.0}");
                assertThat((Map<String, Object>) service.get("labels")).as(name + " labels (Promtail's service label)")
                        .containsEntry("ae.rta.cctv.service", which);
                assertThat((Map<String, Object>) service.get("environment")).as(name)
                        .containsKeys("CCTV_DB_URL", "CCTV_REDIS_URL", "CCTV_SERVICE_SECRET", "CCTV_S3_ENDPOINT");
            }
            for (Object volume : (List<Object>) service.getOrDefault("volumes", List.of())) {
                String source = String.valueOf(volume).split(":")[0];
                if (source.startsWith(".")) {
                    assertThat(composeDir.resolve(source).normalize()).as(name + " mounts " + source).exists();
                }
            }
            if (service.get("build") instanceof String context) {
                assertThat(composeDir.resolve(context).resolve("Dockerfile")).as(name + " build").exists();
            }
        });
        assertThat(run).containsExactlyInAnyOrderElementsOf(SERVICES);
        // Prometheus scrapes every one of them, by its compose name.
        String prometheus = read(PROMETHEUS.resolve("prometheus.yml"));
        services.forEach((name, service) -> {
            Object command = service.get("command");
            if (command instanceof List<?> args && String.valueOf(args.getFirst()).startsWith("--services=")) {
                assertThat(prometheus).as("prometheus.yml scrapes " + name).containsPattern("\"" + name + ":\\d+\"");
            }
        });
    }

    private static List<Path> ruleFiles() {
        return files(PROMETHEUS.resolve("rules"), ".yml");
    }

    private static List<Path> files(Path dir, String suffix) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError("cannot list " + dir, e);
        }
    }

    private static List<Path> directories(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError("cannot list " + dir, e);
        }
    }

    private static Map<String, Object> yaml(Path file) {
        return new Yaml().load(read(file));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }
}
