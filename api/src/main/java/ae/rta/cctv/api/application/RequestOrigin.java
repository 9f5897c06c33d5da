package ae.rta.cctv.api.application;

/**
 * Where a request came from, for the audit trail.
 *
 * @param sourceIp the client's address (after trusted proxies), or null
 * @param requestId the request's id, or null
 */
public record RequestOrigin(String sourceIp, String requestId) {

    /** The origin of the request this thread is handling (from the logging context), for use cases given none. */
    public static RequestOrigin current() {
        return new RequestOrigin(org.slf4j.MDC.get(ae.rta.cctv.common.security.ClientAddressFilter.MDC_KEY), org.slf4j.MDC.get("requestId"));
    }
}
