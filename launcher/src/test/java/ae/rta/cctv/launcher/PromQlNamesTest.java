package ae.rta.cctv.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class PromQlNamesTest {

    @Test
    void findsTheMetricsAndNothingElse() {
        assertThat(PromQlNames.of("""
                histogram_quantile(0.95,
                  sum by (le) (rate(http_server_requests_seconds_bucket{service="api", uri!~".*/import|/health"}[5m]))
                ) > 0.5"""))
                .containsExactly("http_server_requests_seconds_bucket");
        assertThat(PromQlNames.of("max by (camera, agency) (cctv_vms_camera_online) == 0"))
                .containsExactly("cctv_vms_camera_online");
        assertThat(PromQlNames.of("1 - cctv_recording_spool_disk_free_bytes / cctv_recording_spool_disk_size_bytes > 0.85"))
                .containsExactly("cctv_recording_spool_disk_free_bytes", "cctv_recording_spool_disk_size_bytes");
        assertThat(PromQlNames.of("""
                deriv(cctv_recording_upload_backlog_segments[10m]) > 0 and cctv_recording_upload_backlog_oldest_seconds > 300
                or on (instance) group_left (agency) foo_total offset 5m unless bar"""))
                .containsExactly("bar", "cctv_recording_upload_backlog_oldest_seconds",
                        "cctv_recording_upload_backlog_segments", "foo_total");
        assertThat(PromQlNames.of("sum(rate(cctv_live_sent_bytes_total[$__rate_interval])) * 8 + 1e3"))
                .containsExactly("cctv_live_sent_bytes_total");
        assertThat(PromQlNames.of("sum(x) without (job) / ignoring(le) y"))
                .containsExactly("x", "y");
        assertThat(PromQlNames.of("label_values(cctv_vms_cameras, agency)")).containsExactly("cctv_vms_cameras");
    }
}
