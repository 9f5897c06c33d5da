package ae.rta.cctv.vms.adapter.out.jdbc;

import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.vms.application.port.out.CameraGroupRepository;
import ae.rta.cctv.vms.domain.CameraGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class JdbcCameraGroupRepository implements CameraGroupRepository {

    private final JdbcClient jdbc;

    JdbcCameraGroupRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<CameraGroup> findAll() {
        record Row(UUID id, String agency, String name, String nameAr, UUID camera) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT g.id, g.agency, g.name, g.name_ar, m.camera_id FROM camera_group g
                LEFT JOIN camera_group_member m ON m.group_id = g.id ORDER BY g.agency, g.name""")
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, UUID.class)))
                .list();
        Map<UUID, List<Row>> byGroup = new LinkedHashMap<>();
        rows.forEach(r -> byGroup.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r));
        List<CameraGroup> groups = new ArrayList<>();
        byGroup.forEach((id, members) -> {
            Row first = members.getFirst();
            groups.add(new CameraGroup(id, new AgencyCode(first.agency()), first.name(), first.nameAr(),
                    members.stream().filter(r -> r.camera() != null).map(r -> new CameraId(r.camera())).toList()));
        });
        return groups;
    }

    @Override
    public Optional<CameraGroup> findById(UUID id) {
        return findAll().stream().filter(g -> g.id().equals(id)).findFirst();
    }

    @Override
    public boolean insert(CameraGroup group) {
        return jdbc.sql("INSERT INTO camera_group (id, agency, name, name_ar) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(group.id(), group.agency().value(), group.name(), group.nameAr())
                .update() == 1;
    }

    @Override
    @Transactional
    public void setMembers(UUID group, List<CameraId> cameras) {
        jdbc.sql("DELETE FROM camera_group_member WHERE group_id = ?").param(group).update();
        for (CameraId camera : cameras) {
            jdbc.sql("INSERT INTO camera_group_member (group_id, camera_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                    .params(group, camera.value())
                    .update();
        }
    }

    @Override
    public boolean delete(UUID id) {
        return jdbc.sql("DELETE FROM camera_group WHERE id = ?").param(id).update() == 1;
    }
}
