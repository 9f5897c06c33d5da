package ae.rta.cctv.live.domain;

import ae.rta.cctv.common.domain.StreamVariant;

import ae.rta.cctv.common.domain.CameraId;

/** What one upstream pull carries: one camera's main or sub stream. */
public record PullKey(CameraId camera, StreamVariant variant) {

    @Override
    public String toString() {
        return camera + "/" + variant.name().toLowerCase(java.util.Locale.ROOT);
    }
}
