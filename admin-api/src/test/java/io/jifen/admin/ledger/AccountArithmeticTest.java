package io.jifen.admin.ledger;

import io.jifen.admin.member.MemberStatus;
import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.problem.ProblemType;
import io.jifen.engine.evaluation.Award;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The account's balance arithmetic, computed once for every writer: plain values, no database. */
class AccountArithmeticTest {
    private static Account account(long balance, long pending) {
        return Account.ofLockedMember(7, 1, "ann", MemberStatus.ACTIVE, "REGULAR", balance, pending);
    }

    @Test
    void eachEntryCarriesTheBalanceItLeavesSoTheStatementChains() {
        Account account = account(100, 0);

        account.add(EntryKind.EARN, Bucket.AVAILABLE, 40, Account.Cause.of(1L, "purchase"));
        account.add(EntryKind.DEBIT, Bucket.AVAILABLE, -25, Account.Cause.of(2L, "redemption"));

        assertThat(account.entries).extracting(Account.Entry::balanceAfter).containsExactly(140L, 115L);
        assertThat(account.balance()).isEqualTo(115);
        assertThat(account.balanceBefore()).isEqualTo(100);
    }

    @Test
    void pendingPointsMoveTheirOwnTotalNotTheBalance() {
        Account account = account(50, 10);

        account.add(EntryKind.EARN, Bucket.PENDING, 30, Account.Cause.of(1L, "held purchase"));

        assertThat(account.pending()).isEqualTo(40);
        assertThat(account.balance()).isEqualTo(50);
        assertThat(account.entries.get(0).balanceAfter()).as("a PENDING entry chains the pending total").isEqualTo(40);
    }

    @Test
    void aBalanceThatWouldOverflowFailsTheOperationInsteadOfWrapping() {
        Account account = account(Long.MAX_VALUE - 5, 0);

        assertThatThrownBy(() -> account.add(EntryKind.ADJUST, Bucket.AVAILABLE, 6, Account.Cause.of(1L, "too much")))
                .isInstanceOf(ArithmeticException.class);
        assertThat(account.balance()).as("nothing moved").isEqualTo(Long.MAX_VALUE - 5);
        assertThat(account.entries).isEmpty();
    }

    @Test
    void aPostingsAwardsBecomeOneEntryEachZeroAwardsNoneAndHeldOnesArePending() {
        Account held = account(0, 0);
        held.earn(List.of(new Award("base", null, "BASE", 120, "1 point a yuan"),
                new Award("nothing", null, "BONUS", 0, "below the threshold"),
                new Award("policy: daily earning cap", null, "CAP", -20, "over the cap")), true, 3);

        assertThat(held.entries).extracting(Account.Entry::points).containsExactly(120L, -20L);
        assertThat(held.entries).allSatisfy(e -> assertThat(e.bucket()).isEqualTo(Bucket.PENDING));
        assertThat(held.pending()).isEqualTo(100);
        assertThat(held.entries.get(1).cause().ruleVersionId()).isEqualTo(3L);
        assertThat(held.entries.get(1).cause().rule()).isEqualTo("policy: daily earning cap");
    }

    @Test
    void incomingPointsPayANegativeBalanceFirst() {
        assertThat(account(-30, 0).debtPaidBy(100)).isEqualTo(30);
        assertThat(account(-30, 0).debtPaidBy(10)).isEqualTo(10);
        assertThat(account(5, 0).debtPaidBy(100)).isZero();
    }

    @Test
    void aNegativeBalanceLeavesNothingSpendable() {
        Account owing = account(-30, 0);

        assertThat(owing.spendable()).isZero();
        assertThatThrownBy(() -> owing.requireSpendable(1, "(points)")).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).is(ProblemType.INSUFFICIENT_POINTS)).isTrue())
                .hasMessageContaining("has 0 spendable points, 1 needed");
    }

    @Test
    void aFrozenMemberCannotSpend() {
        Account frozen = Account.ofLockedMember(7, 1, "ann", MemberStatus.FROZEN, "REGULAR", 500, 0);

        assertThatThrownBy(() -> frozen.requireNotFrozen("spend points")).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).is(ProblemType.MEMBER_FROZEN)).isTrue());
    }
}
