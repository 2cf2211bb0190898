package io.jifen.admin.redemption.catalog;


import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jifen.admin.merchant.LedgerPolicy;
import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.problem.Problem;
import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.problem.ProblemType;
import io.jifen.admin.security.AuditLog;
import io.jifen.admin.security.CallerContext;
import io.jifen.admin.shared.Cursor;
import io.jifen.admin.shared.JsonText;
import io.jifen.admin.shared.Page;
import io.jifen.admin.shared.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Marketing's side of the mall: items, their stock, code pools and lottery prizes; every change audited. */
@ApplicationScoped
public class CatalogService {
    private static final TypeReference<Map<String, String>> ATTRIBUTES = new TypeReference<>() {
    };

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    AuditLog audit;

    @Inject
    CallerContext callerContext;

    @Inject
    CodeGenerator generator;

    @Inject
    Clock clock;

    @Transactional
    public CatalogModels.ItemView create(Merchant merchant, CatalogModels.ItemRequest r) {
        return createAs(callerContext.caller().keyId(), merchant, r);
    }

    /** As {@link #create}, audited as {@code actorKeyId} (the example seeding has no caller). */
    @Transactional
    public CatalogModels.ItemView createAs(String actorKeyId, Merchant merchant, CatalogModels.ItemRequest r) {
        if (r.sku() == null) {
            throw ProblemException.invalidField("sku", "must not be null");
        }
        validate(merchant, r);
        // two creates of one sku at once: the second waits here and then sees the first
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(cast(?1 as integer), hashtext(?2))) locked")
                .setParameter(1, (int) (long) merchant.id).setParameter(2, r.sku()).getSingleResult();
        if (MallItem.of(merchant.id, r.sku()).isPresent()) {
            throw ProblemException.of(ProblemType.ITEM_EXISTS, "item `" + r.sku() + "` already exists; change it with PUT");
        }
        if (typeOf(r) == ItemType.LOTTERY && (r.prizes() == null || r.prizes().isEmpty())) {
            throw ProblemException.invalidField("prizes", "a LOTTERY item needs at least one prize");
        }
        MallItem item = new MallItem();
        item.merchantId = merchant.id;
        item.sku = r.sku();
        item.stock = r.stock();
        item.createdAt = clock.instant();
        apply(item, r);
        item.persist();
        em.flush();
        replacePrizes(item, r.prizes());
        audit.recordAs(actorKeyId, merchant.id, "mall.item.created", "mall-item/" + item.sku, summary(item));
        return view(item);
    }

    @Transactional
    public CatalogModels.ItemView update(Merchant merchant, String sku, CatalogModels.ItemRequest r) {
        if (r.sku() != null && !r.sku().equals(sku)) {
            throw ProblemException.invalidField("sku", "must be the sku of the path (`" + sku + "`) or left out");
        }
        validate(merchant, r);
        MallItem item = require(merchant, sku);
        if (item.type != typeOf(r)) {
            throw ProblemException.invalidField("type", "cannot change (was " + item.type + "): create another item");
        }
        apply(item, r);
        em.flush();
        if (r.prizes() != null && item.type == ItemType.LOTTERY) { // others' were refused unless empty
            if (r.prizes().isEmpty()) {
                throw ProblemException.invalidField("prizes", "a LOTTERY item needs at least one prize");
            }
            replacePrizes(item, r.prizes());
        }
        audit.record(merchant.id, "mall.item.updated", "mall-item/" + sku, summary(item));
        return view(item);
    }

    @Transactional
    public CatalogModels.ItemView get(Merchant merchant, String sku) {
        return view(require(merchant, sku));
    }

    @Transactional
    public Page<CatalogModels.ItemView> list(Merchant merchant, int limit, String cursor) {
        String after = Cursor.decode(cursor);
        List<MallItem> items = MallItem.<MallItem>find("merchantId = ?1 and sku > ?2 order by sku", merchant.id,
                after == null ? "" : after).range(0, limit).list();
        return Page.of(items, limit, i -> i.sku).map(this::view);
    }

    /** Adds or removes stock by a difference, atomically against concurrent redemptions. */
    @Transactional
    public CatalogModels.StockView changeStock(Merchant merchant, String sku, CatalogModels.StockChange r) {
        MallItem item = require(merchant, sku);
        if (item.stock == null) {
            throw ProblemException.of(ProblemType.STOCK_UNLIMITED, "item `" + sku + "` has unlimited stock");
        }
        List<?> after = em.createNativeQuery("update mall_item set stock = stock + ?2, updated_at = now()"
                        + " where id = ?1 and stock + ?2 >= 0 returning stock")
                .setParameter(1, item.id).setParameter(2, r.change()).setFlushMode(FlushModeType.COMMIT).getResultList();
        if (after.isEmpty()) {
            throw ProblemException.of(ProblemType.INSUFFICIENT_STOCK, "item `" + sku + "` has fewer than "
                    + -r.change() + " units in stock to remove");
        }
        long stock = ((Number) after.get(0)).longValue();
        audit.record(merchant.id, "mall.stock.changed", "mall-item/" + sku,
                "change " + r.change() + ", now " + stock + (r.reason() == null ? "" : ": " + r.reason()));
        return new CatalogModels.StockView(sku, stock);
    }

    /** Adds codes to an item's pool; a code already there (free, issued or voided) is skipped, so it is never issued twice. */
    @Transactional
    public CatalogModels.CodesResult addCodes(Merchant merchant, String sku, List<String> codes, Integer generate) {
        MallItem item = require(merchant, sku);
        if (!item.type.takesCodeSource() || item.generatesCodes()) {
            throw ProblemException.of(ProblemType.NO_CODE_POOL, "item `" + sku + "` (" + item.type
                    + (item.generatesCodes() ? ", codes generated at issue" : "") + ") has no code pool");
        }
        List<String> all = new ArrayList<>(new LinkedHashSet<>(codes == null ? List.of() : codes.stream()
                .map(String::strip).filter(c -> !c.isEmpty()).toList()));
        if (generate != null) {
            for (int i = 0; i < generate; i++) {
                all.add(generator.next(""));
            }
        }
        if (all.isEmpty()) {
            throw ProblemException.invalidField(codes == null ? "generate" : "codes", "no code to add");
        }
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).length() > 200) {
                throw ProblemException.invalidField("codes[" + i + "]", "must be at most 200 characters");
            }
        }
        int added = 0;
        for (int from = 0; from < all.size(); from += 1000) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 1000));
            // a code any item of the merchant already has is a duplicate: each code is issued once per merchant
            added += em.createNativeQuery("insert into mall_code (merchant_id, item_id, code)"
                            + " select ?3, ?1, c from unnest(cast(?2 as text[])) c on conflict do nothing")
                    .setParameter(1, item.id).setParameter(2, chunk.toArray(String[]::new)).setParameter(3, merchant.id)
                    .setFlushMode(FlushModeType.COMMIT).executeUpdate();
        }
        audit.record(merchant.id, "mall.codes.added", "mall-item/" + sku, added + " codes added"
                + (generate != null ? " (" + generate + " generated)" : ""));
        return new CatalogModels.CodesResult(sku, added, all.size() - added, codesAvailable(item.id));
    }

    /** The most codes one upload may add, as for JSON lists and generated codes. */
    static final int MAX_CODES_PER_UPLOAD = 100_000;

    /**
     * Reads a CSV of codes: the first column of each line; a first line `code` is a header. A UTF-8
     * byte order mark (Excel's "CSV UTF-8") is dropped; quoted fields with commas are not supported.
     */
    public static List<String> csvCodes(String csv) {
        List<String> codes = new ArrayList<>();
        String[] lines = (csv.startsWith("\uFEFF") ? csv.substring(1) : csv).split("\\r?\\n");
        if (lines.length > MAX_CODES_PER_UPLOAD + 1) {
            throw ProblemException.invalidField("codes", "holds " + lines.length + " lines; upload at most "
                    + MAX_CODES_PER_UPLOAD + " codes at once");
        }
        for (int i = 0; i < lines.length; i++) {
            String first = lines[i].split(",", 2)[0].strip();
            if (first.startsWith("\"") && first.endsWith("\"") && first.length() >= 2) {
                first = first.substring(1, first.length() - 1);
            }
            if (i == 0 && first.equalsIgnoreCase("code")) {
                continue;
            }
            if (!first.isEmpty()) {
                codes.add(first);
            }
        }
        return codes;
    }

    public static MallItem require(Merchant merchant, String sku) {
        return MallItem.of(merchant.id, sku).orElseThrow(() -> ProblemException.notFound("item `" + sku + "`"));
    }

    private void validate(Merchant merchant, CatalogModels.ItemRequest r) {
        List<Problem.FieldError> errors = new ArrayList<>();
        int decimals = Currency.getInstance(merchant.currency).getDefaultFractionDigits();
        if (r.cashPrice() != null && r.cashPrice().stripTrailingZeros().scale() > decimals) {
            errors.add(Problem.FieldError.field("cashPrice", "must have at most " + decimals + " decimals (" + merchant.currency + ")"));
        }
        if (r.availableFrom() != null && r.availableUntil() != null && !r.availableUntil().isAfter(r.availableFrom())) {
            errors.add(Problem.FieldError.field("availableUntil", "must be after availableFrom"));
        }
        if (r.codeSource() != null && !typeOf(r).takesCodeSource()) {
            errors.add(Problem.FieldError.field("codeSource", "applies to VIRTUAL and COUPON items only"));
        }
        List<String> tierOrder = LedgerPolicy.of(merchant).tierOrder();
        if (r.tiersAllowed() != null) {
            for (int i = 0; i < r.tiersAllowed().size(); i++) {
                if (!tierOrder.isEmpty() && !tierOrder.contains(r.tiersAllowed().get(i))) {
                    errors.add(Problem.FieldError.field("tiersAllowed[" + i + "]", "is not one of the merchant's tiers "
                            + tierOrder));
                }
            }
        }
        if (r.prizes() != null) {
            // an empty list is no prize (generated clients send [] for a list left unset)
            if (typeOf(r) != ItemType.LOTTERY && !r.prizes().isEmpty()) {
                errors.add(Problem.FieldError.field("prizes", "apply to LOTTERY items only"));
            } else {
                BigDecimal sum = BigDecimal.ZERO;
                for (int i = 0; i < r.prizes().size(); i++) {
                    BigDecimal p = r.prizes().get(i).probability();
                    if (p != null && p.stripTrailingZeros().scale() > 6) {
                        errors.add(Problem.FieldError.field("prizes[" + i + "].probability", "must have at most 6 decimals"));
                    }
                    sum = sum.add(p == null ? BigDecimal.ZERO : p);
                }
                if (sum.compareTo(BigDecimal.ONE) > 0) {
                    errors.add(Problem.FieldError.field("prizes", "probabilities add up to " + sum.toPlainString()
                            + ", more than 1"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors.stream().map(e -> e.field() + " " + e.message())
                    .reduce((a, b) -> a + "; " + b).orElseThrow(), errors);
        }
    }

    private void apply(MallItem item, CatalogModels.ItemRequest r) {
        item.name = r.name();
        item.description = r.description() == null ? "" : r.description();
        item.imageUrl = r.imageUrl();
        item.type = typeOf(r);
        item.category = r.category() == null ? "" : r.category();
        item.basePoints = r.basePoints();
        item.cashPrice = r.cashPrice();
        item.perMemberLimit = r.perMemberLimit();
        item.tiersAllowed = r.tiersAllowed() == null ? "" : String.join(",", new LinkedHashSet<>(r.tiersAllowed()));
        item.availableFrom = r.availableFrom();
        item.availableUntil = r.availableUntil();
        item.active = r.active() == null || r.active();
        item.attributes = JsonText.write(json, r.attributes() == null ? Map.of() : new TreeMap<>(r.attributes()));
        item.codeSource = typeOf(r).takesCodeSource()
                ? (r.codeSource() == null ? CodeSource.POOL : CodeSource.valueOf(r.codeSource())) : null;
        item.updatedAt = clock.instant();
    }

    /**
     * Sets the item's prizes: those named by id keep their row and stock (name, probability and order
     * may change); active prizes not listed are retired (draws keep referring to them); prizes without
     * an id are added with their stock. So an edit built on a stale read cannot re-award a prize won
     * meanwhile.
     */
    private void replacePrizes(MallItem item, List<CatalogModels.PrizeRequest> prizes) {
        if (prizes == null) {
            return;
        }
        Instant now = clock.instant();
        Map<Long, Long> stockById = new HashMap<>();
        for (Tuple a : Rows.tuples(em.createNativeQuery("select id, stock from lottery_prize where item_id = ?1"
                + " and retired_at is null for update", Tuple.class).setParameter(1, item.id))) {
            stockById.put(Rows.longValue(a, "id"), Rows.nullableLong(a, "stock"));
        }
        List<Long> kept = new ArrayList<>();
        for (int i = 0; i < prizes.size(); i++) {
            CatalogModels.PrizeRequest p = prizes.get(i);
            if (p.id() != null) {
                if (!stockById.containsKey(p.id())) {
                    throw ProblemException.invalidField("prizes[" + i + "].id", "is not a current prize of item `"
                            + item.sku + "`");
                }
                if (p.stock() != null && !p.stock().equals(stockById.get(p.id()))) {
                    throw ProblemException.invalidField("prizes[" + i + "].stock", "of an existing prize changes only"
                            + " through POST …/prizes/" + p.id() + "/stock (it is " + stockById.get(p.id()) + " now)");
                }
                kept.add(p.id());
            }
        }
        for (Long id : stockById.keySet()) {
            if (!kept.contains(id)) {
                em.createNativeQuery("update lottery_prize set retired_at = ?2 where id = ?1")
                        .setParameter(1, id).setParameter(2, now).executeUpdate();
            }
        }
        for (int i = 0; i < prizes.size(); i++) {
            CatalogModels.PrizeRequest p = prizes.get(i);
            if (p.id() != null) {
                em.createNativeQuery("update lottery_prize set position = ?2, name = ?3, probability = ?4 where id = ?1")
                        .setParameter(1, p.id()).setParameter(2, i).setParameter(3, p.name())
                        .setParameter(4, p.probability()).executeUpdate();
            } else {
                em.createNativeQuery("insert into lottery_prize (item_id, position, name, probability, stock)"
                                + " values (?1, ?2, ?3, ?4, cast(?5 as bigint))")
                        .setParameter(1, item.id).setParameter(2, i).setParameter(3, p.name())
                        .setParameter(4, p.probability()).setParameter(5, p.stock()).executeUpdate();
            }
        }
    }

    /** Adds or removes units of a prize's stock, by difference, never below zero. */
    @Transactional
    public CatalogModels.PrizeStockView changePrizeStock(Merchant merchant, String sku, long prizeId,
                                                         CatalogModels.StockChange r) {
        MallItem item = require(merchant, sku);
        List<?> after = em.createNativeQuery("update lottery_prize set stock = stock + ?3 where id = ?1 and item_id = ?2"
                        + " and retired_at is null and stock is not null and stock + ?3 >= 0 returning stock")
                .setParameter(1, prizeId).setParameter(2, item.id).setParameter(3, r.change())
                .setFlushMode(FlushModeType.COMMIT).getResultList();
        if (after.isEmpty()) {
            Tuple prize = (Tuple) em.createNativeQuery("select count(*) as prizes, count(stock) as limited from lottery_prize"
                            + " where id = ?1 and item_id = ?2 and retired_at is null", Tuple.class)
                    .setParameter(1, prizeId).setParameter(2, item.id).getSingleResult();
            if (Rows.longValue(prize, "prizes") == 0) {
                throw ProblemException.notFound("prize " + prizeId + " of item `" + sku + "`");
            }
            if (Rows.longValue(prize, "limited") == 0) {
                throw ProblemException.of(ProblemType.STOCK_UNLIMITED, "prize " + prizeId + " has unlimited stock");
            }
            throw ProblemException.of(ProblemType.INSUFFICIENT_STOCK, "prize " + prizeId + " has fewer than " + -r.change()
                    + " units to remove");
        }
        long stock = ((Number) after.get(0)).longValue();
        audit.record(merchant.id, "mall.prize-stock.changed", "mall-item/" + sku + "/prize/" + prizeId,
                "change " + r.change() + ", now " + stock + (r.reason() == null ? "" : ": " + r.reason()));
        return new CatalogModels.PrizeStockView(sku, prizeId, stock);
    }

    public CatalogModels.ItemView view(MallItem item) {
        // stock moves by SQL, not through the entity: read the row's value
        Object stock = em.createNativeQuery("select stock from mall_item where id = ?1").setParameter(1, item.id)
                .getSingleResult();
        Long codes = item.codeSource == CodeSource.POOL ? codesAvailable(item.id) : null;
        List<CatalogModels.PrizeView> prizes = item.type == ItemType.LOTTERY ? prizes(item.id) : null;
        return new CatalogModels.ItemView(item.sku, item.name, item.description, item.imageUrl, item.type, item.category,
                item.basePoints, item.cashPrice, stock == null ? null : ((Number) stock).longValue(), stock == null,
                item.perMemberLimit, item.tiers(), item.availableFrom, item.availableUntil, item.active,
                attributes(item), item.codeSource, codes, prizes, item.createdAt, item.updatedAt);
    }

    public Map<String, String> attributes(MallItem item) {
        return JsonText.read(json, item.attributes == null ? "{}" : item.attributes, ATTRIBUTES);
    }

    private long codesAvailable(long itemId) {
        return ((Number) em.createNativeQuery("select count(*) from mall_code where item_id = ?1"
                + " and order_id is null and voided_at is null").setParameter(1, itemId)
                .setFlushMode(FlushModeType.COMMIT).getSingleResult()).longValue();
    }

    private List<CatalogModels.PrizeView> prizes(long itemId) {
        List<Tuple> rows = Rows.tuples(em.createNativeQuery("select id, name, probability, stock from lottery_prize"
                + " where item_id = ?1 and retired_at is null order by position", Tuple.class).setParameter(1, itemId));
        return rows.stream().map(r -> new CatalogModels.PrizeView(Rows.longValue(r, "id"), Rows.string(r, "name"),
                Rows.decimal(r, "probability").stripTrailingZeros(), Rows.nullableLong(r, "stock"))).toList();
    }

    /** The request's type; its pattern was checked on the way in. */
    private static ItemType typeOf(CatalogModels.ItemRequest r) {
        return ItemType.valueOf(r.type());
    }

    private static String summary(MallItem item) {
        return item.type + " " + item.name + ", " + item.basePoints + " points"
                + (item.cashPrice == null ? "" : " + " + item.cashPrice.toPlainString())
                + (item.active ? "" : ", inactive");
    }
}
