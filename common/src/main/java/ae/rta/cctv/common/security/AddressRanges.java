package ae.rta.cctv.common.security;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * A list of IP addresses and CIDR ranges ({@code 10.0.0.0/8, 192.168.4.7, fd00::/8}), read from configuration, that
 * an address is checked against. Only literal addresses are accepted: a host name would make the check depend on DNS.
 */
public final class AddressRanges {

    private record Range(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            BigInteger mask = BigInteger.ONE.shiftLeft(address.length * 8).subtract(BigInteger.ONE)
                    .shiftRight(prefix).not();
            return new BigInteger(1, address).and(mask).equals(new BigInteger(1, network).and(mask));
        }
    }

    private final List<Range> ranges;

    private AddressRanges(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /**
     * @param spec comma- or space-separated addresses and CIDR ranges; null or blank is the empty list
     * @throws IllegalArgumentException naming the entry that is not a literal address or range
     */
    public static AddressRanges parse(String spec) {
        List<Range> ranges = new ArrayList<>();
        if (spec != null) {
            for (String entry : spec.split("[,\\s]+")) {
                if (!entry.isBlank()) {
                    ranges.add(range(entry.strip()));
                }
            }
        }
        return new AddressRanges(ranges);
    }

    /** Whether {@code address} (a literal IP, as the servlet container reports it) lies in one of the ranges. */
    public boolean contains(String address) {
        if (address == null || ranges.isEmpty()) {
            return false;
        }
        byte[] bytes = literal(address);
        if (bytes == null) {
            return false;
        }
        for (Range r : ranges) {
            if (r.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** Whether {@code address} is a loopback address (127.0.0.0/8, ::1, or IPv4-mapped loopback). */
    public static boolean isLoopback(String address) {
        byte[] bytes = address == null ? null : literal(address);
        if (bytes == null) {
            return false;
        }
        try {
            return InetAddress.getByAddress(bytes).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Whether {@code text} is a literal IPv4 or IPv6 address (no host names). */
    public static boolean isLiteral(String text) {
        return text != null && literal(text) != null;
    }

    private static Range range(String entry) {
        int slash = entry.indexOf('/');
        String host = slash < 0 ? entry : entry.substring(0, slash);
        byte[] network = literal(host);
        if (network == null) {
            throw new IllegalArgumentException("'" + entry + "' is not an IP address or CIDR range");
        }
        int prefix = network.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("'" + entry + "' has no valid prefix length");
            }
        }
        return new Range(network, prefix);
    }

    /* The bytes of a literal IPv4 or IPv6 address (IPv4-mapped IPv6 read as IPv4), or null: never a DNS look-up. */
    private static byte[] literal(String text) {
        String s = text.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        boolean v4 = s.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = s.indexOf(':') >= 0 && s.matches("[0-9A-Fa-f:.%a-zA-Z0-9]+");
        if (!v4 && !v6) {
            return null;
        }
        if (v4) {
            for (String part : s.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return null;
                }
            }
        }
        try {
            int zone = s.indexOf('%');
            return InetAddress.getByName(zone >= 0 ? s.substring(0, zone) : s).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
