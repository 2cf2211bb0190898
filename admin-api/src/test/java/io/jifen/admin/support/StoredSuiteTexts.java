package io.jifen.admin.support;

/** Suite texts the API and browser tests store for a merchant on the reference program. */
public final class StoredSuiteTexts {
    /** One scenario stating the reference program's doubled member-day points: it fails on a version that triples them. */
    public static final String MEMBER_DAY = """
            suite: member day
            zone: Asia/Shanghai
            scenarios:
              - name: a 120-yuan basket on member day earns 240 points
                when:
                  purchase: {at: "2026-03-10T12:00", lines: [{sku: RICE-5KG, category: grocery, quantity: 2, unitPrice: 60.00}]}
                then: {totalPoints: 240}
            """;

    private StoredSuiteTexts() {
    }
}
