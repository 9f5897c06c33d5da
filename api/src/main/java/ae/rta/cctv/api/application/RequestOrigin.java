package ae.rta.cctv.api.application;

/**
 * Where a request came from, for the audit trail.
 *
 * @param sourceIp the client's address (after trusted proxies), or null
 * @param requestId the request's id, or null
 */
public record RequestOrigin(String sourceIp, String requestId) {
}
