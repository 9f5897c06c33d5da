package ae.rta.cctv.common.security;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts small secrets for storage (camera passwords, signing keys): AES-256-GCM in a compact JWE
 * ({@code dir}/{@code A256GCM}), so each value carries its own random IV and authentication tag. The key is either
 * given (32 bytes, base64) or derived from the deployment's service secret and a purpose, so two purposes never
 * share a key.
 */
public final class SecretBox {

    private final SecretKeySpec key;

    private SecretBox(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /**
     * @param configuredKey a base64 32-byte key, or null/blank to derive one from {@code serviceSecret}
     * @throws IllegalArgumentException when the configured key is not 32 bytes of base64
     */
    public static SecretBox create(String configuredKey, String serviceSecret, String purpose) {
        if (configuredKey != null && !configuredKey.isBlank()) {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(configuredKey.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the configured data key is not base64");
            }
            if (key.length != 32) {
                throw new IllegalArgumentException("the configured data key must be 32 bytes (base64 of 32 random bytes)");
            }
            return new SecretBox(key);
        }
        try {
            return new SecretBox(MessageDigest.getInstance("SHA-256")
                    .digest((purpose + ":" + serviceSecret).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String seal(String plaintext) {
        try {
            JWEObject jwe = new JWEObject(new JWEHeader(JWEAlgorithm.DIR, EncryptionMethod.A256GCM), new Payload(plaintext));
            jwe.encrypt(new DirectEncrypter(key));
            return jwe.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot encrypt", e);
        }
    }

    /** @throws IllegalStateException when the value was sealed with another key or was altered */
    public String open(String sealed) {
        try {
            JWEObject jwe = JWEObject.parse(sealed);
            jwe.decrypt(new DirectDecrypter(key));
            return jwe.getPayload().toString();
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("a stored secret cannot be decrypted: was the key changed?", e);
        }
    }
}
