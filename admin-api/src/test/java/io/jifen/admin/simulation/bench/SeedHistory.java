package io.jifen.admin.simulation.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.jifen.admin.ledger.EarningPlan;
import io.jifen.admin.merchant.ExpiryRule;
import io.jifen.admin.merchant.LedgerPolicy;
import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.shared.PayloadHash;
import io.jifen.admin.transaction.EvaluationInputs;
import io.jifen.admin.transaction.StoredContext;
import io.jifen.admin.transaction.TransactionModels;
import io.jifen.engine.CompiledProgram;
import io.jifen.engine.EngineOptions;
import io.jifen.engine.LoyaltyEngine;
import io.jifen.engine.compile.RuleFile;
import io.jifen.engine.compile.RuleSet;
import io.jifen.engine.evaluation.EarningOutcome;
import io.jifen.engine.evaluation.Evaluation;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Benchmark seeding (BENCHMARKS.md, "Impact simulation"): writes a long history of stored purchases and
 * member events straight into the database of a merchant that exists already (made through the API),
 * each with everything a posting stores beside it — the canonical request and its hash, the
 * {@code StoredContext} it was evaluated with, and the result the ledger recorded — so that a
 * simulation replays it exactly as it replays real postings. Points are computed by the merchant's
 * active version through the engine, as a posting computes them, with the member's running day and month
 * totals, event counts and spend, and the merchant's daily and account caps (EarningPlan). Transactions
 * are written in time order, members interleaved, so ids follow posting order and the table's layout is
 * that of a live merchant. Ledger entries and lots are NOT written: a simulation never reads them.
 *
 * <pre>
 * java -cp admin-api/target/test-classes:admin-api/target/classes:$(cat /tmp/admin-test.cp) \
 *   io.jifen.admin.simulation.bench.SeedHistory --schema sim_bench --merchant fresh-harbour \
 *   --transactions 1000000 --members 50000 --from 2025-12-01 --days 365
 * </pre>
 */
public final class SeedHistory {
    private static final String[] CATEGORIES = {"grocery", "grocery", "grocery", "fresh", "dairy", "household",
            "imported-wine", "electronics", "tobacco", "snacks"};
    private static final String[] EVENTS = {"SHARE", "SHARE", "SHARE", "SHARE", "SHARE", "SHARE", "REVIEW", "REVIEW",
            "SURVEY", "LESSON_WATCHED"};
    private static final String[] TIERS = {"REGULAR", "REGULAR", "REGULAR", "REGULAR", "REGULAR", "REGULAR", "SILVER",
            "SILVER", "SILVER", "GOLD"};

    /** One member's running state, as the posting read would find it. */
    private static final class MemberState {
        long id;
        String externalId;
        String tier;
        BigDecimal spend = BigDecimal.ZERO;
        BigDecimal yearSpend = BigDecimal.ZERO;
        int year;
        long day = Long.MIN_VALUE;
        long dayPoints;
        Map<String, Integer> dayEvents = new HashMap<>();
        int month = -1;
        long monthPoints;
        Map<String, Integer> monthEvents = new HashMap<>();
        long balance;
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        String url = args.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String schema = args.getOrDefault("schema", "sim_bench");
        String code = args.getOrDefault("merchant", "fresh-harbour");
        int transactions = Integer.parseInt(args.getOrDefault("transactions", "1000000"));
        int memberCount = Integer.parseInt(args.getOrDefault("members", "50000"));
        LocalDate firstDay = LocalDate.parse(args.getOrDefault("from", "2025-12-01"));
        int days = Integer.parseInt(args.getOrDefault("days", "365"));
        double eventShare = Double.parseDouble(args.getOrDefault("event-share", "0.1"));
        SplittableRandom random = new SplittableRandom(Long.parseLong(args.getOrDefault("seed", "1")));

        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        try (Connection c = DriverManager.getConnection(url + "?currentSchema=" + schema, "postgres", "postgres")) {
            Merchant merchant = merchant(c, code);
            ZoneId zone = ZoneId.of(merchant.timeZone);
            LedgerPolicy policy = LedgerPolicy.of(merchant);
            long versionId;
            int versionNumber;
            RuleSet ruleSet;
            try (PreparedStatement s = c.prepareStatement("""
                    select v.id, v.number from activation a join rule_version v on v.id = a.rule_version_id
                    where a.merchant_id = ? and a.cancelled_at is null order by a.effective_at desc, a.id desc limit 1""")) {
                s.setLong(1, merchant.id);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new IllegalStateException("merchant " + code + " has no active version");
                    }
                    versionId = r.getLong(1);
                    versionNumber = r.getInt(2);
                }
            }
            List<RuleFile> files = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select name, content from rule_version_file where rule_version_id = ?")) {
                s.setLong(1, versionId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        files.add(new RuleFile(r.getString(1), r.getBytes(2)));
                    }
                }
            }
            ruleSet = new RuleSet(files);
            CompiledProgram program = new LoyaltyEngine(new EngineOptions(10_000, 4)).compile(ruleSet).orThrow();

            // members
            MemberState[] members = new MemberState[memberCount];
            c.setAutoCommit(false);
            StringBuilder copy = new StringBuilder();
            for (int i = 0; i < memberCount; i++) {
                MemberState m = new MemberState();
                m.externalId = "bench-" + i;
                m.tier = TIERS[random.nextInt(TIERS.length)];
                members[i] = m;
                copy.append(merchant.id).append(',').append(m.externalId).append(',').append(m.tier)
                        .append(",ACTIVE,2025-01-01\n");
            }
            CopyManager copier = c.unwrap(PGConnection.class).getCopyAPI();
            copier.copyIn("copy member (merchant_id, external_id, tier, status, enrolled_on) from stdin (format csv)",
                    new StringReader(copy.toString()));
            try (PreparedStatement s = c.prepareStatement("select id, external_id from member where merchant_id = ? and external_id like 'bench-%'")) {
                s.setLong(1, merchant.id);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        members[Integer.parseInt(r.getString(2).substring(6))].id = r.getLong(1);
                    }
                }
            }
            c.commit();

            Instant start = firstDay.atStartOfDay(zone).toInstant();
            long span = firstDay.plusDays(days).atStartOfDay(zone).toInstant().getEpochSecond() - start.getEpochSecond();
            Instant now = Instant.now();
            copy.setLength(0);
            long points = 0;
            long began = System.nanoTime();
            for (int i = 0; i < transactions; i++) {
                Instant at = start.plusSeconds(span * i / transactions).plusMillis(random.nextInt(1000));
                MemberState m = members[random.nextInt(memberCount)];
                ZonedDateTime local = at.atZone(zone);
                long day = local.toLocalDate().toEpochDay();
                int month = local.getYear() * 12 + local.getMonthValue();
                if (m.day != day) {
                    m.day = day;
                    m.dayPoints = 0;
                    m.dayEvents = new HashMap<>();
                }
                if (m.month != month) {
                    m.month = month;
                    m.monthPoints = 0;
                    m.monthEvents = new HashMap<>();
                }
                if (m.year != local.getYear()) {
                    m.year = local.getYear();
                    m.yearSpend = BigDecimal.ZERO;
                }
                StoredContext context = new StoredContext(zone.getId(), merchant.rounding, merchant.stacking, m.externalId,
                        m.tier, "ACTIVE", LocalDate.of(2025, 1, 1), null, m.spend, m.yearSpend, m.dayPoints, m.monthPoints,
                        Map.copyOf(m.dayEvents), Map.copyOf(m.monthEvents), Map.of());
                String id = "h-" + i;
                boolean purchase = random.nextDouble() >= eventShare;
                PayloadHash.Canonical request;
                Evaluation<EarningOutcome> evaluation;
                BigDecimal amount = null;
                String eventType = null;
                if (purchase) {
                    int lines = 1 + random.nextInt(4);
                    List<TransactionModels.LineRequest> lineRequests = new ArrayList<>();
                    BigDecimal total = BigDecimal.ZERO;
                    for (int l = 0; l < lines; l++) {
                        BigDecimal lineAmount = BigDecimal.valueOf(100 + random.nextInt(random.nextInt(10) == 0 ? 150_000 : 40_000), 2);
                        total = total.add(lineAmount);
                        lineRequests.add(new TransactionModels.LineRequest("SKU-" + random.nextInt(500),
                                CATEGORIES[random.nextInt(CATEGORIES.length)], 1, null, lineAmount));
                    }
                    amount = total;
                    TransactionModels.PurchaseRequest r = new TransactionModels.PurchaseRequest(id, m.externalId, at, "APP",
                            "SH-" + random.nextInt(40), null, total, lineRequests);
                    request = PayloadHash.canonical(r);
                    evaluation = program.evaluatePurchase(context.context(), EvaluationInputs.purchase(merchant, r));
                } else {
                    eventType = EVENTS[random.nextInt(EVENTS.length)];
                    TransactionModels.EventRequest r = new TransactionModels.EventRequest(id, m.externalId, eventType, at, null);
                    request = PayloadHash.canonical(r);
                    evaluation = program.evaluateEvent(context.context(), EvaluationInputs.event(merchant, r));
                }
                EarningOutcome outcome = evaluation.orThrow();
                EarningPlan plan = EarningPlan.of(policy, m.balance, 0, m.dayPoints, outcome, purchase, at, now);
                m.balance += plan.points();
                m.dayPoints += plan.points();
                m.monthPoints += plan.points();
                points += plan.points();
                if (purchase) {
                    m.spend = m.spend.add(amount);
                    m.yearSpend = m.yearSpend.add(amount);
                } else {
                    m.dayEvents.merge(eventType, 1, Integer::sum);
                    m.monthEvents.merge(eventType, 1, Integer::sum);
                }
                TransactionModels.TransactionResult result = new TransactionModels.TransactionResult(id,
                        purchase ? "PURCHASE" : "EVENT", m.externalId, at, versionNumber, plan.points(),
                        plan.awards().stream().map(TransactionModels.AwardView::of).toList(),
                        outcome.lineNotes().stream().map(n -> new TransactionModels.LineNoteView(n.rule(), n.sku(), n.kind(),
                                n.factor(), n.reason())).toList(),
                        outcome.tierDecision().map(t -> new TransactionModels.TierDecisionView(t.currentTier(), t.targetTier(),
                                t.rule(), t.reason())).orElse(null),
                        m.balance, 0L, null, true);
                copy.append(merchant.id).append(',').append(id).append(',').append(purchase ? "PURCHASE" : "EVENT").append(',')
                        .append(eventType == null ? "" : eventType).append(',').append(m.id).append(',')
                        .append(amount == null ? "" : amount.toPlainString()).append(',').append(at).append(',')
                        .append(request.hash()).append(',').append(versionId).append(',').append(plan.points()).append(',')
                        .append(csv(json.writeValueAsString(result))).append(',').append(csv(request.json())).append(',')
                        .append(csv(json.writeValueAsString(context))).append(',').append(at).append('\n');
                if ((i + 1) % 20_000 == 0 || i + 1 == transactions) {
                    copier.copyIn("copy loyalty_transaction (merchant_id, external_id, kind, event_type, member_id, amount,"
                            + " occurred_at, payload_hash, rule_version_id, total_points, result, payload, context, created_at)"
                            + " from stdin (format csv)", new StringReader(copy.toString()));
                    copy.setLength(0);
                    c.commit();
                    System.out.printf("%,d transactions written (%.0f s)%n", i + 1, (System.nanoTime() - began) / 1e9);
                }
            }
            try (PreparedStatement s = c.prepareStatement("update member set balance = ? where id = ?")) {
                for (MemberState m : members) {
                    s.setLong(1, m.balance);
                    s.setLong(2, m.id);
                    s.addBatch();
                }
                s.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("vacuum analyze loyalty_transaction");
                s.execute("vacuum analyze member");
            }
            System.out.printf("seeded %,d transactions of %,d members for %s (%s to %s), %,d points, in %.0f s%n",
                    transactions, memberCount, code, firstDay, firstDay.plusDays(days), points,
                    (System.nanoTime() - began) / 1e9);
        }
    }

    private static String csv(String s) {
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** The merchant's settings that evaluations and caps read. */
    private static Merchant merchant(Connection c, String code) throws Exception {
        try (PreparedStatement s = c.prepareStatement("""
                select id, time_zone, currency, rounding, stacking, account_cap, daily_earn_cap, pending_days,
                       expiry_policy, expiry_months, tier_order, tier_period_months, balance_thresholds, shortfall_policy
                from merchant where code = ?""")) {
            s.setString(1, code);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalStateException("no merchant " + code);
                }
                Merchant m = new Merchant();
                m.id = r.getLong(1);
                m.code = code;
                m.timeZone = r.getString(2);
                m.currency = r.getString(3);
                m.rounding = r.getString(4);
                m.stacking = r.getString(5);
                m.accountCap = (Long) r.getObject(6);
                m.dailyEarnCap = (Long) r.getObject(7);
                m.pendingDays = r.getInt(8);
                m.expiryPolicy = ExpiryRule.valueOf(r.getString(9));
                m.expiryMonths = (Integer) r.getObject(10);
                m.tierOrder = r.getString(11);
                m.tierPeriodMonths = r.getInt(12);
                m.balanceThresholds = r.getString(13);
                m.shortfallPolicy = r.getString(14);
                return m;
            }
        }
    }
}
