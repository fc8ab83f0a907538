package net.voipbin.rpc.rest;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: {@code {"result": [...], "next_page_token": "..."}}; the token is absent on the
 * last page.
 */
public record Page<T>(List<T> result, String nextPageToken) {

    public Page {
        result = List.copyOf(result);
    }

    /**
     * Builds a page from up to {@code pageSize + 1} rows fetched newest first: the extra row only says
     * that there is a next page.
     */
    public static <T> Page<T> of(List<T> rows, int pageSize, Function<T, PageCursor> cursorOf) {
        if (rows.size() <= pageSize) {
            return new Page<>(rows, null);
        }
        List<T> page = rows.subList(0, pageSize);
        return new Page<>(page, cursorOf.apply(page.get(pageSize - 1)).encode());
    }
}
