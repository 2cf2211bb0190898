package io.jifen.admin;

import io.jifen.admin.member.MemberStatus;
import io.jifen.admin.merchant.ExpiryRule;
import io.jifen.admin.redemption.catalog.CodeSource;
import io.jifen.admin.redemption.catalog.ItemType;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests validate closed sets with a pattern (so a wrong value is 422 naming the field, not 400):
 * an annotation needs a constant, so each enum spells its names once more; here they must agree.
 */
class ClosedSetPatternsTest {

    private static String names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining("|"));
    }

    @Test
    void everyPatternListsExactlyItsEnumsNames() {
        assertThat(ItemType.PATTERN).isEqualTo(names(ItemType.class));
        assertThat(CodeSource.PATTERN).isEqualTo(names(CodeSource.class));
        assertThat(MemberStatus.PATTERN).isEqualTo(names(MemberStatus.class));
        assertThat(ExpiryRule.PATTERN).isEqualTo(names(ExpiryRule.class));
    }
}
