package ae.rta.cctv.api.adapter.in.web;

import java.util.List;
import java.util.Map;

/** The {@code page} and {@code size} query parameters of every list, checked, and the list shape of API.md. */
record Paging(int page, int size) {

    static final int MAX_SIZE = 500;

    Paging {
        if (page < 0 || page > 1_000_000) {
            throw new IllegalArgumentException("page must be 0 to 1000000");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be 1 to " + MAX_SIZE);
        }
    }

    <T> List<T> slice(List<T> all) {
        long from = (long) page * size;
        if (from >= all.size()) {
            return List.of();
        }
        return all.subList((int) from, (int) Math.min(all.size(), from + size));
    }

    static Map<String, Object> list(List<?> items, long total, Paging paging) {
        return Map.of("items", items, "total", total, "page", paging.page(), "size", paging.size());
    }
}
