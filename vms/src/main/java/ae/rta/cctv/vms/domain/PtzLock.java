package ae.rta.cctv.vms.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Who is steering a camera: one user at a time, until {@code expiresAt} (30 s after their last command).
 *
 * @param holder the user's stable identity
 * @param holderName what to show other users
 */
public record PtzLock(String holder, String holderName, Instant expiresAt) {

    public PtzLock {
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(holderName, "holderName");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
