package ae.rta.cctv.vms.adapter.out.jdbc;

import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.vms.application.port.out.CameraRepository;
import ae.rta.cctv.vms.domain.Camera;
import ae.rta.cctv.vms.domain.CameraStatus;
import ae.rta.cctv.vms.domain.SourceType;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcCameraRepository implements CameraRepository {

    private final JdbcClient jdbc;

    JdbcCameraRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void addAgencyIfAbsent(AgencyCode code, String name, String nameAr) {
        jdbc.sql("INSERT INTO agency (code, name, name_ar) VALUES (?, ?, ?) ON CONFLICT (code) DO NOTHING")
                .params(code.value(), name, nameAr)
                .update();
    }

    @Override
    public void addIfAbsent(Camera camera) {
        jdbc.sql("""
                INSERT INTO camera (id, name, name_ar, agency, source_type, ptz, status)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
                .params(camera.id().value(), camera.name(), camera.nameAr(), camera.agency().value(),
                        camera.source().name(), camera.ptz(), camera.status().name())
                .update();
    }

    @Override
    public List<AgencyCode> findAgencyCodes() {
        return jdbc.sql("SELECT code FROM agency ORDER BY code").query((rs, n) -> new AgencyCode(rs.getString(1))).list();
    }

    @Override
    public List<Camera> findAll() {
        return jdbc.sql("SELECT id, name, name_ar, agency, source_type, ptz, status FROM camera ORDER BY agency, name")
                .query((rs, n) -> new Camera(new CameraId(rs.getObject("id", UUID.class)), rs.getString("name"),
                        rs.getString("name_ar"), new AgencyCode(rs.getString("agency")),
                        SourceType.valueOf(rs.getString("source_type")), rs.getBoolean("ptz"),
                        CameraStatus.valueOf(rs.getString("status"))))
                .list();
    }
}
