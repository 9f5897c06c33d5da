package ae.rta.cctv.vms.adapter.out.onvif;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** The WS-Security UsernameToken password digest ONVIF devices check: {@code B64(SHA1(nonce + created + password))}. */
public final class WsUsernameToken {

    private WsUsernameToken() {
    }

    /** @param created the token's creation time as written in the header, e.g. {@code 2010-09-16T07:50:45Z} */
    public static String digest(byte[] nonce, String created, String password) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(nonce);
            sha1.update(created.getBytes(StandardCharsets.UTF_8));
            sha1.update(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sha1.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}
