package org.juryroom.web;

import jakarta.ws.rs.QueryParam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A list page's search, filter and sort as the query string carries them ({@code ?q=&filter=&sort=&dir=}),
 * for the organiser's lists of entries, schools and jurors. The server does the work (search, filter,
 * sort, then page); this only reads the request and writes the links (the pager and the sortable
 * column headers keep each other's values).
 */
public class ListQuery {

    @QueryParam("q")
    public String q;
    @QueryParam("filter")
    public String filter;
    @QueryParam("sort")
    public String sort;
    @QueryParam("dir")
    public String dir;

    /** The search text, trimmed and in NFC (as names are stored); "" for none. */
    public String text() {
        return q == null ? "" : org.juryroom.common.NfcText.nfc(q.strip());
    }

    /** The filter value if it is one of {@code allowed}, else "" (an unknown value filters nothing). */
    public String filterOf(List<String> allowed) {
        return filter != null && allowed.contains(filter) ? filter : "";
    }

    /** The sort key if it is one of {@code allowed}, else {@code byDefault}. */
    public String sortOf(List<String> allowed, String byDefault) {
        return sort != null && allowed.contains(sort) ? sort : byDefault;
    }

    public boolean descending() {
        return "desc".equals(dir);
    }

    /** What the pager's links carry on. */
    public Map<String, String> keep() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("q", text());
        m.put("filter", filter);
        m.put("sort", sort);
        m.put("dir", dir);
        return m;
    }

    public boolean any() {
        return !text().isBlank() || (filter != null && !filter.isBlank());
    }

    /** The link of a column header: sorted by it, the other way round if it is already the sort. */
    public String sortHref(String key) {
        boolean flip = key.equals(sort) && !descending();
        Map<String, String> m = keep();
        m.put("sort", key);
        m.put("dir", flip ? "desc" : "asc");
        StringBuilder sb = new StringBuilder("?");
        m.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                sb.append(k).append('=').append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8))
                        .append('&');
            }
        });
        return sb.substring(0, sb.length() - 1);
    }

    /** The aria-sort of a column header: "ascending", "descending" or "none". */
    public String ariaSort(String key) {
        if (!key.equals(sort)) {
            return "none";
        }
        return descending() ? "descending" : "ascending";
    }
}
