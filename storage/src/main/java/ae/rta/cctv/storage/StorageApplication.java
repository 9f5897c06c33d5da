package ae.rta.cctv.storage;

import ae.rta.cctv.common.CctvApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The storage service (port 8082): object store, segment index, signed URLs, retention. */
@SpringBootApplication
public class StorageApplication {

    public static final String NAME = "storage";

    public static void main(String[] args) {
        CctvApplication.run(StorageApplication.class, NAME, args);
    }
}
