package io.jifen.admin.redemption.catalog;

/** Where a VIRTUAL or COUPON item's codes come from: the uploaded POOL, or GENERATED at issue. Stored in {@code mall_item.code_source}. */
public enum CodeSource {
    POOL, GENERATED;

    public static final String PATTERN = "POOL|GENERATED";
}
