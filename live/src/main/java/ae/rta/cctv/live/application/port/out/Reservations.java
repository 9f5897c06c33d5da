package ae.rta.cctv.live.application.port.out;

import java.util.Collection;
import java.util.Set;

/** The stream-counter's reservations: a viewer may watch only while its reservation lives. */
public interface Reservations {

    /**
     * @return which of {@code ids} are live (neither released nor lapsed)
     * @throws UnavailableException when the counter cannot answer
     */
    Set<String> live(Collection<String> ids);

    final class UnavailableException extends RuntimeException {
        public UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
