package ae.rta.cctv.vms.application;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which stream URLs a camera may have: {@code rtsp} or {@code rtsps}, a host, no credentials in the URL (they go
 * in their own fields, encrypted), and no address in the deny list (cloud metadata services, link-local,
 * multicast by default). Host names are resolved and every address they resolve to is checked, so a name cannot
 * smuggle a denied address past the check.
 */
public final class StreamAddressPolicy {

    public static final int MAX_URL_LENGTH = 2048;
    public static final List<String> DEFAULT_DENIED = List.of("169.254.0.0/16", "fe80::/10", "0.0.0.0/8",
            "224.0.0.0/4", "255.255.255.255/32", "100.100.100.200/32", "fd00:ec2::254/128", "ff00::/8");
    private static final Set<String> DENIED_HOSTS = Set.of("metadata.google.internal", "metadata", "instance-data");

    private final List<Cidr> denied;

    public StreamAddressPolicy(List<String> deniedCidrs) {
        this.denied = deniedCidrs.stream().map(Cidr::parse).toList();
    }

    /** A stream URL: rtsp or rtsps. @throws IllegalArgumentException naming what is wrong with {@code url} */
    public URI check(String field, String url) {
        return check(field, url, Set.of("rtsp", "rtsps"));
    }

    /** A device's web service URL (ONVIF): http or https. @throws IllegalArgumentException as {@link #check} */
    public URI checkService(String field, String url) {
        return check(field, url, Set.of("http", "https"));
    }

    private URI check(String field, String url, Set<String> schemes) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new IllegalArgumentException(field + " must be at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(field + " is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!schemes.contains(scheme)) {
            throw new IllegalArgumentException(field + " must be a " + String.join(" or ", new java.util.TreeSet<>(schemes))
                    + " URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException(field + " must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(field + " must not carry credentials: give username and password instead");
        }
        if (uri.getFragment() != null) {
            throw new IllegalArgumentException(field + " must not have a fragment");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (DENIED_HOSTS.contains(host)) {
            throw new IllegalArgumentException(field + " points at a denied address");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(field + " names a host that does not resolve: " + host);
        }
        for (InetAddress address : addresses) {
            if (denied.stream().anyMatch(c -> c.contains(address))) {
                throw new IllegalArgumentException(field + " points at a denied address");
            }
        }
        return uri;
    }

    /** An address block, IPv4 or IPv6. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            String[] parts = text.strip().split("/", 2);
            try {
                byte[] network = InetAddress.getByName(parts[0]).getAddress();
                int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException("bad prefix in " + text);
                }
                return new Cidr(network, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("not an address block: " + text, e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (bytes[full] & mask) == (network[full] & mask);
        }
    }
}
