package io.jifen.admin.campaign;

import io.jifen.admin.shared.Rows;
import io.jifen.admin.shared.SqlStatement;
import io.jifen.admin.shared.StatementPart;
import io.jifen.admin.webhook.DomainEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Tuple;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Campaign budgets inside the posting's transaction. A posting whose awards name campaigns reads their
 * terms ({@link #read}); the campaigns with a total or daily budget — budgets that members share — are
 * locked first, in id order, so their counters cannot move until the posting commits. A per-member budget
 * needs no lock of its own: the posting holds its member's. The charges are then written by the posting's
 * own statement ({@link Read#charge}).
 *
 * <p>Lock order: members first (the posting's, or a batch's in id order), then campaigns in id order. A batch
 * of postings holds the campaigns its earlier postings locked; when a later one needs a campaign with a lower
 * id than one held, taking it could close a cycle with another batch, so the posting throws
 * {@link LockOrder} instead, which rolls the batch back and runs each posting alone (see PostingBatcher).
 */
@ApplicationScoped
public class CampaignBudgets {
    private static final String HELD = CampaignBudgets.class.getName() + ".held";

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transaction;

    /** A member as a campaign's audience sees it ({@code attributes}: as the evaluation saw them). */
    public record Participant(long memberRowId, String memberId, String tier, LocalDate enrolledOn,
                              Map<String, String> attributes) {
    }

    /** A campaign's definition and counters as read for one posting. */
    record State(CampaignDefinition def, long awarded, long dayAwarded, Long memberAwarded, boolean warned,
                 boolean exhausted) {
        long id() {
            return def.id();
        }

        String code() {
            return def.code();
        }

        Long budgetTotal() {
            return def.budgetTotal();
        }
    }

    /** A campaign that needed a lock with a lower id than one this transaction holds: the batch must run alone. */
    public static final class LockOrder extends RuntimeException {
        LockOrder(long wanted, long held) {
            super("campaign " + wanted + " is needed after campaign " + held + " was locked", null, false, false);
        }
    }

    /**
     * The terms of the named campaigns for this participant at {@code occurredAt} ({@code day}: its
     * merchant-local date), locking the campaigns with shared budgets that apply.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Read read(long merchantId, ZoneId zone, Participant member, Collection<String> codes, Instant occurredAt,
                     LocalDate day) {
        return read(merchantId, zone, member, codes, occurredAt, day, true);
    }

    /** The terms as a dry run sees them: read, never locked, never charged. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Read preview(long merchantId, ZoneId zone, Participant member, Collection<String> codes, Instant occurredAt,
                        LocalDate day) {
        return read(merchantId, zone, member, codes, occurredAt, day, false);
    }

    private Read read(long merchantId, ZoneId zone, Participant member, Collection<String> codes, Instant occurredAt,
                      LocalDate day, boolean lock) {
        List<Tuple> rows = Rows.tuples(em.createNativeQuery("select " + CampaignQueries.DEFINITION_COLUMNS
                        + ", c.awarded, coalesce(d.awarded, 0) as day_awarded, m.awarded as member_awarded,"
                        + " c.warned_at is not null as warned, c.exhausted_at is not null as exhausted"
                        + " from campaign c left join campaign_day d on d.campaign_id = c.id and d.day = :day"
                        + " left join campaign_member m on m.campaign_id = c.id and m.member_id = :member"
                        + " where c.merchant_id = :merchant and c.code in (:codes) order by c.id", Tuple.class)
                .setParameter("day", day).setParameter("member", member.memberRowId())
                .setParameter("merchant", merchantId).setParameter("codes", codes).setFlushMode(FlushModeType.COMMIT));
        LocalDateTime at = LocalDateTime.ofInstant(occurredAt, zone);
        Map<String, State> states = new LinkedHashMap<>();
        List<Long> toLock = new ArrayList<>();
        for (Tuple r : rows) {
            State s = new State(CampaignQueries.definition(r), Rows.longValue(r, "awarded"), Rows.longValue(r, "day_awarded"),
                    Rows.nullableLong(r, "member_awarded"), Rows.bool(r, "warned"), Rows.bool(r, "exhausted"));
            states.put(s.code(), s);
            if (s.def().shared() && s.def().whyNot(member.tier(), member.enrolledOn(), member.attributes(), at) == null) {
                toLock.add(s.id());
            }
        }
        if (lock && !toLock.isEmpty()) {
            for (Tuple r : lock(toLock, day)) {
                State s = states.values().stream().filter(x -> x.id() == Rows.longValue(r, "id")).findFirst().orElseThrow();
                states.put(s.code(), new State(s.def(), Rows.longValue(r, "awarded"), Rows.longValue(r, "day_awarded"),
                        s.memberAwarded(), Rows.bool(r, "warned"), Rows.bool(r, "exhausted")));
            }
        }
        Map<String, CampaignTerms> terms = new LinkedHashMap<>();
        for (State s : states.values()) {
            terms.put(s.code(), terms(s, member, at, day));
        }
        return new Read(member, day, states, terms);
    }

    /** Locks the campaigns in id order, refusing to take one below a campaign this transaction already holds. */
    private List<Tuple> lock(List<Long> ids, LocalDate day) {
        @SuppressWarnings("unchecked")
        TreeSet<Long> held = (TreeSet<Long>) transaction.getResource(HELD);
        if (held == null) {
            held = new TreeSet<>();
            transaction.putResource(HELD, held);
        }
        for (long id : ids) {
            if (!held.contains(id) && !held.isEmpty() && id < held.last()) {
                throw new LockOrder(id, held.last());
            }
        }
        em.createNativeQuery("select c.id from campaign c where c.id in (:ids) order by c.id for update")
                .setParameter("ids", ids).setFlushMode(FlushModeType.COMMIT).getResultList();
        held.addAll(ids);
        // read in a statement of its own, after the locks: a statement that waited for a lock sees the locked row
        // as it is now but every other row (the day's counter) as it was when the statement began
        return Rows.tuples(em.createNativeQuery("select c.id, c.awarded, coalesce(d.awarded, 0) as day_awarded,"
                        + " c.warned_at is not null as warned, c.exhausted_at is not null as exhausted"
                        + " from campaign c left join campaign_day d on d.campaign_id = c.id and d.day = :day"
                        + " where c.id in (:ids)", Tuple.class)
                .setParameter("day", day).setParameter("ids", ids).setFlushMode(FlushModeType.COMMIT));
    }

    private static CampaignTerms terms(State s, Participant member, LocalDateTime at, LocalDate day) {
        String whyNot = s.def().whyNot(member.tier(), member.enrolledOn(), member.attributes(), at);
        Long left = null;
        BudgetLimit limit = null;
        String text = null;
        if (s.budgetTotal() != null) {
            left = Math.max(0, s.budgetTotal() - s.awarded());
            limit = BudgetLimit.TOTAL;
            text = "its total budget of " + s.budgetTotal();
        }
        if (s.def().budgetPerMember() != null) {
            long l = Math.max(0, s.def().budgetPerMember() - (s.memberAwarded() == null ? 0 : s.memberAwarded()));
            if (left == null || l < left) {
                left = l;
                limit = BudgetLimit.PER_MEMBER;
                text = "its budget of " + s.def().budgetPerMember() + " per member";
            }
        }
        if (s.def().budgetPerDay() != null) {
            long l = Math.max(0, s.def().budgetPerDay() - s.dayAwarded());
            if (left == null || l < left) {
                left = l;
                limit = BudgetLimit.PER_DAY;
                text = "its budget of " + s.def().budgetPerDay() + " for " + day;
            }
        }
        return new CampaignTerms(s.id(), s.code(), whyNot, left, limit, text, s.def().whenExhausted());
    }

    /** The terms read for one posting, and how it charges them. */
    public static final class Read {
        private final Participant member;
        private final LocalDate day;
        private final Map<String, State> states;
        private final Map<String, CampaignTerms> terms;

        Read(Participant member, LocalDate day, Map<String, State> states, Map<String, CampaignTerms> terms) {
            this.member = member;
            this.day = day;
            this.states = states;
            this.terms = terms;
        }

        public Map<String, CampaignTerms> terms() {
            return terms;
        }

        /**
         * The events charging these points (by campaign code) causes: 80 % of a total budget, and its end (a
         * campaign that refuses partial awards may stop short of it: then it never announces exhaustion).
         */
        public List<DomainEvent> events(Map<String, Long> charges, String transactionId) {
            List<DomainEvent> events = new ArrayList<>();
            for (Map.Entry<String, Long> c : charges.entrySet()) {
                State s = states.get(c.getKey());
                if (s == null || s.budgetTotal() == null) {
                    continue;
                }
                long after = s.awarded() + c.getValue();
                if (!s.warned() && after * 5 >= s.budgetTotal() * 4) {
                    events.add(new DomainEvent.CampaignBudget(s.code(), false, s.budgetTotal(), after, transactionId));
                }
                if (!s.exhausted() && after >= s.budgetTotal()) {
                    events.add(new DomainEvent.CampaignBudget(s.code(), true, s.budgetTotal(), after, transactionId));
                }
            }
            return events;
        }

        /** The charges as part of the posting's statement: counters, the day's and member's rows, the award. */
        public StatementPart charge(Map<String, Long> charges) {
            return (sql, onlyIfRowsIn, transactionId) -> {
                for (Map.Entry<String, Long> c : charges.entrySet()) {
                    State s = states.get(c.getKey());
                    long points = c.getValue();
                    if (s != null && points > 0) {
                        CampaignBudgets.charge(sql, onlyIfRowsIn, transactionId, s, member, day, points);
                    }
                }
            };
        }
    }

    /** Adds a posting's charge to one campaign (positive; a refund gives budget back in {@link #giveBack}). */
    static void charge(SqlStatement sql, String onlyIfRowsIn, String transactionId, State s, Participant member,
                       LocalDate day, long points) {
        String only = onlyIfRowsIn == null ? "" : " and exists (select 1 from " + onlyIfRowsIn + ")";
        String from = onlyIfRowsIn == null ? "" : " from " + onlyIfRowsIn;
        boolean joins = s.memberAwarded() == null;
        String charged = sql.p(points, "bigint");
        String marks = "";
        if (s.budgetTotal() != null) {
            // once each: the 80 % warning and the exhaustion; a refund that gives budget back re-arms the exhaustion
            String budget = sql.p(s.budgetTotal(), "bigint");
            marks = ", warned_at = case when warned_at is null and (awarded + " + charged + ") * 5 >= " + budget
                    + " * 4 then now() else warned_at end, exhausted_at = case when awarded + " + charged + " >= " + budget
                    + " then coalesce(exhausted_at, now()) else null end";
        }
        sql.with("campaign_" + sql.ctes(), "update campaign set awarded = awarded + " + charged
                + ", participants = participants + " + sql.p(joins ? 1 : 0, "bigint") + marks
                + ", updated_at = now() where id = " + sql.p(s.id()) + only);
        sql.with("campaign_" + sql.ctes(), "insert into campaign_day (campaign_id, day, awarded, postings, participants)"
                + " select " + sql.p(s.id()) + ", " + sql.p(day) + ", " + charged + ", 1, " + sql.p(joins ? 1 : 0, "bigint") + from
                + " on conflict (campaign_id, day) do update set awarded = campaign_day.awarded + excluded.awarded,"
                + " postings = campaign_day.postings + excluded.postings,"
                + " participants = campaign_day.participants + excluded.participants");
        sql.with("campaign_" + sql.ctes(), "insert into campaign_member (campaign_id, member_id, awarded) select "
                + sql.p(s.id()) + ", " + sql.p(member.memberRowId()) + ", " + charged + from
                + " on conflict (campaign_id, member_id) do update set awarded = campaign_member.awarded + excluded.awarded");
        sql.with("campaign_" + sql.ctes(), "insert into campaign_award (transaction_id, campaign_id, member_id, day, points)"
                + " select " + transactionId + ", " + sql.p(s.id()) + ", " + sql.p(member.memberRowId()) + ", " + sql.p(day)
                + ", " + charged + from);
    }

    /** A campaign's net charge for one purchase. */
    public record Charged(long campaignId, long points) {
    }

    /** What each campaign is charged for the purchase now (its refunds' give-backs deducted), by campaign code. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Charged> chargedFor(long purchaseRowId) {
        Map<String, Charged> charged = new LinkedHashMap<>();
        for (Tuple r : Rows.tuples(em.createNativeQuery("select c.code, c.id, sum(a.points) as points from campaign_award a"
                        + " join campaign c on c.id = a.campaign_id join loyalty_transaction t on t.id = a.transaction_id"
                        + " where t.id = ?1 or t.original_id = ?1 group by c.code, c.id order by c.id", Tuple.class)
                .setParameter(1, purchaseRowId).setFlushMode(FlushModeType.COMMIT))) {
            charged.put(Rows.string(r, "code"), new Charged(Rows.longValue(r, "id"), Rows.longValue(r, "points")));
        }
        return charged;
    }

    /**
     * A refund gives budget back: each campaign's charge for the purchase falls by {@code back} points (by
     * campaign code), on the purchase's day and member, recorded against the refund. The campaigns are locked in
     * id order first (the refund holds its member already). Participants stay counted: they took part.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void giveBack(Map<String, Charged> charged, Map<String, Long> back, long memberRowId, long refundRowId,
                         LocalDate day) {
        List<Long> ids = back.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> charged.get(e.getKey()).campaignId()).sorted().toList();
        if (ids.isEmpty()) {
            return;
        }
        lock(ids, day);
        SqlStatement sql = new SqlStatement();
        for (Map.Entry<String, Long> b : back.entrySet()) {
            if (b.getValue() <= 0) {
                continue;
            }
            String campaign = sql.p(charged.get(b.getKey()).campaignId());
            String points = sql.p(b.getValue(), "bigint");
            sql.with("back_" + sql.ctes(), "update campaign set awarded = awarded - " + points + ", exhausted_at = case"
                    + " when budget_total is not null and awarded - " + points + " >= budget_total then exhausted_at"
                    + " else null end, updated_at = now() where id = " + campaign);
            sql.with("back_" + sql.ctes(), "update campaign_day set awarded = awarded - " + points + " where campaign_id = "
                    + campaign + " and day = " + sql.p(day));
            sql.with("back_" + sql.ctes(), "update campaign_member set awarded = awarded - " + points
                    + " where campaign_id = " + campaign + " and member_id = " + sql.p(memberRowId));
            sql.with("back_" + sql.ctes(), "insert into campaign_award (transaction_id, campaign_id, member_id, day, points)"
                    + " values (" + sql.p(refundRowId) + ", " + campaign + ", " + sql.p(memberRowId) + ", " + sql.p(day)
                    + ", -" + points + ")");
        }
        sql.query(em, "select 1").getResultList();
    }
}
