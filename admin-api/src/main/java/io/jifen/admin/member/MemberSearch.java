package io.jifen.admin.member;

import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.shared.Cursor;
import io.jifen.admin.shared.Page;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * The merchant's members by id, a page at a time, optionally only those whose id starts with a prefix,
 * in a tier, or in a status. Pages follow the members' ids (the unique index on merchant and id), so
 * a filter narrows a page without slowing the walk.
 */
@ApplicationScoped
public class MemberSearch {

    public Page<MemberModels.MemberView> find(Merchant merchant, String idPrefix, String tier, MemberStatus status,
                                              int limit, String cursor) {
        StringBuilder where = new StringBuilder("merchantId = ?1");
        List<Object> values = new ArrayList<>(List.of(merchant.id));
        String after = Cursor.decode(cursor);
        if (after != null) {
            values.add(after);
            where.append(" and externalId > ?").append(values.size());
        }
        if (idPrefix != null && !idPrefix.isEmpty()) {
            // `_` is a member id character and a LIKE wildcard: escaped, as are `%` and the escape itself
            values.add(idPrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            where.append(" and externalId like ?").append(values.size()).append(" escape '\\'");
        }
        if (tier != null && !tier.isEmpty()) {
            values.add(tier);
            where.append(" and tier = ?").append(values.size());
        }
        if (status != null) {
            values.add(status);
            where.append(" and status = ?").append(values.size());
        }
        List<LoyaltyMember> rows = LoyaltyMember.<LoyaltyMember>find(where + " order by externalId", values.toArray())
                .range(0, limit).list();
        return Page.of(rows, limit, m -> m.externalId).map(MemberModels.MemberView::of);
    }
}
