package io.jifen.engine;

import io.jifen.engine.compile.RuleFile;
import io.jifen.engine.compile.RuleSet;
import io.jifen.engine.evaluation.EvaluationContext;
import io.jifen.engine.evaluation.ProgramPolicy;
import io.jifen.engine.facts.LineItem;
import io.jifen.engine.facts.Member;
import io.jifen.engine.facts.MemberActivity;
import io.jifen.engine.facts.Purchase;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Domain-named builders for engine tests. */
public final class Fixtures {
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    public static final String HEADER = """
            package jifen.test;
            import io.jifen.engine.facts.*;
            global RuleActions actions;
            """;

    private Fixtures() {
    }

    public static RuleSet drl(String name, String body) {
        return RuleSet.of(RuleFile.text(name, HEADER + body));
    }

    public static Member member(String tier) {
        return new Member("m-1", tier, Member.ACTIVE, LocalDate.of(2025, 1, 1), null, Map.of());
    }

    public static EvaluationContext context(String tier) {
        return new EvaluationContext(SHANGHAI, ProgramPolicy.DEFAULT, member(tier), MemberActivity.none());
    }

    /** A purchase at a merchant-local date and time in Shanghai. */
    public static Purchase purchaseAt(String localDateTime, LineItem... lines) {
        return new Purchase("p-1", LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant(), SHANGHAI,
                "POS", "store-1", null, "CNY", List.of(lines));
    }

    public static LineItem line(String sku, String category, String amount) {
        return new LineItem(sku, category, 1, new BigDecimal(amount), new BigDecimal(amount));
    }
}
