package io.jifen.admin.ledger;

import io.jifen.admin.campaign.CampaignLotUse;
import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.problem.ProblemType;
import io.jifen.admin.shared.Rows;
import io.jifen.admin.shared.SqlStatement;
import io.jifen.admin.shared.StatementPart;
import io.jifen.admin.webhook.DomainEvent;
import io.jifen.admin.webhook.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one writer of the points ledger: transaction rows, ledger entries, members' balances, lots and
 * their consumption, and (through {@link Outbox}'s part) the events a change causes. Balances come from
 * {@link Account}, which computed them once; this class only writes them. Every method needs the
 * caller's transaction and the member rows it touches locked by it ({@link Accounts#lock}).
 *
 * <p>Two shapes, one generator: a posting is ONE statement that inserts its transaction row and writes
 * everything else only if the insert took ({@link #post}); an operation inserts its row first
 * ({@link #open}, so its lot moves can name it) and ends with ONE statement writing the accounts, the
 * events and its result ({@link #commit}).
 */
@ApplicationScoped
public class Ledger {
    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    CampaignLotUse campaignLots;

    /** The transaction row of a posting; {@code result} is the response body stored for replays. */
    public record TransactionRow(long merchantId, String externalId, TransactionKind kind, String eventType, long memberId,
                                 BigDecimal amount, Instant occurredAt, String payloadHash, long ruleVersionId,
                                 long totalPoints, String result, String payload, String context) {
    }

    /**
     * The lot an earning creates: {@code remaining} is less than {@code points} when part of them
     * paid a negative balance; {@code released} false holds them pending until {@code availableAt}.
     */
    public record NewLot(long points, long remaining, LocalDate earnedOn, Instant expiresAt, Instant availableAt,
                         boolean released) {
    }

    /**
     * The row of an operation that is not an earning. {@code originalId}: the transaction it refers to
     * (a refunded purchase, a cancelled debit); {@code counterpartyId}: a transfer's receiver.
     */
    public record OperationRow(long merchantId, String externalId, TransactionKind kind, long memberId,
                               Long counterpartyId, Long originalId, Long ruleVersionId, BigDecimal amount,
                               Instant occurredAt, String payloadHash, String payload, String reason,
                               String actorKeyId) {
    }

    /** What an operation leaves on its row: its net points, any shortfall, and the body replays return. */
    public record Outcome(long transactionId, long totalPoints, long shortfall, String result) {
    }

    /**
     * Posts an earning: its transaction row, its lot, the account's entries (which name neither: they
     * are this statement's) and totals, the events, and what another feature writes {@code alongside} (a
     * campaign's counters), as one statement. Empty when the transaction id
     * was taken meanwhile (then nothing at all was written).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Long> post(TransactionRow tx, Account account, NewLot lot, String merchantCode,
                               List<DomainEvent> events, StatementPart alongside) {
        SqlStatement s = new SqlStatement();
        s.with("tx", "insert into loyalty_transaction (merchant_id, external_id, kind, event_type, member_id, amount,"
                + " occurred_at, payload_hash, rule_version_id, total_points, result, payload, context, created_at) values ("
                + s.p(tx.merchantId()) + ", " + s.p(tx.externalId()) + ", " + s.p(tx.kind().name()) + ", "
                + s.p(tx.eventType(), "varchar") + ", " + s.p(tx.memberId()) + ", " + s.p(tx.amount(), "numeric") + ", "
                + s.p(tx.occurredAt()) + ", " + s.p(tx.payloadHash()) + ", " + s.p(tx.ruleVersionId()) + ", "
                + s.p(tx.totalPoints()) + ", " + s.p(tx.result()) + ", " + s.p(tx.payload()) + ", " + s.p(tx.context())
                + ", now()) on conflict (merchant_id, external_id) do nothing returning id");
        balances(s, "tx", account);
        String lotId = "null";
        if (lot != null) {
            s.with("lot", lotInsert(s, account, "tx.id", lot) + " from tx returning id");
            lotId = "(select id from lot)";
        }
        earnings(s, account, lotId);
        alongside.addTo(s, "tx", "tx.id");
        outbox.addTo(s, "tx", tx.merchantId(), merchantCode, events);
        List<?> ids = s.query(em, "select id from tx").getResultList();
        account.entries.clear();
        return ids.isEmpty() ? Optional.empty() : Optional.of(((Number) ids.get(0)).longValue());
    }

    /** Inserts an operation's row (its outcome is written by {@link #commit}); 409 when the id was taken meanwhile. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long open(OperationRow r) {
        SqlStatement s = new SqlStatement();
        s.with("tx", "insert into loyalty_transaction (merchant_id, external_id, kind, member_id, counterparty_id,"
                + " original_id, rule_version_id, amount, occurred_at, payload_hash, payload, reason, actor_key_id,"
                + " total_points, result, created_at) values (" + s.p(r.merchantId()) + ", " + s.p(r.externalId()) + ", "
                + s.p(r.kind().name()) + ", " + s.p(r.memberId()) + ", " + s.p(r.counterpartyId(), "bigint") + ", "
                + s.p(r.originalId(), "bigint") + ", " + s.p(r.ruleVersionId(), "bigint") + ", "
                + s.p(r.amount(), "numeric") + ", " + s.p(r.occurredAt()) + ", " + s.p(r.payloadHash()) + ", "
                + s.p(r.payload()) + ", " + s.p(r.reason(), "text") + ", " + s.p(r.actorKeyId(), "varchar")
                + ", 0, '', now()) on conflict (merchant_id, external_id) do nothing returning id");
        List<?> ids = s.query(em, "select id from tx").getResultList();
        if (ids.isEmpty()) {
            // taken by a concurrent operation on another member (same id): the caller's transaction rolls back
            throw ProblemException.of(ProblemType.TRANSACTION_ID_REUSED, "`" + r.externalId() + "` is already in use");
        }
        return ((Number) ids.get(0)).longValue();
    }

    /**
     * Writes what the accounts' changes and the operation came to, as one statement: entries and totals
     * of each changed account, the events, and the operation's outcome (none for a job's change).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void commit(Outcome outcome, long merchantId, String merchantCode, List<DomainEvent> events,
                       List<Account> accounts) {
        SqlStatement s = new SqlStatement();
        for (Account account : accounts) {
            balances(s, null, account);
        }
        entries(s, accounts);
        outbox.addTo(s, null, merchantId, merchantCode, events);
        if (outcome != null) {
            s.with("outcome", "update loyalty_transaction set total_points = " + s.p(outcome.totalPoints())
                    + ", shortfall = " + s.p(outcome.shortfall()) + ", result = " + s.p(outcome.result())
                    + " where id = " + s.p(outcome.transactionId()));
        }
        if (s.ctes() > 0) { // a job's batch may have changed nothing: no round trip for it
            s.query(em, "select 1").getResultList();
        }
        accounts.forEach(a -> a.entries.clear());
    }

    /** A changed account's new totals, written only if {@code onlyIfRowsIn} returned a row (when given). */
    private static void balances(SqlStatement s, String onlyIfRowsIn, Account account) {
        if (!account.changed()) {
            return;
        }
        // named by position, never by member: the statement's text must repeat, so PostgreSQL and the driver
        // reuse its plan (a text per member would be parsed and planned on every posting)
        s.with("balance_" + s.ctes(), "update member set balance = " + s.p(account.balance) + ", pending = "
                + s.p(account.pending) + ", updated_at = now() where id = " + s.p(account.memberId)
                + (onlyIfRowsIn == null ? "" : " and exists (select 1 from " + onlyIfRowsIn + ")"));
    }

    /**
     * A posting's entries as one insert: they share their member, kind, bucket, version, row and lot, so
     * each VALUES row carries only what differs (points, balance after, rule, family, reason) — the
     * hot path binds a third of the parameters a general row needs.
     */
    private static void earnings(SqlStatement s, Account account, String lotId) {
        if (account.entries.isEmpty()) {
            return;
        }
        Account.Entry first = account.entries.get(0);
        StringBuilder values = new StringBuilder();
        for (Account.Entry e : account.entries) {
            if (e.kind() != first.kind() || e.bucket() != first.bucket()
                    || !Objects.equals(e.cause().ruleVersionId(), first.cause().ruleVersionId())) {
                throw new IllegalStateException("a posting's entries differ in kind, bucket or version");
            }
            values.append(values.isEmpty() ? "" : ", ").append('(').append(s.p(e.points(), "bigint")).append(", ")
                    .append(s.p(e.balanceAfter(), "bigint")).append(", ").append(s.p(e.cause().rule(), "varchar"))
                    .append(", ").append(s.p(e.cause().family(), "varchar")).append(", ")
                    .append(s.p(e.cause().reason(), "text")).append(')');
        }
        s.with("entries", "insert into ledger_entry (merchant_id, member_id, kind, bucket, points, balance_after,"
                + " transaction_id, rule_version_id, rule_name, family, reason, lot_id, created_at) select "
                + s.p(account.merchantId) + ", " + s.p(account.memberId) + ", " + s.p(first.kind().name()) + ", "
                + s.p(first.bucket().name()) + ", e.points, e.balance_after, tx.id, "
                + s.p(first.cause().ruleVersionId(), "bigint") + ", e.rule, e.family, e.reason, " + lotId
                + ", now() from tx cross join (values " + values + ") as e(points, balance_after, rule, family, reason)");
    }

    /** The accounts' entries as one insert, each row naming its member, transaction and lot. */
    private static void entries(SqlStatement s, List<Account> accounts) {
        StringBuilder values = new StringBuilder();
        for (Account a : accounts) {
            for (Account.Entry e : a.entries) {
                Account.Cause c = e.cause();
                values.append(values.isEmpty() ? "" : ", ").append('(').append(s.p(a.merchantId, "bigint")).append(", ")
                        .append(s.p(a.memberId, "bigint")).append(", ").append(s.p(e.kind().name(), "varchar"))
                        .append(", ").append(s.p(e.bucket().name(), "varchar")).append(", ")
                        .append(s.p(e.points(), "bigint")).append(", ").append(s.p(e.balanceAfter(), "bigint"))
                        .append(", ").append(s.p(c.transactionId(), "bigint")).append(", ")
                        .append(s.p(c.ruleVersionId(), "bigint")).append(", ").append(s.p(c.rule(), "varchar"))
                        .append(", ").append(s.p(c.family(), "varchar")).append(", ").append(s.p(c.reason(), "text"))
                        .append(", ").append(s.p(c.lotId(), "bigint")).append(')');
            }
        }
        if (values.isEmpty()) {
            return;
        }
        s.with("entries", "insert into ledger_entry (merchant_id, member_id, kind, bucket, points, balance_after,"
                + " transaction_id, rule_version_id, rule_name, family, reason, lot_id, created_at)"
                + " select e.merchant_id, e.member_id, e.kind, e.bucket, e.points, e.balance_after, e.transaction_id,"
                + " e.rule_version_id, e.rule, e.family, e.reason, e.lot_id, now() from (values " + values + ") as e(merchant_id,"
                + " member_id, kind, bucket, points, balance_after, transaction_id, rule_version_id, rule, family, reason,"
                + " lot_id)");
    }

    /** A new released or held lot of a member's points ({@code remaining} below {@code points}: a debt was paid). */
    @Transactional(Transactional.TxType.MANDATORY)
    public long newLot(Account account, long transactionId, NewLot lot) {
        SqlStatement s = new SqlStatement();
        s.with("lot", lotInsert(s, account, s.p(transactionId), lot) + " returning id");
        return ((Number) s.query(em, "select id from lot").getSingleResult()).longValue();
    }

    /** The insert of a lot of the account for the transaction {@code transactionId} (SQL: a CTE's column or a placeholder). */
    private static String lotInsert(SqlStatement s, Account account, String transactionId, NewLot lot) {
        return "insert into point_lot (merchant_id, member_id, transaction_id, points, remaining, earned_on, expires_at,"
                + " available_at, released) select " + s.p(account.merchantId) + ", " + s.p(account.memberId) + ", "
                + transactionId + ", " + s.p(lot.points()) + ", " + s.p(lot.remaining()) + ", " + s.p(lot.earnedOn())
                + ", " + s.p(lot.expiresAt(), "timestamptz") + ", " + s.p(lot.availableAt()) + ", " + s.p(lot.released());
    }

    /**
     * Takes points out of lots of the account for a transaction, recording which lot gave what (and, for a
     * redemption or a debit, what it redeemed of campaigns' points: {@link CampaignLotUse}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void consume(Account account, long transactionId, List<Accounts.Taken> taken) {
        if (taken.isEmpty()) {
            return;
        }
        SqlStatement s = new SqlStatement();
        StringBuilder values = new StringBuilder();
        for (Accounts.Taken t : taken) {
            values.append(values.isEmpty() ? "" : ", ").append('(').append(s.p(t.lotId(), "bigint")).append(", ")
                    .append(s.p(t.points(), "bigint")).append(')');
        }
        s.with("c(lot_id, points)", "values " + values)
                .with("used", "update point_lot l set remaining = l.remaining - c.points from c where l.id = c.lot_id"
                        + " and l.member_id = " + s.p(account.memberId));
        campaignLots.spent(s, "c", transactionId, account.memberId);
        s.query(em, "insert into lot_consumption (transaction_id, lot_id, points) select " + s.p(transactionId)
                + ", lot_id, points from c on conflict (transaction_id, lot_id)"
                + " do update set points = lot_consumption.points + excluded.points").executeUpdate();
    }

    /**
     * Gives a lot back what {@code originalId} took from it: {@code toLot} into its remaining points,
     * {@code expired} counted as expired (its lot's date passed meanwhile); the consumption is marked
     * restored so it comes back once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void restoreLot(long originalId, long memberId, long lotId, long toLot, long expired) {
        SqlStatement s = new SqlStatement();
        s.with("lot", "update point_lot set remaining = remaining + " + s.p(toLot) + ", expired = expired + "
                + s.p(expired) + " where id = " + s.p(lotId));
        campaignLots.givenBack(s, originalId, lotId, expired, memberId);
        s.query(em, "update lot_consumption set restored = points where transaction_id = " + s.p(originalId)
                + " and lot_id = " + s.p(lotId)).executeUpdate();
    }

    /** Releases a held lot: it keeps {@code remaining} (the rest paid a negative balance). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void releaseLot(long lotId, long remaining) {
        SqlStatement s = new SqlStatement();
        s.query(em, "update point_lot set released = true, remaining = " + s.p(remaining) + " where id = " + s.p(lotId))
                .executeUpdate();
    }

    /** Records that {@code points} of a refund's shortfall were taken after all. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void settleShortfall(long refundId, long points) {
        SqlStatement s = new SqlStatement();
        s.query(em, "update loyalty_transaction set shortfall_settled = shortfall_settled + " + s.p(points)
                + " where id = " + s.p(refundId)).executeUpdate();
    }

    /** Ids read from the database, so numbers: safe to inline (a list of any length in one statement). */
    private static String inlined(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** What expiry did to one member: lots and points expired, the balance left. */
    public record Expired(long memberId, long merchantId, String merchantCode, String externalId, long lots, long points,
                          long balance) {
    }

    /**
     * Expires what remains of the due lots of the given (locked) members, in one statement: the lots, one
     * EXPIRE entry per lot (in expiry order, so balance_after chains) and the balances; then one
     * {@code points.expired} event per member; what expired of campaigns' points counts for them
     * ({@link CampaignLotUse}). Set-based because the expiry job expires a batch of members at
     * once; each entry's balance is the member's balance minus the lots expired before it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Expired> expire(List<Long> lockedMemberIds, Instant now) {
        if (lockedMemberIds.isEmpty()) {
            return List.of();
        }
        SqlStatement s = new SqlStatement();
        s.with("due", "select l.id, l.member_id, l.merchant_id, l.remaining, l.earned_on, l.expires_at,"
                        + " m.balance - sum(l.remaining) over (partition by l.member_id order by l.expires_at, l.id)"
                        + " as balance_after from point_lot l join member m on m.id = l.member_id"
                        + " where l.member_id in (" + inlined(lockedMemberIds) + ")"
                        + " and l.released and l.remaining > 0 and l.expires_at <= " + s.p(now));
        campaignLots.expired(s, "due");
        s.with("lots", "update point_lot l set expired = l.expired + d.remaining, remaining = 0 from due d"
                        + " where l.id = d.id")
                .with("totals", "select member_id, merchant_id, count(*) as lots, sum(remaining) as points,"
                        + " min(balance_after) as balance from due group by member_id, merchant_id")
                .with("balances", "update member m set balance = t.balance, updated_at = now() from totals t"
                        + " where m.id = t.member_id")
                .with("entries", "insert into ledger_entry (merchant_id, member_id, kind, bucket, points, balance_after,"
                        + " lot_id, reason, created_at) select merchant_id, member_id, '" + EntryKind.EXPIRE + "', '"
                        + Bucket.AVAILABLE + "', -remaining, balance_after, id, remaining || ' points earned on ' ||"
                        + " earned_on || ' expired', now() from due order by member_id, expires_at, id");
        List<Expired> expired = s.tuples(em, "select t.member_id, t.merchant_id, mc.code, m.external_id, t.lots,"
                        + " t.points, t.balance from totals t join member m on m.id = t.member_id"
                        + " join merchant mc on mc.id = t.merchant_id order by t.merchant_id, t.member_id").stream()
                .map(r -> new Expired(Rows.longValue(r, "member_id"), Rows.longValue(r, "merchant_id"),
                        Rows.string(r, "code"), Rows.string(r, "external_id"), Rows.longValue(r, "lots"),
                        Rows.longValue(r, "points"), Rows.longValue(r, "balance")))
                .toList();
        expired.stream().collect(Collectors.groupingBy(Expired::merchantId)).forEach((merchant, list) ->
                outbox.emit(merchant, list.get(0).merchantCode(), list.stream().<DomainEvent>map(e ->
                        new DomainEvent.PointsExpired(e.memberId(), e.externalId(), e.points(), e.balance())).toList()));
        return expired;
    }
}
