package io.jifen.engine.facts;

import java.util.Objects;

/** A member asking what an item costs them now. Pricing rules match this fact. */
public final class QuoteRequest {
    private final CatalogItem item;
    private final Member member;

    public QuoteRequest(CatalogItem item, Member member) {
        this.item = Objects.requireNonNull(item, "item");
        this.member = Objects.requireNonNull(member, "member");
    }

    public CatalogItem getItem() { return item; }
    public Member getMember() { return member; }

    @Override
    public String toString() {
        return "QuoteRequest[" + item.getSku() + " for " + member.getId() + "]";
    }
}
