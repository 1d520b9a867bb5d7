package org.juryroom.common;

import java.util.List;

/** One page of a list: lists are always paged, because a national competition has 100,000 entries. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int DEFAULT_SIZE = 50;

    public <R> Page<R> map(java.util.function.Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }

    /** Runs a Panache query as one page of results. */
    public static <E> Page<E> of(io.quarkus.hibernate.orm.panache.PanacheQuery<E> query, Request paging) {
        return new Page<>(query.page(paging.page(), paging.size()).list(), paging.page(), paging.size(), query.count());
    }
    public static final int MAX_SIZE = 500;

    /** Clamps client paging input to something the database can serve quickly. */
    public record Request(int page, int size) {
        public static Request of(Integer page, Integer size) {
            int p = page == null ? 0 : page;
            int s = size == null ? DEFAULT_SIZE : size;
            if (p < 0) {
                throw ProblemException.badRequest("page must be 0 or more");
            }
            if (s < 1 || s > MAX_SIZE) {
                throw ProblemException.badRequest("size must be between 1 and " + MAX_SIZE);
            }
            return new Request(p, s);
        }
    }
}
