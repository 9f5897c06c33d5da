package ae.rta.cctv.api.application;

import ae.rta.cctv.api.application.port.out.CameraDirectory;
import ae.rta.cctv.api.application.port.out.SessionStore;
import ae.rta.cctv.api.application.port.out.UserRepository;
import ae.rta.cctv.api.domain.AuditAction;
import ae.rta.cctv.api.domain.AuditOutcome;
import ae.rta.cctv.api.domain.Caller;
import ae.rta.cctv.api.domain.PasswordPolicy;
import ae.rta.cctv.api.domain.Role;
import ae.rta.cctv.api.domain.User;
import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.web.ProblemException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What an administrator does to users: create, change role, agency or name, disable, reset the password. */
public final class UserAdministration {

    private final UserRepository users;
    private final SessionStore sessions;
    private final AccessTokens tokens;
    private final Passwords passwords;
    private final AuditTrail audit;
    private final CameraDirectory directory;
    private final AgencyCode authorityAgency;
    private final Clock clock;

    public UserAdministration(UserRepository users, SessionStore sessions, AccessTokens tokens, Passwords passwords,
            AuditTrail audit, CameraDirectory directory, AgencyCode authorityAgency, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.tokens = tokens;
        this.passwords = passwords;
        this.audit = audit;
        this.directory = directory;
        this.authorityAgency = authorityAgency;
        this.clock = clock;
    }

    /** A new user. @param displayName null to use the username */
    public record NewUser(String username, String displayName, String password, Role role, AgencyCode agency) {
        public NewUser {
            User.requireUsername(username);
            PasswordPolicy.require(password);
            if (role == null || agency == null) {
                throw new IllegalArgumentException("role and agency are required");
            }
        }
    }

    /** What to change; null fields stay as they are. */
    public record UserChange(String displayName, Role role, AgencyCode agency, Boolean enabled) {
    }

    /** @throws ProblemException 400 for an unknown agency, 409 when the username is taken */
    public User create(Caller admin, NewUser request, RequestOrigin origin) {
        requireKnownAgency(request.agency());
        User user = new User(UUID.randomUUID(), request.username(), request.displayName(), request.role(),
                request.agency(), true, 0, clock.instant());
        try {
            users.insert(user, passwords.hash(request.password()));
        } catch (UserRepository.DuplicateUsernameException e) {
            throw ProblemException.conflict("A user called '" + request.username() + "' exists.");
        }
        audit.record(admin, AuditAction.USER_CHANGE, user.username(), AuditOutcome.SUCCESS,
                "created with role " + user.role() + " in " + user.agency(), origin);
        return user;
    }

    /** Creates a user at start-up (demo mode), unless one of that name exists. @return whether it was created */
    public boolean ensure(NewUser request) {
        if (users.findByUsername(request.username()).isPresent()) {
            return false;
        }
        try {
            users.insert(new User(UUID.randomUUID(), request.username(), request.displayName(), request.role(),
                    request.agency(), true, 0, clock.instant()), passwords.hash(request.password()));
            return true;
        } catch (UserRepository.DuplicateUsernameException e) {
            return false;
        }
    }

    /** @throws ProblemException 404 for no such user, 400 for an unknown agency or an admin disabling themself */
    public User change(Caller admin, UUID id, UserChange change, RequestOrigin origin) {
        User before = get(id);
        User after = before;
        List<String> what = new ArrayList<>();
        if (change.displayName() != null && !change.displayName().equals(before.displayName())) {
            after = after.withDisplayName(change.displayName());
            what.add("display name");
        }
        if (change.role() != null && change.role() != before.role()) {
            after = after.withRole(change.role());
            what.add("role " + before.role() + " -> " + change.role());
        }
        if (change.agency() != null && !change.agency().equals(before.agency())) {
            requireKnownAgency(change.agency());
            after = after.withAgency(change.agency());
            what.add("agency " + before.agency() + " -> " + change.agency());
        }
        if (change.enabled() != null && change.enabled() != before.enabled()) {
            if (!change.enabled() && before.id().toString().equals(admin.subject())) {
                throw ProblemException.badRequest("An administrator cannot disable their own account.");
            }
            after = after.withEnabled(change.enabled());
            what.add(change.enabled() ? "enabled" : "disabled");
        }
        if (what.isEmpty()) {
            return before;
        }
        users.update(after);
        if (!after.enabled()) {
            sessions.revokeAllOf(after.id(), "user disabled", clock.instant());
        }
        tokens.forgetAll();
        audit.record(admin, AuditAction.USER_CHANGE, after.username(), AuditOutcome.SUCCESS, String.join(", ", what), origin);
        return after;
    }

    /** Sets a new password and ends every sign-in of the user. @throws ProblemException 404 for no such user */
    public void resetPassword(Caller admin, UUID id, String password, RequestOrigin origin) {
        PasswordPolicy.require(password);
        User user = get(id).withNewPassword();
        users.updatePassword(user, passwords.hash(password));
        sessions.revokeAllOf(user.id(), "password reset", clock.instant());
        tokens.forgetAll();
        audit.record(admin, AuditAction.USER_CHANGE, user.username(), AuditOutcome.SUCCESS, "password reset", origin);
    }

    /** @throws ProblemException 404 for no such user */
    public User get(UUID id) {
        return users.findById(id).orElseThrow(() -> ProblemException.notFound("No user has id " + id + "."));
    }

    public Optional<User> find(UUID id) {
        return users.findById(id);
    }

    public List<User> list(int page, int size) {
        return users.list(page * size, size);
    }

    public long count() {
        return users.count();
    }

    private void requireKnownAgency(AgencyCode agency) {
        if (agency.equals(authorityAgency)) {
            return;
        }
        List<AgencyCode> known;
        try {
            known = directory.agencies();
        } catch (CameraDirectory.DirectoryUnavailableException e) {
            throw ProblemException.unavailable("The camera directory cannot be asked which agencies exist; try again.");
        }
        if (!known.contains(agency)) {
            throw ProblemException.badRequest("agency " + agency + " does not exist; known agencies are "
                    + authorityAgency + " and " + known + ".");
        }
    }
}
