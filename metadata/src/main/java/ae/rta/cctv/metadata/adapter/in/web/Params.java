package ae.rta.cctv.metadata.adapter.in.web;

import ae.rta.cctv.common.domain.PrintableText;
import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.web.RequestValues;
import ae.rta.cctv.metadata.domain.IncidentStatus;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Request values parsed with messages that say which one is wrong and what it should look like. */
final class Params {

    private Params() {
    }

    /** @return null when absent */
    static Instant instant(String name, String value) {
        return RequestValues.instant(name, value == null ? null : value.strip());
    }

    static UUID id(String name, String value) {
        return RequestValues.uuid(name, value);
    }

    /** @return null when absent */
    static CameraId camera(String value) {
        return value == null || value.isBlank() ? null : CameraId.parse(value);
    }

    static List<CameraId> cameras(List<String> values) {
        if (values == null) {
            return List.of();
        }
        if (values.stream().anyMatch(v -> v == null)) {
            throw new IllegalArgumentException("cameraIds must be UUIDs");
        }
        return values.stream().map(CameraId::parse).toList();
    }

    /** The caller's scope: an agency, or null for every agency. */
    static AgencyCode agency(String value) {
        return value == null || value.isBlank() ? null : new AgencyCode(value);
    }

    /** @return null when absent */
    static IncidentStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return IncidentStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("status must be one of OPEN, INVESTIGATING, CLOSED");
        }
    }

    static void paging(int page, int size, int maxSize) {
        if (page < 0 || page > 100_000) {
            throw new IllegalArgumentException("page must be 0 to 100000");
        }
        if (size < 1 || size > maxSize) {
            throw new IllegalArgumentException("size must be 1 to " + maxSize);
        }
    }

    /** @return null when absent @throws IllegalArgumentException when present and not a printable line */
    static String text(String name, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max || !PrintableText.isLine(value)) {
            throw new IllegalArgumentException(name + " must be at most " + max + " characters on one line");
        }
        return value.strip();
    }
}
