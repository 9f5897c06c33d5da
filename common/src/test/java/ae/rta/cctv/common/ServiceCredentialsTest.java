package ae.rta.cctv.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ae.rta.cctv.common.security.ServiceCredentials;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

final class ServiceCredentialsTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    @Test
    void aTokenNamesItsServiceUntilItExpires() {
        Instant t0 = Instant.parse("2026-11-24T10:00:00Z");
        ServiceCredentials issuer = new ServiceCredentials("playback", SECRET, Clock.fixed(t0, ZoneOffset.UTC));
        String token = issuer.token();
        assertThat(new ServiceCredentials("storage", SECRET, Clock.fixed(t0.plusSeconds(60), ZoneOffset.UTC)).verify(token))
                .hasValue("playback");
        assertThat(new ServiceCredentials("storage", SECRET, Clock.fixed(t0.plus(Duration.ofMinutes(6)), ZoneOffset.UTC))
                .verify(token)).isEmpty();
    }

    @Test
    void aTokenVerifiedOnceIsStillRefusedOnceItHasExpired() {
        Instant t0 = Instant.parse("2026-11-24T10:00:00Z");
        java.util.concurrent.atomic.AtomicReference<Instant> now = new java.util.concurrent.atomic.AtomicReference<>(t0);
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        String token = new ServiceCredentials("playback", SECRET, Clock.fixed(t0, ZoneOffset.UTC)).token();
        ServiceCredentials verifier = new ServiceCredentials("storage", SECRET, clock);
        assertThat(verifier.verify(token)).hasValue("playback");
        assertThat(verifier.verify(token)).as("the remembered answer").hasValue("playback");
        now.set(t0.plus(Duration.ofMinutes(6)));
        assertThat(verifier.verify(token)).isEmpty();
        assertThat(verifier.verify(token.substring(0, token.length() - 2) + "xx")).as("a changed signature").isEmpty();
    }

    @Test
    void aTokenOfAnotherSecretOrGarbageIsRefused() {
        String foreign = new ServiceCredentials("vms", "ffffffffffffffffffffffffffffffff", Clock.systemUTC()).token();
        ServiceCredentials verifier = new ServiceCredentials("api", SECRET, Clock.systemUTC());
        assertThat(verifier.verify(foreign)).isEmpty();
        assertThat(verifier.verify("a.b.c")).isEmpty();
        assertThat(verifier.verify(null)).isEmpty();
    }

    @Test
    void aShortSecretIsRefusedAtStart() {
        assertThatThrownBy(() -> new ServiceCredentials("api", "short", Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
    }
}
