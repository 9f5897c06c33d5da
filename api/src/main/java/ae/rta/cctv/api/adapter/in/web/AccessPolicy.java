package ae.rta.cctv.api.adapter.in.web;

import static ae.rta.cctv.api.domain.Role.ADMIN;
import static ae.rta.cctv.api.domain.Role.AUDITOR;
import static ae.rta.cctv.api.domain.Role.OPERATOR;
import static ae.rta.cctv.api.domain.Role.VIEWER;

import ae.rta.cctv.api.domain.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may call which route: the one table of the public API's permissions (ARCHITECTURE.md, security model).
 * {@link AccessInterceptor} enforces it on the matched route, and refuses any route missing from it, so a new
 * controller method is closed until its line is added here. Agency scope is not decided here but where data is
 * looked up ({@code VisibleCameras}): other agencies' data does not exist for the caller (404).
 */
final class AccessPolicy {

    /** One route's rule. @param roles empty for a public route; ALL roles for any signed-in caller */
    record Rule(HttpMethod method, String pattern, boolean isPublic, Set<Role> roles) {
    }

    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    private static final Set<Role> WATCHERS = EnumSet.of(ADMIN, OPERATOR, VIEWER);
    private static final Set<Role> STEERERS = EnumSet.of(ADMIN, OPERATOR);
    private static final Set<Role> AUDITORS = EnumSet.of(ADMIN, AUDITOR);
    private static final Set<Role> ADMINS = EnumSet.of(ADMIN);

    static final List<Rule> RULES = List.of(
            open(HttpMethod.POST, "/api/v1/auth/login"),
            open(HttpMethod.POST, "/api/v1/auth/refresh"),
            open(HttpMethod.GET, "/api/v1/auth/jwks"),
            open(HttpMethod.GET, "/api/v1/openapi.json"),
            open(HttpMethod.GET, "/api/v1/openapi.json.yaml"),
            allow(HttpMethod.POST, "/api/v1/auth/logout", EVERYONE),
            allow(HttpMethod.GET, "/api/v1/me", EVERYONE),
            allow(HttpMethod.POST, "/api/v1/auth/keys/rotate", ADMINS),
            allow(HttpMethod.GET, "/api/v1/cameras", WATCHERS),
            allow(HttpMethod.GET, "/api/v1/cameras/{id}", WATCHERS),
            allow(HttpMethod.POST, "/api/v1/cameras", ADMINS),
            allow(HttpMethod.POST, "/api/v1/cameras/test-connection", ADMINS),
            allow(HttpMethod.GET, "/api/v1/cameras/{id}/recording", WATCHERS),
            allow(HttpMethod.PUT, "/api/v1/cameras/{id}/recording", ADMINS),
            allow(HttpMethod.PUT, "/api/v1/cameras/{id}/audio", ADMINS),
            allow(HttpMethod.GET, "/api/v1/cameras/{id}/recordings", WATCHERS),
            allow(HttpMethod.GET, "/api/v1/cameras/{id}/events", WATCHERS),
            allow(HttpMethod.POST, "/api/v1/cameras/{id}/recordings/import", ADMINS),
            allow(HttpMethod.GET, "/api/v1/playback", WATCHERS),
            allow(HttpMethod.POST, "/api/v1/playback/{grant}/renewal", WATCHERS),
            allow(HttpMethod.GET, "/api/v1/cameras/{id}/timeline", WATCHERS),
            allow(HttpMethod.POST, "/api/v1/exports", STEERERS),
            allow(HttpMethod.GET, "/api/v1/exports", STEERERS),
            allow(HttpMethod.GET, "/api/v1/exports/{id}", STEERERS),
            allow(HttpMethod.POST, "/api/v1/exports/verify", EVERYONE),
            allow(HttpMethod.POST, "/api/v1/exports/{id}/verify", STEERERS),
            open(HttpMethod.GET, "/api/v1/exports/public-key"),
            allow(HttpMethod.GET, "/api/v1/agencies", WATCHERS),
            allow(HttpMethod.POST, "/api/v1/agencies", ADMINS),
            allow(HttpMethod.GET, "/api/v1/camera-groups", WATCHERS),
            allow(HttpMethod.POST, "/api/v1/camera-groups", ADMINS),
            allow(HttpMethod.PUT, "/api/v1/camera-groups/{id}/cameras", ADMINS),
            allow(HttpMethod.DELETE, "/api/v1/camera-groups/{id}", ADMINS),
            allow(HttpMethod.DELETE, "/api/v1/cameras/{id}", ADMINS),
            allow(HttpMethod.POST, "/api/v1/cameras/{id}/ptz", STEERERS),
            allow(HttpMethod.GET, "/api/v1/cameras/{id}/ptz/presets", STEERERS),
            allow(HttpMethod.POST, "/api/v1/cameras/{id}/ptz/presets", STEERERS),
            allow(HttpMethod.DELETE, "/api/v1/cameras/{id}/ptz/presets/{token}", STEERERS),
            allow(HttpMethod.GET, "/api/v1/cameras/{id}/ptz/lock", WATCHERS),
            allow(HttpMethod.DELETE, "/api/v1/cameras/{id}/ptz/lock", STEERERS),
            allow(HttpMethod.POST, "/api/v1/streams", WATCHERS),
            allow(HttpMethod.POST, "/api/v1/streams/{id}/heartbeat", WATCHERS),
            allow(HttpMethod.DELETE, "/api/v1/streams/{id}", WATCHERS),
            allow(HttpMethod.GET, "/api/v1/quotas", WATCHERS),
            allow(HttpMethod.GET, "/api/v1/quotas/history", WATCHERS),
            allow(HttpMethod.GET, "/api/v1/monitoring", STEERERS),
            allow(HttpMethod.PUT, "/api/v1/quotas/{agency}", ADMINS),
            allow(HttpMethod.PUT, "/api/v1/quota-settings", ADMINS),
            allow(HttpMethod.GET, "/api/v1/users", ADMINS),
            allow(HttpMethod.POST, "/api/v1/users", ADMINS),
            allow(HttpMethod.GET, "/api/v1/users/{id}", ADMINS),
            allow(HttpMethod.PATCH, "/api/v1/users/{id}", ADMINS),
            allow(HttpMethod.POST, "/api/v1/users/{id}/password", ADMINS),
            allow(HttpMethod.POST, "/api/v1/incidents", STEERERS),
            allow(HttpMethod.GET, "/api/v1/incidents", STEERERS),
            allow(HttpMethod.GET, "/api/v1/incidents/{id}", STEERERS),
            allow(HttpMethod.PATCH, "/api/v1/incidents/{id}", STEERERS),
            allow(HttpMethod.POST, "/api/v1/incidents/{id}/comments", STEERERS),
            allow(HttpMethod.POST, "/api/v1/incidents/{id}/footage", STEERERS),
            allow(HttpMethod.DELETE, "/api/v1/incidents/{id}/footage/{footageId}", STEERERS),
            allow(HttpMethod.POST, "/api/v1/bookmarks", STEERERS),
            allow(HttpMethod.GET, "/api/v1/bookmarks", WATCHERS),
            allow(HttpMethod.GET, "/api/v1/bookmarks/{id}", WATCHERS),
            allow(HttpMethod.PATCH, "/api/v1/bookmarks/{id}", STEERERS),
            allow(HttpMethod.DELETE, "/api/v1/bookmarks/{id}", STEERERS),
            allow(HttpMethod.GET, "/api/v1/search", WATCHERS),
            allow(HttpMethod.GET, "/api/v1/audit", AUDITORS),
            allow(HttpMethod.GET, "/api/v1/audit/verify", AUDITORS));

    private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;
    private static final List<PathPattern> PUBLIC = RULES.stream().filter(Rule::isPublic)
            .map(r -> PARSER.parse(r.pattern())).toList();

    private AccessPolicy() {
    }

    /** Whether a request for {@code path} may go through without a token (any method; the handler checks it). */
    static boolean isPublic(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return PUBLIC.stream().anyMatch(p -> p.matches(container));
    }

    /** The rule of the route Spring matched, by its pattern as written on the controller. */
    static Optional<Rule> ruleFor(String method, String pattern) {
        return RULES.stream().filter(r -> r.method().matches(method) && r.pattern().equals(pattern)).findFirst();
    }

    private static Rule open(HttpMethod method, String pattern) {
        return new Rule(method, pattern, true, Set.of());
    }

    private static Rule allow(HttpMethod method, String pattern, Set<Role> roles) {
        return new Rule(method, pattern, false, Set.copyOf(roles));
    }
}
