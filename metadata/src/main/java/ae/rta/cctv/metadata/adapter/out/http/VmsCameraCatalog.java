package ae.rta.cctv.metadata.adapter.out.http;

import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.metadata.application.port.out.CameraCatalog;
import ae.rta.cctv.metadata.domain.CameraName;
import java.util.List;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/** The camera catalog as the vms service's {@code GET /internal/cameras} gives it. */
public final class VmsCameraCatalog implements CameraCatalog {

    private final RestClient vms;

    public VmsCameraCatalog(RestClient vms) {
        this.vms = vms;
    }

    record CameraJson(String id, String name, String nameAr, String agency) {
    }

    record CameraListJson(List<CameraJson> items) {
    }

    @Override
    public List<CameraName> all() {
        CameraListJson list;
        try {
            list = vms.get().uri("/internal/cameras").retrieve().body(CameraListJson.class);
        } catch (RestClientException e) {
            throw new CatalogUnavailableException(e);
        }
        if (list == null || list.items() == null) {
            throw new CatalogUnavailableException(new IllegalStateException("the vms service answered without cameras"));
        }
        return list.items().stream().map(c -> new CameraName(CameraId.parse(c.id()), new AgencyCode(c.agency()), c.name(),
                c.nameAr())).toList();
    }
}
