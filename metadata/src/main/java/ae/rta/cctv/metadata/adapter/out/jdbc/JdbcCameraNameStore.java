package ae.rta.cctv.metadata.adapter.out.jdbc;

import static ae.rta.cctv.metadata.adapter.out.jdbc.SearchDocuments.timestamp;

import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.metadata.application.port.out.CameraNameStore;
import ae.rta.cctv.metadata.domain.CameraName;
import ae.rta.cctv.metadata.domain.DocumentType;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class JdbcCameraNameStore implements CameraNameStore {

    private final JdbcClient jdbc;
    private final SearchDocuments documents;

    JdbcCameraNameStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.documents = new SearchDocuments(jdbc);
    }

    @Override
    @Transactional
    public Changes replaceAll(List<CameraName> cameras, Instant now) {
        Map<CameraId, CameraName> stored = jdbc.sql("SELECT id, agency, name, name_ar FROM camera FOR UPDATE")
                .query((rs, n) -> new CameraName(new CameraId(rs.getObject(1, UUID.class)), new AgencyCode(rs.getString(2)),
                        rs.getString(3), rs.getString(4)))
                .list().stream().collect(Collectors.toMap(CameraName::id, Function.identity()));
        Map<CameraId, CameraName> wanted = new HashMap<>();
        cameras.forEach(c -> wanted.put(c.id(), c));
        int added = 0;
        int renamed = 0;
        for (CameraName c : wanted.values()) {
            CameraName before = stored.get(c.id());
            if (c.equals(before)) {
                continue;
            }
            jdbc.sql("""
                    INSERT INTO camera (id, agency, name, name_ar, synced_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET agency = EXCLUDED.agency, name = EXCLUDED.name, name_ar = EXCLUDED.name_ar,
                        synced_at = EXCLUDED.synced_at""")
                    .params(c.id().value(), c.agency().value(), c.name(), c.nameAr(), timestamp(now)).update();
            documents.camera(c, now);
            if (before == null) {
                added++;
            } else {
                renamed++;
            }
        }
        Set<CameraId> gone = new HashSet<>(stored.keySet());
        gone.removeAll(wanted.keySet());
        for (CameraId id : gone) {
            jdbc.sql("DELETE FROM camera WHERE id = ?").param(id.value()).update();
            documents.delete(DocumentType.CAMERA, id.value());
        }
        return new Changes(added, renamed, gone.size());
    }
}
