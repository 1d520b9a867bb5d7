package org.juryroom.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where a paged list stands, for the previous/next links of {@code tags/pager.html}. The links
 * keep the list's other query parameters (its filters).
 *
 * @param page  zero-based
 * @param pages at least 1
 * @param query the other query parameters, already encoded, ending in {@code &} when not empty
 */
public record Paging(int page, int pages, String query) {

    public static Paging of(int page, long total, int size) {
        return of(page, total, size, Map.of());
    }

    /** {@code keep}: the filters the links must carry on (blank values are left out). */
    public static Paging of(int page, long total, int size, Map<String, String> keep) {
        String query = keep.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8) + "&")
                .collect(Collectors.joining());
        return new Paging(page, (int) Math.max(1, (total + size - 1) / size), query);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages;
    }

    public int pageNumber() {
        return page + 1;
    }

    public String previousHref() {
        return "?" + query + "page=" + (page - 1);
    }

    public String nextHref() {
        return "?" + query + "page=" + (page + 1);
    }
}
