package ae.rta.cctv.launcher.dashboard;

import ae.rta.cctv.common.CctvApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Serves the dashboard (port 3000): the built single-page app, {@code /api/**} forwarded to the api service so the
 * browser talks to one origin, and each service's public {@code /health} for the status page.
 */
@SpringBootApplication
public class DashboardApplication {

    public static final String NAME = "dashboard";

    public static void main(String[] args) {
        CctvApplication.run(DashboardApplication.class, NAME, args);
    }
}
