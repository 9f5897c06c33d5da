package ae.rta.cctv.playback.application.port.out;

import java.security.KeyPair;
import java.util.function.Supplier;

/** Where the evidence signing key pair is kept, the same for every instance. */
public interface SigningKeys {

    /** The key pair called {@code name}, made with {@code create} and kept the first time it is asked for. */
    KeyPair getOrCreate(String name, Supplier<KeyPair> create);
}
