package io.jifen.admin.redemption.catalog;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The points mall's settings (docs/operations.md, docs/mall.md). */
@ConfigMapping(prefix = "jifen.mall")
public interface MallConfig {
    /** Characters of a generated code (booking codes, GENERATED items, {@code {"generate": n}}), from a 32-letter alphabet. */
    @WithName("code-length")
    @WithDefault("12")
    int codeLength();

    /** Most items a member's redeemable list quotes in one page. */
    @WithName("max-page")
    @WithDefault("200")
    int maxPage();
}
