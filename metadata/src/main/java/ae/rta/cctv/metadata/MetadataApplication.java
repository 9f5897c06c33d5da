package ae.rta.cctv.metadata;

import ae.rta.cctv.common.CctvApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The metadata service (port 8084): incidents, bookmarks, annotations, full-text search. */
@SpringBootApplication
public class MetadataApplication {

    public static final String NAME = "metadata";

    public static void main(String[] args) {
        CctvApplication.run(MetadataApplication.class, NAME, args);
    }
}
