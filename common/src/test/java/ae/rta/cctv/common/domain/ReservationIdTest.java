package ae.rta.cctv.common.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The one reader of stream reservation ids (stream-counter makes them; the api and the live service read them). */
final class ReservationIdTest {

    private static final String CAMERA = "2f1c5e8a-6b1d-4c3e-9a7f-0d2b4c6e8f10";
    private static final String NONCE = "9b8c7d6e-5f4a-4b3c-8d2e-1f0a9b8c7d6e";

    @Test
    void theCanonicalSpellingIsRead() {
        ReservationId id = ReservationId.parse("METRO." + CAMERA + "." + NONCE);
        assertThat(id.agency()).isEqualTo(new AgencyCode("METRO"));
        assertThat(id.camera()).isEqualTo(CameraId.parse(CAMERA));
        assertThat(id.nonce()).isEqualTo(UUID.fromString(NONCE));
        assertThat(ReservationId.newFor(new AgencyCode("TAXI"), CameraId.parse(CAMERA)).toString())
                .matches("TAXI\\." + CAMERA + "\\.[0-9a-f-]{36}");
    }

    @Test
    void anyOtherSpellingIsNotAnId() {
        for (String odd : new String[] {null, "", "METRO", "METRO." + CAMERA, "metro." + CAMERA + "." + NONCE,
                "METRO." + CAMERA.toUpperCase() + "." + NONCE, "METRO." + CAMERA + "." + NONCE.toUpperCase(),
                "METRO." + CAMERA + "." + NONCE + ".x", "METRO.." + CAMERA + "." + NONCE, "METRO.1-1-1-1-1." + NONCE,
                "METRO%2E" + CAMERA + "." + NONCE, "METRO." + CAMERA + "." + NONCE + "\n"}) {
            assertThat(ReservationId.tryParse(odd)).as(String.valueOf(odd)).isEmpty();
        }
        assertThatThrownBy(() -> ReservationId.parse("METRO")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a stream reservation id");
    }
}
