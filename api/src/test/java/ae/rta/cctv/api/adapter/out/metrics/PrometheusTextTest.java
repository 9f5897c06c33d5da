package ae.rta.cctv.api.adapter.out.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class PrometheusTextTest {

    private static final String TEXT = """
            # HELP cctv_storage_bytes Bytes stored
            # TYPE cctv_storage_bytes gauge
            cctv_storage_bytes{service="storage"} 3.58010313E8
            cctv_storage_bytes_stored_total{service="storage"} 2.0E8
            cctv_recording_upload_backlog_segments{instance="a",service="recording"} 2.0
            cctv_recording_upload_backlog_segments{instance="b",service="recording"} 3.0
            cctv_recording_spool_bytes 12 1700000000000
            cctv_recording_upload_backlog_bytes{service="recording"} NaN
            """;

    @Test
    void sumsTheWantedGaugesOverTheirLabelSetsAndSkipsTheRest() {
        Map<String, Double> values = PrometheusSystemFigures.parse(TEXT, Set.of("cctv_storage_bytes",
                "cctv_recording_upload_backlog_segments", "cctv_recording_spool_bytes", "cctv_recording_upload_backlog_bytes",
                "cctv_absent"));
        assertThat(values).containsEntry("cctv_storage_bytes", 3.58010313E8)
                .containsEntry("cctv_recording_upload_backlog_segments", 5.0)
                .containsEntry("cctv_recording_spool_bytes", 12.0)
                .doesNotContainKey("cctv_storage_bytes_stored_total")
                .doesNotContainKey("cctv_absent")
                .doesNotContainKey("cctv_recording_upload_backlog_bytes");
    }
}
