package ae.rta.cctv.common.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Decides which address a request comes from. {@code X-Forwarded-For} is believed only from a proxy that is known:
 * a peer whose address is in {@code cctv.web.trusted-proxies} (a load balancer), or a request that carries a service
 * credential of one of {@code proxyServices} in {@value #PROXY_CREDENTIAL} (the dashboard server, which forwards
 * {@code /api}). A caller on loopback is not a proxy just for being on loopback: anything on the machine could claim
 * any address otherwise. The client is the right-most forwarded address that is not itself a trusted proxy.
 * After this filter, {@link HttpServletRequest#getRemoteAddr()} is that client.
 */
public class ClientAddressFilter extends OncePerRequestFilter {

    /** The header in which a CCTV proxy (the dashboard server) proves itself with its service credential. */
    public static final String PROXY_CREDENTIAL = "X-Cctv-Proxy-Credential";
    /** The logging-context key that holds the client's address while a request is handled. */
    public static final String MDC_KEY = "clientAddress";
    private static final String FORWARDED_FOR = "X-Forwarded-For";

    private final AddressRanges trustedProxies;
    private final ServiceCredentials credentials;
    private final Set<String> proxyServices;

    public ClientAddressFilter(AddressRanges trustedProxies, ServiceCredentials credentials, Set<String> proxyServices) {
        this.trustedProxies = trustedProxies;
        this.credentials = credentials;
        this.proxyServices = Set.copyOf(proxyServices);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String forwarded = request.getHeader(FORWARDED_FOR);
        Optional<String> client = forwarded == null || !fromKnownProxy(request) ? Optional.empty() : client(forwarded);
        MDC.put(MDC_KEY, client.orElse(request.getRemoteAddr()));
        try {
            if (client.isEmpty()) {
                chain.doFilter(request, response);
            } else {
                chain.doFilter(withAddress(request, client.get()), response);
            }
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    private static HttpServletRequest withAddress(HttpServletRequest request, String address) {
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getRemoteAddr() {
                return address;
            }

            @Override
            public String getRemoteHost() {
                return address;
            }
        };
    }

    private boolean fromKnownProxy(HttpServletRequest request) {
        if (trustedProxies.contains(request.getRemoteAddr())) {
            return true;
        }
        String credential = request.getHeader(PROXY_CREDENTIAL);
        return credential != null && credentials.verify(credential.strip()).filter(proxyServices::contains).isPresent();
    }

    /* The right-most entry that is not a trusted proxy, when every entry up to it is a literal address. */
    private Optional<String> client(String forwardedFor) {
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!AddressRanges.isLiteral(hop)) {
                return Optional.empty();
            }
            if (i == 0 || !trustedProxies.contains(hop)) {
                return Optional.of(hop);
            }
        }
        return Optional.empty();
    }
}
