package org.juryroom.web;

import org.juryroom.common.Page;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Every item of a paged service list, for a page that shows them all (a queue, a picker). */
public final class AllPages {

    private AllPages() {
    }

    public static <T> List<T> of(Function<Page.Request, Page<T>> list) {
        List<T> items = new ArrayList<>();
        for (int page = 0; ; page++) {
            Page<T> p = list.apply(Page.Request.of(page, Page.MAX_SIZE));
            items.addAll(p.items());
            if (items.size() >= p.total() || p.items().isEmpty()) {
                return items;
            }
        }
    }
}
