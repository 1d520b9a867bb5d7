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
    /** No list is paged deeper than this many rows: beyond it page × size would overflow the database's offset. */
    public static final long MAX_OFFSET = 10_000_000;

    /** Checks client paging input: something the database can serve quickly. */
    public record Request(int page, int size) {
        public static Request of(Integer page, Integer size) {
            return of(page, size, MAX_SIZE);
        }

        /** For a list with its own page-size limit (the ranking). */
        public static Request of(Integer page, Integer size, int maxSize) {
            int p = page == null ? 0 : page;
            int s = size == null ? Math.min(DEFAULT_SIZE, maxSize) : size;
            if (p < 0) {
                throw bad("page", "page must be 0 or more");
            }
            if (s < 1 || s > maxSize) {
                throw bad("size", "size must be between 1 and " + maxSize);
            }
            if ((long) p * s > MAX_OFFSET) {
                throw bad("page", "page is out of range: page × size must not pass " + MAX_OFFSET);
            }
            return new Request(p, s);
        }

        private static ProblemException bad(String field, String message) {
            return new ProblemException(400, "Bad request", message, List.of(new Problem.Violation(field, message)),
                    java.util.Map.of());
        }
    }
}
