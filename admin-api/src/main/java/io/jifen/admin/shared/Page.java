package io.jifen.admin.shared;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: every list of the API pages this way (docs/api.md, "Paging"). Ask with
 * {@code ?limit=} (1 to 500, 50 by default) and pass {@code nextCursor} back as {@code ?cursor=} for
 * the next page; {@code nextCursor} is null on the last page. A cursor is opaque: it names where the
 * page ended, so pages neither skip nor repeat items when items are added meanwhile.
 */
public record Page<T>(List<T> items,
                      @Schema(description = "Pass as `cursor` for the next page; null on the last page") String nextCursor) {
    public static final String LIMIT_DEFAULT = "50";
    public static final int LIMIT_MAX = 500;

    /** The same page with each item mapped. */
    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), nextCursor);
    }

    /**
     * The page of {@code fetched}, read with one row more than {@code limit}: that row's presence says
     * there is a next page, which begins after the last item kept, whose key {@code key} gives.
     */
    public static <T> Page<T> of(List<T> fetched, int limit, Function<T, String> key) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, limit);
        return new Page<>(List.copyOf(items), Cursor.encode(key.apply(items.get(limit - 1))));
    }
}
