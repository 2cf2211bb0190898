package io.jifen.examples;

import io.jifen.engine.compile.RuleFile;
import io.jifen.engine.compile.RuleSet;
import io.jifen.engine.scenario.Suite;
import io.jifen.engine.scenario.SuiteReader;
import io.jifen.rules.ReferenceProgram;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An example merchant shipped with Jifen: its settings (the API's merchant request, as YAML), its
 * rule set, its regression suites (each with the name it is stored under), the campaigns its rules
 * name and its points-mall catalog (the API's campaign and item requests, as YAML). Loaded from the
 * classpath, so the service can seed it from the jar. A folder inside a jar cannot be listed, so each
 * merchant's files are named here; {@code ExampleMerchantFilesTest} fails when a file is added to a
 * folder without being added to these lists.
 */
public record ExampleMerchant(String code, String programName, String settingsYaml, RuleSet ruleSet,
                             List<SuiteText> suiteTexts, String campaignsYaml, String catalogYaml) {

    public static final String SUPERMARKET_FOLDER = "io/jifen/examples/supermarket/";
    public static final String ONLINE_SHOP_FOLDER = "io/jifen/examples/online-shop/";
    public static final String ONLINE_EDUCATION_FOLDER = "io/jifen/examples/online-education/";

    /** Fresh Harbour's own suites, on top of the reference program's. */
    public static final List<String> SUPERMARKET_SUITES = List.of("first-week.yaml");

    /** Lumen Lane's rule files: header-less DSLR, DRL, an XLS and an XLSX decision table. */
    public static final List<String> ONLINE_SHOP_RULES = List.of(
            "earning.dslr",            // base rate, tier and Double 12 multipliers, the cap (DSLR, no header)
            "category-ratios.xls",     // points per dollar by category, excluded categories (XLS)
            "membership.drl",          // MEMBER / PLUS / PREMIER (DRL)
            "mall-price-list.xlsx",    // tier prices and points-plus-cash offers (XLSX, two tables)
            "mall.drl");               // the Double 12 sale, the lucky draw's price (DRL)
    public static final List<String> ONLINE_SHOP_SUITES = List.of("earning.yaml", "tiers.yaml", "mall.yaml");

    /** Bright Path Academy's rule files: Chinese DSLR, English DSLR with its header, two CSV tables. */
    public static final List<String> ONLINE_EDUCATION_RULES = List.of(
            "tasks.dslr",              // lesson, homework, invite, share, the winter challenge (Chinese DSLR)
            "membership.dslr",         // course-purchase base rate, SCHOLAR multiplier, tiers (English DSLR, full header)
            "course-earning.csv",      // per-category factors and exclusions of course purchases (CSV)
            "study-streak.csv",        // streak milestones on LESSON_COMPLETED (CSV)
            "mall-pricing.dslr");      // voucher prices, SCHOLAR discount, points plus cash (Chinese DSLR)
    public static final List<String> ONLINE_EDUCATION_SUITES = List.of("tasks.yaml", "courses.yaml",
            "study-streak.yaml", "mall.yaml");

    /** A suite as QA wrote it, with the name the service stores it under. */
    public record SuiteText(String name, String text) {
        public Suite suite() {
            try {
                return SuiteReader.read(name + ".yaml", text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Every suite, parsed. */
    public List<Suite> suites() {
        return suiteTexts.stream().map(SuiteText::suite).toList();
    }

    /** The three example merchants, in the order the service seeds them. */
    public static List<ExampleMerchant> all() {
        return List.of(supermarket(), onlineShop(), onlineEducation());
    }

    /** Fresh Harbour, a Shanghai supermarket on the reference program (rules/). */
    public static ExampleMerchant supermarket() {
        List<SuiteText> suites = new ArrayList<>();
        for (String file : ReferenceProgram.SUITES) {
            suites.add(new SuiteText(nameOf(file), ReferenceProgram.suiteText(file)));
        }
        for (String file : SUPERMARKET_SUITES) {
            suites.add(new SuiteText(nameOf(file), text(SUPERMARKET_FOLDER + "suites/" + file)));
        }
        return new ExampleMerchant("fresh-harbour", "reference program", text(SUPERMARKET_FOLDER + "merchant.yaml"),
                ReferenceProgram.ruleSet(), List.copyOf(suites), text(SUPERMARKET_FOLDER + "campaigns.yaml"),
                text(SUPERMARKET_FOLDER + "catalog.yaml"));
    }

    /** Lumen Lane, an online home-and-lifestyle shop in Singapore (SGD). */
    public static ExampleMerchant onlineShop() {
        return fromFolder("lumen-lane", "Lumen Lane program", ONLINE_SHOP_FOLDER, ONLINE_SHOP_RULES, ONLINE_SHOP_SUITES);
    }

    /** Bright Path Academy, an online-education platform in Shanghai (CNY). */
    public static ExampleMerchant onlineEducation() {
        return fromFolder("bright-path", "Bright Path Academy program", ONLINE_EDUCATION_FOLDER, ONLINE_EDUCATION_RULES,
                ONLINE_EDUCATION_SUITES);
    }

    private static ExampleMerchant fromFolder(String code, String programName, String folder, List<String> rules,
                                              List<String> suites) {
        RuleSet ruleSet = new RuleSet(rules.stream().map(f -> new RuleFile(f, bytes(folder + "rules/" + f))).toList());
        List<SuiteText> texts = suites.stream().map(f -> new SuiteText(nameOf(f), text(folder + "suites/" + f))).toList();
        return new ExampleMerchant(code, programName, text(folder + "merchant.yaml"), ruleSet, texts,
                text(folder + "campaigns.yaml"), text(folder + "catalog.yaml"));
    }

    private static String nameOf(String file) {
        return file.substring(0, file.lastIndexOf('.'));
    }

    private static String text(String resource) {
        return new String(bytes(resource), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = ExampleMerchant.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
