package ae.rta.cctv.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Regression: /metrics (camera names, agencies, load) was served to anyone who reached a service port. */
final class MetricsAccessFilterTest {

    private final MetricsAccessFilter filter = new MetricsAccessFilter(AddressRanges.parse("10.1.0.0/16, 192.0.2.9"),
            "scrape-token-0123456789");

    private int status(String path, String peer, String authorization) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRemoteAddr(peer);
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        return chain.getRequest() == null ? response.getStatus() : 200;
    }

    @Test
    void scrapersGetMetricsAndNobodyElseDoes() throws Exception {
        assertThat(status("/metrics", "127.0.0.1", null)).isEqualTo(200);
        assertThat(status("/metrics", "::1", null)).isEqualTo(200);
        assertThat(status("/metrics", "10.1.44.3", null)).as("allow-listed range").isEqualTo(200);
        assertThat(status("/metrics", "192.0.2.9", null)).isEqualTo(200);
        assertThat(status("/metrics", "198.51.100.4", "Bearer scrape-token-0123456789")).as("token").isEqualTo(200);
        assertThat(status("/metrics", "198.51.100.4", null)).isEqualTo(403);
        assertThat(status("/metrics", "198.51.100.4", "Bearer wrong")).isEqualTo(403);
        assertThat(status("/%6Detrics", "198.51.100.4", null)).as("spelt another way").isEqualTo(403);
        assertThat(status("/METRICS", "198.51.100.4", null)).isEqualTo(403);
        assertThat(status("/health", "198.51.100.4", null)).as("health stays open").isEqualTo(200);
    }

    @Test
    void addressRangesReadLiteralsOnly() {
        AddressRanges ranges = AddressRanges.parse("10.0.0.0/8 fd00::/8");
        assertThat(ranges.contains("10.200.1.1")).isTrue();
        assertThat(ranges.contains("11.0.0.1")).isFalse();
        assertThat(ranges.contains("fd12::1")).isTrue();
        assertThat(ranges.contains("::ffff:10.0.0.1")).as("IPv4-mapped").isTrue();
        assertThat(ranges.contains("localhost")).isFalse();
        assertThat(AddressRanges.isLiteral("example.org")).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AddressRanges.parse("example.org"))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AddressRanges.parse("10.0.0.0/33"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
