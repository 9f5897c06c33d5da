package ae.rta.cctv.metadata.bench;

import ae.rta.cctv.common.security.ServiceCredentials;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Full-text search over a large metadata store. Seeds {@code incidents} incidents and {@code bookmarks} bookmarks
 * through the metadata service's own write routes (so every search document is made the way the service makes it):
 * English and Arabic text drawn from a vocabulary with word frequencies following Zipf's law (a few words very
 * common, most rare), spread over the demo agencies and cameras and over a year. Then runs a fixed mix of searches
 * one after another, as an operator of one agency and as an administrator, through the api service
 * ({@code GET /api/v1/search}, with sign-in, rate limits and agency scope) and straight to the metadata service,
 * and prints p50/p95/p99/max per kind of query and overall.
 *
 * <p>Usage: {@code SearchBenchmark <api-url> <metadata-url> <service-secret> <demo-password> [incidents=100000]
 * [bookmarks=100000] [searches=2000]}. Seeding is skipped when the store already holds that many incidents.
 */
public final class SearchBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int WARM_UP = 2_000;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Words of incident reports at a transport authority, roughly from common to rare. */
    private static final String[] ENGLISH = ("""
            camera vehicle passenger station platform car driver person man woman bag door train bus taxi road lane gate
            entrance exit crowd police officer security staff ticket barrier escalator lift stairs parking traffic signal
            accident collision fight theft stolen suspicious unattended package smoke fire alarm injury medical ambulance
            reported observed seen recorded footage shows near north south east west left right front rear side left
            minutes hour morning evening night afternoon queue concourse metro tram bicycle motorcycle truck van lorry
            pedestrian crossing junction interchange roundabout bridge tunnel shoulder speeding reversing parked blocked
            stopped broken damaged vandalism graffiti window glass seat wallet phone laptop luggage suitcase backpack
            child children family group youths teenager elderly wheelchair pram dog animal cat stray loitering begging
            harassment assault robbery pickpocket shoplifting trespass intrusion fence perimeter restricted area zone
            control room operator supervisor patrol response unit dispatched arrived attended resolved escalated closed
            review evidence export witness statement complaint customer lost found property returned owner identified
            description clothing jacket shirt cap hat helmet mask glasses beard tall short white black red blue green
            yellow grey silver plate registration number sedan suv pickup hatchback coupe minibus coach delivery courier
            spill water leak flood slippery floor cleaning maintenance engineer fault outage power lighting dark camera
            offline signal lost picture frozen blurry obstructed angle moved adjusted zoom pan tilt preset tour schedule
            collision rear-end sideswipe hit-and-run fled scene direction heading towards away inside outside between
            opposite across along behind under over beside upper lower level floor basement rooftop mezzanine walkway
            kiosk vending machine turnstile gateline validator card payment fare evasion jumping tailgating overcrowding
            delay disruption evacuation drill emergency hazard obstruction debris cone barrier closed diverted detour
            protest gathering event concert match stadium festival celebration fireworks holiday weekend rush peak
            """).trim().split("\\s+");
    private static final String[] ARABIC = ("""
            كاميرا الكاميرات سيارة السيارات حادث الحوادث محطة المحطات راكب الركاب سائق مركبة المركبات باب بوابة مدخل
            مخرج شرطة أمن حارس تذكرة رصيف سلم مصعد موقف مواقف إشارة مرور تصادم شجار سرقة السرقات مسروق مشبوه حقيبة
            حقائب دخان حريق إنذار إصابة إسعاف شوهد سجل تسجيل شمال جنوب شرق غرب مساء صباح ليل طابور حافلة قطار مترو
            دراجة شاحنة مشاة عبور تقاطع جسر نفق سرعة متوقف مكسور تخريب نافذة هاتف محفظة طفل أطفال عائلة مفقود
            """).trim().split("\\s+");
    private static final String[] TAGS = {"theft", "collision", "fire", "medical", "vandalism", "lost-property", "crowd",
            "suspicious", "traffic", "fight", "fare-evasion", "maintenance", "evacuation", "harassment", "parking",
            "سرقة", "حادث", "حريق"};

    private final String api;
    private final String metadata;
    private final ServiceCredentials credentials;
    private final String password;
    private final Random random = new Random(20261124);
    private final Zipf englishWords = new Zipf(ENGLISH.length, 1.0);
    private final Zipf arabicWords = new Zipf(ARABIC.length, 1.0);

    private SearchBenchmark(String api, String metadata, String secret, String password) {
        this.api = api;
        this.metadata = metadata;
        this.credentials = new ServiceCredentials("bench", secret, Clock.systemUTC());
        this.password = password;
    }

    public static void main(String[] args) throws Exception {
        SearchBenchmark bench = new SearchBenchmark(args[0], args[1], args[2], args[3]);
        int incidents = args.length > 4 ? Integer.parseInt(args[4]) : 100_000;
        int bookmarks = args.length > 5 ? Integer.parseInt(args[5]) : 100_000;
        int searches = args.length > 6 ? Integer.parseInt(args[6]) : 2_000;
        bench.seed(incidents, bookmarks);
        bench.measure(searches);
    }

    // ---- seeding

    private record Camera(String id, String agency) {
    }

    private void seed(int incidents, int bookmarks) throws Exception {
        long have = JSON.readTree(internal("GET", "/internal/incidents?size=1", null).body()).get("total").asLong();
        if (have >= incidents) {
            System.out.printf(Locale.ROOT, "store holds %d incidents already: not seeding%n", have);
            return;
        }
        String admin = login("admin");
        List<Camera> cameras = new ArrayList<>();
        JSON.readTree(send(api, "GET", "/api/v1/cameras", admin, null).body()).get("items")
                .forEach(c -> cameras.add(new Camera(c.get("id").asString(), c.get("agency").asString())));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long started = System.nanoTime();
        AtomicInteger failures = new AtomicInteger();
        Semaphore inFlight = new Semaphore(8);
        int incidentsMade = 0;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < incidents + bookmarks; i++) {
                boolean incident = incidentsMade < incidents && (i % 2 == 0 || i - incidentsMade >= bookmarks);
                incidentsMade += incident ? 1 : 0;
                Camera camera = cameras.get(random.nextInt(cameras.size()));
                Instant at = now.minusSeconds(random.nextInt(365 * 24 * 3600));
                String path;
                Map<String, Object> body = new LinkedHashMap<>();
                if (incident) {
                    path = "/internal/incidents";
                    body.put("agency", camera.agency());
                    body.put("title", text(4 + random.nextInt(5)));
                    body.put("description", text(15 + random.nextInt(45)));
                    body.put("tags", tags());
                    body.put("start", at.toString());
                    body.put("end", at.plusSeconds(60 + random.nextInt(3600)).toString());
                } else {
                    path = "/internal/bookmarks";
                    body.put("agency", camera.agency());
                    body.put("cameraId", camera.id());
                    body.put("time", at.toString());
                    body.put("note", text(5 + random.nextInt(20)));
                    body.put("tags", tags());
                }
                String json = JSON.writeValueAsString(body);
                inFlight.acquire();
                threads.execute(() -> {
                    try {
                        if (internal("POST", path, json).statusCode() != 201) {
                            failures.incrementAndGet();
                        }
                    } finally {
                        inFlight.release();
                    }
                });
                if ((i + 1) % 20_000 == 0) {
                    System.out.printf(Locale.ROOT, "seeded %d of %d (%.0f/s)%n", i + 1, incidents + bookmarks,
                            (i + 1) / ((System.nanoTime() - started) / 1e9));
                }
            }
        }
        System.out.printf(Locale.ROOT, "seeded %d incidents and %d bookmarks in %.0f s, %d failed%n", incidents, bookmarks,
                (System.nanoTime() - started) / 1e9, failures.get());
    }

    /** A text of {@code words} words: mostly English, one in eight Arabic, by Zipf frequency. */
    private String text(int words) {
        StringBuilder s = new StringBuilder();
        boolean arabic = random.nextInt(8) == 0;
        for (int w = 0; w < words; w++) {
            s.append(w == 0 ? "" : " ").append(arabic ? ARABIC[arabicWords.sample(random)] : ENGLISH[englishWords.sample(random)]);
        }
        return s.toString();
    }

    private List<String> tags() {
        List<String> tags = new ArrayList<>();
        for (int t = random.nextInt(3); t > 0; t--) {
            tags.add(TAGS[random.nextInt(TAGS.length)]);
        }
        return tags;
    }

    // ---- measuring

    private record Search(String kind, String query) {
    }

    private List<Search> mix(int count) {
        List<Search> mix = new ArrayList<>();
        Random r = new Random(42);
        for (int i = 0; i < count; i++) {
            int kind = r.nextInt(20);
            String english = ENGLISH[r.nextInt(ENGLISH.length)];
            String common = ENGLISH[englishWords.sample(r)];
            String arabic = ARABIC[r.nextInt(ARABIC.length)];
            mix.add(switch (kind) {
                case 0, 1, 2, 3, 4, 5, 6 -> new Search("one word (any)", "q=" + enc(english));
                case 7, 8, 9 -> new Search("one word (by frequency)", "q=" + enc(common));
                case 10, 11, 12 -> new Search("two words", "q=" + enc(english + " " + ENGLISH[englishWords.sample(r)]));
                case 13, 14 -> new Search("arabic", "q=" + enc(arabic));
                case 15 -> new Search("phrase", "q=" + enc("\"" + common + " " + ENGLISH[englishWords.sample(r)] + "\""));
                case 16 -> new Search("filtered", "q=" + enc(common) + "&types=incident&status=OPEN");
                case 17 -> new Search("filtered", "q=" + enc(english) + "&tag=" + enc(TAGS[r.nextInt(TAGS.length)]));
                case 18 -> new Search("filtered", "q=" + enc(common) + "&from=" + Instant.now().minus(Duration.ofDays(30))
                        .truncatedTo(ChronoUnit.SECONDS) + "&to=" + Instant.now().truncatedTo(ChronoUnit.SECONDS));
                default -> new Search("page 3", "q=" + enc(common) + "&page=2");
            });
        }
        return mix;
    }

    private void measure(int count) {
        List<Search> mix = mix(count);
        List<Search> warmUp = mix(WARM_UP);
        String[] agencies = {"DUBAI_POLICE", "METRO", "TAXI"};
        System.out.printf(Locale.ROOT, "%d searches one after another, after %d to warm up%n", count, WARM_UP);
        AtomicInteger n = new AtomicInteger();
        Call direct = s -> internal("GET", "/internal/search?agency=" + agencies[n.getAndIncrement() % agencies.length] + "&"
                + s.query(), null);
        for (String who : List.of("police.operator", "admin")) {
            String token = login(who);
            Call viaApi = s -> send(api, "GET", "/api/v1/search?" + s.query(), token, null);
            run("warm-up", warmUp, viaApi, false);
            run("api, as " + who + (who.equals("admin") ? " (all agencies)" : " (one agency)"), mix, viaApi, true);
        }
        run("warm-up", warmUp, direct, false);
        run("metadata service direct, one agency", mix, direct, true);
    }

    private interface Call {
        HttpResponse<String> send(Search search);
    }

    private void run(String label, List<Search> mix, Call call, boolean report) {
        Map<String, List<Long>> byKind = new LinkedHashMap<>();
        List<Long> all = new ArrayList<>();
        int errors = 0;
        long hits = 0;
        int inexact = 0;
        for (Search s : mix) {
            long start = System.nanoTime();
            HttpResponse<String> r = call.send(s);
            long took = System.nanoTime() - start;
            if (r.statusCode() != 200) {
                errors++;
                continue;
            }
            JsonNode body = JSON.readTree(r.body());
            hits += body.get("total").asLong();
            if (!body.get("totalExact").asBoolean()) {
                inexact++;
            }
            all.add(took);
            byKind.computeIfAbsent(s.kind(), k -> new ArrayList<>()).add(took);
        }
        if (!report) {
            return;
        }
        System.out.printf(Locale.ROOT, "%s: searches=%d errors=%d mean matches=%.0f capped=%d %s%n", label, mix.size(), errors,
                (double) hits / Math.max(1, all.size()), inexact, figures(all));
        byKind.forEach((kind, took) -> System.out.printf(Locale.ROOT, "    %-24s n=%-5d %s%n", kind, took.size(), figures(took)));
    }

    private static String figures(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return "";
        }
        return String.format(Locale.ROOT, "p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms", q(sorted, 0.50), q(sorted, 0.95),
                q(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    private static double q(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    // ---- HTTP

    private String login(String user) {
        HttpResponse<String> r = send(api, "POST", "/api/v1/auth/login", Map.<String, String>of(),
                JSON.writeValueAsString(Map.of("username", user, "password", password)));
        if (r.statusCode() != 200) {
            throw new IllegalStateException("sign-in of " + user + " failed: " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).get("accessToken").asString();
    }

    private HttpResponse<String> internal(String method, String path, String json) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Authorization", "Bearer " + credentials.token());
        headers.put("X-Cctv-Actor", "bench");
        return send(metadata, method, path, headers, json);
    }

    private static HttpResponse<String> send(String base, String method, String path, String token, String json) {
        return send(base, method, path, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token), json);
    }

    private static HttpResponse<String> send(String base, String method, String path, Map<String, String> headers, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(b::header);
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Ranks 0..n-1 drawn with probability proportional to 1/(rank+1)^s. */
    private static final class Zipf {
        private final double[] cumulative;

        Zipf(int n, double s) {
            cumulative = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += 1 / Math.pow(i + 1, s);
                cumulative[i] = sum;
            }
            for (int i = 0; i < n; i++) {
                cumulative[i] /= sum;
            }
        }

        int sample(Random random) {
            int i = Arrays.binarySearch(cumulative, random.nextDouble());
            return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
        }
    }
}
