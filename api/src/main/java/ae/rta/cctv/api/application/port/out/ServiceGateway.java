package ae.rta.cctv.api.application.port.out;

import java.util.Map;

/**
 * JSON calls to one of the system's services. A 4xx answer is passed on to the caller as it is (services write
 * their 4xx details for the end user); no answer, or a 5xx, is {@link UnavailableException}.
 */
public interface ServiceGateway {

    /** @param body a JSON-serialisable body, or null @param actor the acting user's name, or null */
    Map<String, Object> call(String method, String path, Object body, String actor);

    /**
     * As {@link #call(String, String, Object, String)}, with {@code path} a URI template whose {@code {}} variables are
     * filled, encoded, from {@code variables} (query text in any script, UUIDs, numbers).
     */
    Map<String, Object> call(String method, String path, Object body, String actor, Object... variables);

    /** The service did not answer properly. */
    final class UnavailableException extends RuntimeException {
        public UnavailableException(String service, Throwable cause) {
            super("the " + service + " service did not answer", cause);
        }
    }
}
