package ae.rta.cctv.api.adapter.in.web;

import ae.rta.cctv.api.domain.Caller;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MeController {

    record Me(String username, List<String> roles, String agency, String subject) {
    }

    @Operation(summary = "Who the bearer token belongs to")
    @GetMapping("/api/v1/me")
    Me me(Caller caller) {
        return new Me(caller.username(), List.of(caller.role().name()), caller.agency().value(), caller.subject());
    }
}
