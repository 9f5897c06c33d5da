package ae.rta.cctv.api.adapter.in.web;

import ae.rta.cctv.api.application.RequestOrigin;
import ae.rta.cctv.api.application.UserAdministration;
import ae.rta.cctv.api.application.UserAdministration.NewUser;
import ae.rta.cctv.api.application.UserAdministration.UserChange;
import ae.rta.cctv.api.domain.Caller;
import ae.rta.cctv.api.domain.Role;
import ae.rta.cctv.api.domain.User;
import ae.rta.cctv.common.domain.AgencyCode;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class UserController {

    private final UserAdministration users;

    UserController(UserAdministration users) {
        this.users = users;
    }

    record UserView(String id, String username, String displayName, String role, String agency, boolean enabled,
            Instant createdAt) {
        static UserView of(User u) {
            return new UserView(u.id().toString(), u.username(), u.displayName(), u.role().name(), u.agency().value(),
                    u.enabled(), u.createdAt());
        }
    }

    record CreateUser(String username, String displayName, String password, String role, String agency) {
    }

    record ChangeUser(String displayName, String role, String agency, Boolean enabled) {
    }

    record NewPassword(String password) {
    }

    @Operation(summary = "Every user (ADMIN)")
    @GetMapping("/api/v1/users")
    Map<String, Object> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Paging paging = new Paging(page, size);
        return Paging.list(users.list(page, size).stream().map(UserView::of).toList(), users.count(), paging);
    }

    @Operation(summary = "Create a user (ADMIN); 409 when the username is taken")
    @PostMapping("/api/v1/users")
    ResponseEntity<UserView> create(Caller caller, @RequestBody CreateUser body, RequestOrigin origin) {
        User user = users.create(caller, new NewUser(body.username(), body.displayName(), body.password(),
                Params.oneOf(Role.class, "role", required("role", body.role())), agency(required("agency", body.agency()))),
                origin);
        return ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).body(UserView.of(user));
    }

    @Operation(summary = "One user (ADMIN)")
    @GetMapping("/api/v1/users/{id}")
    UserView get(@PathVariable UUID id) {
        return UserView.of(users.get(id));
    }

    @Operation(summary = "Change a user's display name, role, agency or enabled flag (ADMIN); ends their sessions when needed")
    @PatchMapping("/api/v1/users/{id}")
    UserView change(Caller caller, @PathVariable UUID id, @RequestBody ChangeUser body, RequestOrigin origin) {
        return UserView.of(users.change(caller, id, new UserChange(body.displayName(),
                Params.oneOf(Role.class, "role", body.role()), agency(body.agency()), body.enabled()), origin));
    }

    @Operation(summary = "Set a new password (ADMIN); every session of the user ends")
    @PostMapping("/api/v1/users/{id}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resetPassword(Caller caller, @PathVariable UUID id, @RequestBody NewPassword body, RequestOrigin origin) {
        users.resetPassword(caller, id, body.password(), origin);
    }

    private static AgencyCode agency(String value) {
        return value == null ? null : new AgencyCode(value);
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}
