package ae.rta.cctv.playback.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Ed25519 signatures of evidence manifests. Anyone with the public key (PEM, as {@link #publicKeyPem} writes it) can
 * check a manifest offline: {@code openssl pkeyutl -verify -pubin -inkey key.pem -rawin -in manifest.json -sigfile
 * manifest.sig} (the signature file holds the raw 64 bytes, the base64 here decoded).
 */
public final class EvidenceSignature {

    private final KeyPair keys;

    public EvidenceSignature(KeyPair keys) {
        this.keys = keys;
    }

    public static KeyPair newKeyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no Ed25519", e);
        }
    }

    /** @return the base64 signature of {@code manifest}'s UTF-8 bytes */
    public String sign(String manifest) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(keys.getPrivate());
            s.update(manifest.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code signature} (base64) signs {@code manifest} with this key; false for anything malformed. */
    public boolean verify(String manifest, String signature) {
        try {
            byte[] raw = Base64.getDecoder().decode(signature.strip());
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(keys.getPublic());
            s.update(manifest.getBytes(StandardCharsets.UTF_8));
            return s.verify(raw);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    public String publicKeyPem() {
        return pem(keys.getPublic());
    }

    static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    /** An Ed25519 public key from its X.509 encoding. */
    public static PublicKey publicKey(byte[] x509) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }
}
