package ae.rta.cctv.vms;

import ae.rta.cctv.common.CctvApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The vms service (port 8081): agencies, cameras, groups, upstream connectors, PTZ, camera health. */
@SpringBootApplication
public class VmsApplication {

    public static final String NAME = "vms";

    public static void main(String[] args) {
        CctvApplication.run(VmsApplication.class, NAME, args);
    }
}
