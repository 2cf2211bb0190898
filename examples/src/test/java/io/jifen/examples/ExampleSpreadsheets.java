package io.jifen.examples;

import io.jifen.rules.DecisionTableSheet;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the example merchants' spreadsheet decision tables with Apache POI, so the binary files in
 * {@code src/main/resources} have a readable, reviewable source: Lumen Lane's category ratios (an old
 * Excel {@code .xls} workbook, as its buying team keeps it) and its mall price list ({@code .xlsx}).
 * After editing a table below, regenerate and commit the files:
 * <pre>
 *   ./mvnw -B -q -pl examples -am test -Dtest=ExampleSpreadsheetsTest -Djifen.regenerateSpreadsheets=true -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * (the run that writes them still compares the copies the build took before; run it again to check the new
 * files). {@code ExampleSpreadsheetsTest} fails when a committed workbook no longer compiles to the DRL of
 * this generator's output.
 */
public final class ExampleSpreadsheets {
    public static final String LUMEN_LANE_CATEGORY_RATIOS = ExampleMerchant.ONLINE_SHOP_FOLDER + "rules/category-ratios.xls";
    public static final String LUMEN_LANE_PRICE_LIST = ExampleMerchant.ONLINE_SHOP_FOLDER + "rules/mall-price-list.xlsx";

    private static final String LUMEN_LANE_PACKAGE = "io.jifen.examples.lumenlane";

    private ExampleSpreadsheets() {
    }

    /** Writes every workbook under the given resources folder. */
    public static void writeAll(Path resources) throws IOException {
        write(resources.resolve(LUMEN_LANE_CATEGORY_RATIOS), categoryRatios().toBytes(new HSSFWorkbook()));
        write(resources.resolve(LUMEN_LANE_PRICE_LIST), priceList().toBytes(new XSSFWorkbook()));
    }

    private static void write(Path target, byte[] content) throws IOException {
        Files.createDirectories(target.getParent());
        Files.write(target, content);
    }

    /** Lumen Lane's points per dollar by category, and the categories that earn nothing. */
    public static DecisionTableSheet categoryRatios() {
        DecisionTableSheet t = table("Category ratios");
        t.header("Points per Singapore dollar by category (phase base). Every eligible dollar earns 1 point "
                + "(earning.dslr); a line in a category below earns RATIO times that: the rule adds (RATIO - 1) points "
                + "per dollar as a CATEGORY award. A category not listed earns 1 point per dollar. A row with a reason "
                + "in the last column takes its lines out of eligible spend: they earn nothing. "
                + "A reason must not contain a comma: the ratio cell is split at commas.");
        t.row("RuleTable Category ratios");
        t.row("NAME", "RULEFLOW-GROUP", "CONDITION", "ACTION", "ACTION");
        t.row("", "", "$line : LineItem", "", "");
        t.row("", "", "category == \"$param\"", "actions.lineMultiplier($line, $1, \"$2\");",
                "actions.excludeLine($line, \"$param\");");
        t.row("Rule", "Phase", "Category", "Ratio (points per dollar), reason", "Earns nothing, because");
        t.row("fashion earns 3 points per dollar", "base", "fashion", "3, fashion carries the best margin", "");
        t.row("home goods earn 2 points per dollar", "base", "home", "2, home goods carry a good margin", "");
        t.row("beauty earns 2 points per dollar", "base", "beauty", "2, beauty carries a good margin", "");
        t.row("electronics earn half a point per dollar", "base", "electronics",
                "0.5, electronics carry a thin margin", "");
        t.row("gift cards earn nothing", "base", "gift-card", "", "gift cards earn points when they are spent");
        t.row("delivery fees earn nothing", "base", "shipping", "", "delivery fees earn no points");
        return t;
    }

    /** Lumen Lane's mall price list: what each tier pays for an item, and fixed points-plus-cash offers. */
    public static DecisionTableSheet priceList() {
        DecisionTableSheet t = table("Mall price list");
        t.header("The points mall's price list (phases price and payment). An item's catalog price is what a "
                + "MEMBER pays; a row below sets the list price for one tier (the lowest list price wins), and "
                + "discounts such as the Double 12 sale (mall.drl) then apply to it. A points-plus-cash offer is an "
                + "alternative the member may choose, at a fixed price: discounts do not change it. "
                + "Reasons must not contain commas: the cells are split at commas.");
        t.row("RuleTable Tier prices");
        t.row("NAME", "RULEFLOW-GROUP", "CONDITION", "CONDITION", "ACTION");
        int pattern = t.row("", "", "QuoteRequest", "", "");
        t.merge(pattern, 2, 3);
        t.row("", "", "item.sku == \"$param\"", "member.tier == \"$param\"", "actions.listPrice($1, \"$2\");");
        t.row("Rule", "Phase", "Item (sku)", "Tier", "List price (points), reason");
        t.row("Aurora desk lamp for PLUS members: 4500 points", "price", "LAMP-AURORA", "PLUS",
                "4500, PLUS members pay 4500 points for the Aurora desk lamp");
        t.row("Aurora desk lamp for PREMIER members: 4000 points", "price", "LAMP-AURORA", "PREMIER",
                "4000, PREMIER members pay 4000 points for the Aurora desk lamp");
        t.row("mini speaker for PLUS members: 7200 points", "price", "SPEAKER-MINI", "PLUS",
                "7200, PLUS members pay 7200 points for the mini speaker");
        t.row("mini speaker for PREMIER members: 6400 points", "price", "SPEAKER-MINI", "PREMIER",
                "6400, PREMIER members pay 6400 points for the mini speaker");
        t.row("10-dollar voucher for PLUS members: 950 points", "price", "VOUCHER-10", "PLUS",
                "950, PLUS members pay 950 points for a 10-dollar voucher");
        t.row("10-dollar voucher for PREMIER members: 900 points", "price", "VOUCHER-10", "PREMIER",
                "900, PREMIER members pay 900 points for a 10-dollar voucher");
        t.row();
        t.row("RuleTable Points plus cash offers");
        t.row("NAME", "RULEFLOW-GROUP", "CONDITION", "ACTION");
        t.row("", "", "QuoteRequest", "");
        t.row("", "", "item.sku == \"$param\"", "actions.pointsPlusCash($1, new BigDecimal(\"$2\"), \"$3\");");
        t.row("Rule", "Phase", "Item (sku)", "Points, cash (dollars), reason");
        t.row("mini speaker: or 3000 points plus 39 dollars", "payment", "SPEAKER-MINI",
                "3000, 39.00, keep points for later: pay 3000 points and 39 dollars");
        t.row("Aurora desk lamp: or 2000 points plus 25 dollars", "payment", "LAMP-AURORA",
                "2000, 25.00, keep points for later: pay 2000 points and 25 dollars");
        return t;
    }

    private static DecisionTableSheet table(String sheet) {
        return new DecisionTableSheet(sheet, LUMEN_LANE_PACKAGE, "io.jifen.engine.facts.*, java.math.BigDecimal");
    }
}
