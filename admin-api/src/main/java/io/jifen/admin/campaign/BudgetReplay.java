package io.jifen.admin.campaign;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A campaign's total and daily budgets replayed over what one side of an impact simulation would charge
 * it. A replay goes member by member, so it cannot spend budgets that members share as it goes: it notes
 * each charge ({@link Charges}), and {@link #apply} spends the budgets afterwards in the order the
 * transactions occurred (their ids breaking ties), from what the campaign had been charged before the
 * simulated period began, trimming or refusing as a posting would. Plain arithmetic; the charges are
 * primitive arrays (a million charges take about 30 MB).
 */
public final class BudgetReplay {
    private BudgetReplay() {
    }

    /** The charges one side would make to campaigns with a total or daily budget, in the order they were noted. */
    public static final class Charges {
        private long[] ats = new long[64];
        private long[] ids = new long[64];
        private int[] days = new int[64];
        private String[] campaigns = new String[64];
        private long[] points = new long[64];
        private int size;

        /** A charge of {@code points} to {@code campaign} by transaction {@code id} at {@code at} (epoch nanos) on {@code day}. */
        public void add(long at, long id, LocalDate day, String campaign, long points) {
            if (size == ids.length) {
                int n = size * 2;
                ats = Arrays.copyOf(ats, n);
                ids = Arrays.copyOf(ids, n);
                days = Arrays.copyOf(days, n);
                campaigns = Arrays.copyOf(campaigns, n);
                this.points = Arrays.copyOf(this.points, n);
            }
            ats[size] = at;
            ids[size] = id;
            days[size] = (int) day.toEpochDay();
            campaigns[size] = campaign.intern();
            this.points[size] = points;
            size++;
        }

        public void addAll(Charges other) {
            for (int i = 0; i < other.size; i++) {
                add(other.ats[i], other.ids[i], LocalDate.ofEpochDay(other.days[i]), other.campaigns[i], other.points[i]);
            }
        }

        public int size() {
            return size;
        }
    }

    /** What the campaign had been charged before the simulated period: in all, and on the period's first day. */
    public record Before(long total, long firstDay) {
        public static final Before NOTHING = new Before(0, 0);
    }

    /**
     * What the budgets did to one side's charges to one campaign: {@code charged} before them,
     * {@code cutByTotal} and {@code cutByDay} (points the total or the daily budget took off),
     * {@code kept}; {@code exhaustedOn}: the merchant-local day the total ran out (null: it did not);
     * {@code daysCut}: days on which the daily budget cut; {@code transactionsCut}: awards trimmed or refused.
     */
    public record Side(long charged, long cutByTotal, long cutByDay, long kept, LocalDate exhaustedOn, int daysCut,
                       long transactionsCut) {
    }

    /** Spends {@code campaign}'s total and daily budgets on its charges in time order, from {@code before}. */
    public static Side apply(CampaignDefinition campaign, Before before, LocalDate firstDay, Charges charges) {
        Integer[] order = IntStream.range(0, charges.size).filter(i -> charges.campaigns[i].equals(campaign.code()))
                .boxed().toArray(Integer[]::new);
        Arrays.sort(order, (a, b) -> charges.ats[a] != charges.ats[b] ? Long.compare(charges.ats[a], charges.ats[b])
                : Long.compare(charges.ids[a], charges.ids[b]));
        long totalLeft = campaign.budgetTotal() == null ? Long.MAX_VALUE : Math.max(0, campaign.budgetTotal() - before.total());
        Map<Integer, Long> dayLeft = new HashMap<>();
        Set<Integer> daysCut = new HashSet<>();
        long charged = 0;
        long byTotal = 0;
        long byDay = 0;
        long cutTransactions = 0;
        LocalDate exhaustedOn = campaign.budgetTotal() != null && totalLeft == 0 ? firstDay : null;
        for (int i : order) {
            long points = charges.points[i];
            int day = charges.days[i];
            long today = campaign.budgetPerDay() == null ? Long.MAX_VALUE : dayLeft.computeIfAbsent(day,
                    d -> Math.max(0, campaign.budgetPerDay() - (d == firstDay.toEpochDay() ? before.firstDay() : 0)));
            long room = Math.min(totalLeft, today);
            long kept = points <= room ? points : campaign.whenExhausted() == WhenExhausted.REFUSE ? 0 : room;
            long cut = points - kept;
            charged += points;
            if (cut > 0) {
                cutTransactions++;
                // the budget that left less room is the one that cut
                if (totalLeft <= today) {
                    byTotal += cut;
                } else {
                    byDay += cut;
                    daysCut.add(day);
                }
            }
            if (totalLeft != Long.MAX_VALUE) {
                totalLeft -= kept;
                if (exhaustedOn == null && (totalLeft == 0 || cut > 0 && room == totalLeft)) {
                    exhaustedOn = LocalDate.ofEpochDay(day);
                }
            }
            if (today != Long.MAX_VALUE) {
                dayLeft.put(day, today - kept);
            }
        }
        return new Side(charged, byTotal, byDay, charged - byTotal - byDay, exhaustedOn, daysCut.size(), cutTransactions);
    }

    /** The campaigns of {@code definitions} whose budgets members share (a total or a daily budget), by code. */
    public static List<CampaignDefinition> shared(Map<String, CampaignDefinition> definitions) {
        List<CampaignDefinition> shared = new ArrayList<>();
        definitions.values().stream().filter(CampaignDefinition::shared).forEach(shared::add);
        return shared;
    }
}
