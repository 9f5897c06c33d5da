package ae.rta.cctv.metadata.adapter.in.web;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.metadata.application.port.out.IncidentStore.IncidentDetail;
import ae.rta.cctv.metadata.application.port.out.IncidentStore.LinkedIncident;
import ae.rta.cctv.metadata.domain.Bookmark;
import ae.rta.cctv.metadata.domain.Comment;
import ae.rta.cctv.metadata.domain.Footage;
import ae.rta.cctv.metadata.domain.HistoryEntry;
import ae.rta.cctv.metadata.domain.Incident;
import ae.rta.cctv.metadata.domain.SearchHit;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the metadata service's answers. */
final class Views {

    private Views() {
    }

    record FootageView(String id, String cameraId, Instant start, Instant end, boolean held, String linkedBy, Instant linkedAt) {
        static FootageView of(Footage f) {
            return new FootageView(f.id().toString(), f.camera().toString(), f.range() == null ? null : f.range().start(),
                    f.range() == null ? null : f.range().end(), f.held(), f.linkedBy(), f.linkedAt());
        }
    }

    record CommentView(String id, String author, String text, Instant time) {
        static CommentView of(Comment c) {
            return new CommentView(c.id().toString(), c.author(), c.text(), c.time());
        }
    }

    record HistoryView(Instant time, String actor, String change, String from, String to) {
        static HistoryView of(HistoryEntry h) {
            return new HistoryView(h.time(), h.actor(), h.change().name(), h.from(), h.to());
        }
    }

    /** An incident; {@code comments} and {@code history} are null in lists. */
    record IncidentView(String id, String agency, String title, String description, String status, String assignee,
            List<String> tags, Instant start, Instant end, List<String> cameraIds, List<FootageView> footage,
            List<CommentView> comments, List<HistoryView> history, String createdBy, Instant createdAt, Instant updatedAt) {

        static IncidentView of(IncidentDetail d) {
            return of(d.incident(), d.footage(), d.comments().stream().map(CommentView::of).toList(),
                    d.history().stream().map(HistoryView::of).toList());
        }

        static IncidentView of(LinkedIncident l) {
            return of(l.incident(), l.footage(), null, null);
        }

        private static IncidentView of(Incident i, List<Footage> footage, List<CommentView> comments, List<HistoryView> history) {
            return new IncidentView(i.id().toString(), i.agency().value(), i.title(), i.description(), i.status().name(),
                    i.assignee(), i.tags(), i.span() == null ? null : i.span().start(), i.span() == null ? null : i.span().end(),
                    footage.stream().map(f -> f.camera().toString()).distinct().toList(),
                    footage.stream().map(FootageView::of).toList(), comments, history, i.createdBy(), i.createdAt(), i.updatedAt());
        }
    }

    record BookmarkView(String id, String agency, String cameraId, Instant time, Instant end, String note, List<String> tags,
            String createdBy, Instant createdAt, Instant updatedAt) {
        static BookmarkView of(Bookmark b) {
            return new BookmarkView(b.id().toString(), b.agency().value(), b.camera().toString(), b.time(), b.end(), b.note(),
                    b.tags(), b.createdBy(), b.createdAt(), b.updatedAt());
        }
    }

    record HitView(String type, String id, String title, String snippet, double score, String incidentId, String agency,
            List<String> cameraIds, String status, List<String> tags, Instant start, Instant end) {
        static HitView of(SearchHit h) {
            return new HitView(h.type().wireName(), h.id().toString(), h.title(), h.snippet(), h.score(),
                    h.incident() == null ? null : h.incident().toString(), h.agency().value(),
                    h.cameras().stream().map(CameraId::toString).toList(), h.status() == null ? null : h.status().name(), h.tags(),
                    h.start(), h.end());
        }
    }

    static Map<String, Object> list(List<?> items, long total, int page, int size) {
        return Map.of("items", items, "total", total, "page", page, "size", size);
    }
}
