package ae.rta.cctv.live;

import ae.rta.cctv.common.CctvApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The live service (port 8085): on-demand live gateway: one upstream pull per camera, fan-out to viewers. */
@SpringBootApplication
public class LiveApplication {

    public static final String NAME = "live";

    public static void main(String[] args) {
        CctvApplication.run(LiveApplication.class, NAME, args);
    }
}
