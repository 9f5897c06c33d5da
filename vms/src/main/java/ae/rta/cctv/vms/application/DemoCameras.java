package ae.rta.cctv.vms.application;

import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.vms.application.port.out.CameraRepository;
import ae.rta.cctv.vms.domain.Camera;
import ae.rta.cctv.vms.domain.CameraHealth;
import ae.rta.cctv.vms.domain.CameraSource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The demo agencies and simulated cameras of API.md, seeded in demo mode only. Ids are derived from the camera
 * names, so seeding again after a restart adds nothing twice.
 */
public final class DemoCameras {

    record Site(String agency, String name, String nameAr, boolean ptz) {
    }

    private static final List<Site> SITES = List.of(
            new Site("DUBAI_POLICE", "Sheikh Zayed Road - Interchange 1", "شارع الشيخ زايد - التقاطع الأول", true),
            new Site("DUBAI_POLICE", "Al Khail Road - Business Bay", "شارع الخيل - الخليج التجاري", false),
            new Site("DUBAI_POLICE", "Deira - Baniyas Square", "ديرة - ميدان بني ياس", true),
            new Site("DUBAI_POLICE", "Jumeirah Beach Road", "شارع جميرا", false),
            new Site("METRO", "Union Station - Platform 1", "محطة الاتحاد - الرصيف 1", false),
            new Site("METRO", "BurJuman Station - Concourse", "محطة برجمان - الردهة", true),
            new Site("METRO", "Mall of the Emirates Station", "محطة مول الإمارات", false),
            new Site("METRO", "Expo 2020 Station - Entrance", "محطة إكسبو 2020 - المدخل", false),
            new Site("TAXI", "Dubai Mall Taxi Rank", "موقف سيارات الأجرة - دبي مول", true),
            new Site("TAXI", "Airport Terminal 3 Taxi Rank", "موقف سيارات الأجرة - المبنى 3", false),
            new Site("TAXI", "Al Ghubaiba Bus and Taxi Station", "محطة الغبيبة", false),
            new Site("TAXI", "Marina Walk Taxi Rank", "موقف سيارات الأجرة - ممشى المارينا", false));

    private final CameraRepository cameras;

    public DemoCameras(CameraRepository cameras) {
        this.cameras = cameras;
    }

    public void seed() {
        cameras.addAgencyIfAbsent(new AgencyCode("DUBAI_POLICE"), "Dubai Police", "شرطة دبي");
        cameras.addAgencyIfAbsent(new AgencyCode("METRO"), "Dubai Metro", "مترو دبي");
        cameras.addAgencyIfAbsent(new AgencyCode("TAXI"), "Dubai Taxi", "تاكسي دبي");
        for (Site site : SITES) {
            CameraId id = new CameraId(UUID.nameUUIDFromBytes(("demo-camera:" + site.name()).getBytes(StandardCharsets.UTF_8)));
            cameras.addIfAbsent(new Camera(id, site.name(), site.nameAr(), new AgencyCode(site.agency()),
                    new CameraSource.Simulator(), site.ptz(), CameraHealth.UNKNOWN));
        }
    }

    public static int count() {
        return SITES.size();
    }
}
