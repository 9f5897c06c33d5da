package ae.rta.cctv.vms.adapter.out.onvif;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

final class WsUsernameTokenTest {

    @Test
    void theDigestMatchesTheDocumentedTestVector() {
        byte[] nonce = Base64.getDecoder().decode("LKqI6G/AikKCQrN0zqZFlg==");
        assertThat(WsUsernameToken.digest(nonce, "2010-09-16T07:50:45Z", "userpassword"))
                .isEqualTo("tuOSpGlFlIXsozq4HFNeeGeFLEI=");
    }
}
