package ae.rta.cctv.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What to run and against which infrastructure, read from the command line and the environment.
 * Without {@code CCTV_DB_URL} or {@code CCTV_REDIS_URL} the launcher starts embedded engines under the data directory.
 *
 * @param dataDir where everything the system keeps lives
 * @param services which services to start, in start order
 * @param demo whether to seed demo users, agencies and cameras
 * @param dbUrl external PostgreSQL JDBC URL, or null for the embedded one
 * @param dbUser user for the external PostgreSQL
 * @param dbPassword password for the external PostgreSQL
 * @param redisUrl external Valkey/Redis URL, or null for the embedded one
 * @param serviceSecret the shared secret for service credentials
 * @param env the process environment, for per-service overrides
 */
record LauncherSettings(Path dataDir, List<ServiceSpec> services, boolean demo, String dbUrl, String dbUser,
        String dbPassword, String redisUrl, String serviceSecret, Map<String, String> env) {

    static LauncherSettings from(String[] args, Map<String, String> env) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'; options are --services=a,b --data-dir=DIR --demo=true|false");
            }
            String[] kv = arg.substring(2).split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        Function<String, String> option = key -> options.getOrDefault(key,
                env.get("CCTV_" + key.toUpperCase(java.util.Locale.ROOT).replace('-', '_')));
        Path dataDir = Path.of(orDefault(option.apply("data-dir"), "data")).toAbsolutePath().normalize();
        String servicesOption = option.apply("services");
        List<ServiceSpec> services = servicesOption == null || servicesOption.isBlank() || servicesOption.equals("all")
                ? ServiceSpec.ALL
                : ServiceSpec.ALL.stream()
                        .filter(s -> Arrays.stream(servicesOption.split(",")).map(String::strip).peek(ServiceSpec::named)
                                .anyMatch(s.name()::equals))
                        .toList();
        boolean demo = Boolean.parseBoolean(orDefault(option.apply("demo"), "true"));
        String secret = env.get("CCTV_SERVICE_SECRET");
        if (secret == null || secret.isBlank()) {
            secret = localSecret(dataDir);
        }
        return new LauncherSettings(dataDir, services, demo, blankToNull(env.get("CCTV_DB_URL")),
                orDefault(env.get("CCTV_DB_USER"), "cctv"), orDefault(env.get("CCTV_DB_PASSWORD"), ""),
                blankToNull(env.get("CCTV_REDIS_URL")), secret, Map.copyOf(env));
    }

    boolean embeddedPostgres() {
        return dbUrl == null;
    }

    boolean embeddedRedis() {
        return redisUrl == null;
    }

    int port(ServiceSpec service) {
        String override = env.get(service.portVariable());
        return override == null ? service.defaultPort() : Integer.parseInt(override.strip());
    }

    /** Where other services reach {@code service}: its URL variable, or this machine on its port. */
    String url(ServiceSpec service) {
        return orDefault(env.get(service.urlVariable()), "http://127.0.0.1:" + port(service));
    }

    /**
     * Where browsers reach {@code service} (live streams, playlists, media): its {@code CCTV_<SERVICE>_PUBLIC_URL},
     * else this machine on its port, so a run on other ports hands out working stream and playlist URLs.
     */
    String publicUrl(ServiceSpec service) {
        String variable = "CCTV_" + service.name().toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_PUBLIC_URL";
        return orDefault(env.get(variable), "http://127.0.0.1:" + port(service));
    }

    /**
     * The origins outside its own that the dashboard's pages may connect to (its {@code connect-src}): the live
     * service (HTTP for LL-HLS, WebSocket for MSE), the playback service (playlists), the storage service (media
     * links) and the S3 endpoint when footage is in S3. {@code CCTV_DASHBOARD_MEDIA_ORIGINS} replaces the list.
     */
    String mediaOrigins() {
        String given = env.get("CCTV_DASHBOARD_MEDIA_ORIGINS");
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        java.util.LinkedHashSet<String> origins = new java.util.LinkedHashSet<>();
        for (String name : List.of("live", "playback", "storage")) {
            String origin = origin(publicUrl(ServiceSpec.named(name)));
            origins.add(origin);
            if (name.equals("live")) {
                origins.add(origin.replaceFirst("^http", "ws"));
            }
        }
        String s3 = env.get("CCTV_S3_ENDPOINT");
        if (s3 != null && !s3.isBlank()) {
            origins.add(origin(s3.strip()));
        }
        return String.join(" ", origins);
    }

    private static String origin(String url) {
        java.net.URI uri = java.net.URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    /*
     * One machine needs no shared secret from outside: the first run makes one and keeps it with the data, readable
     * by the owner only. Several machines must be given the same CCTV_SERVICE_SECRET.
     */
    private static String localSecret(Path dataDir) {
        Path file = dataDir.resolve("secrets").resolve("service-secret");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            Files.createDirectories(file.getParent());
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String secret = HexFormat.of().formatHex(random);
            Files.writeString(file, secret, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the service secret in " + file, e);
        }
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
