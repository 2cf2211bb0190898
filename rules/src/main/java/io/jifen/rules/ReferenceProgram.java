package io.jifen.rules;

import io.jifen.engine.compile.RuleFile;
import io.jifen.engine.compile.RuleSet;
import io.jifen.engine.compile.RuleSets;
import io.jifen.engine.scenario.Suite;
import io.jifen.engine.scenario.SuiteReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The reference program merchants start from: a supermarket (Asia/Shanghai, CNY) written in every
 * authoring form Jifen compiles, with the QA regression suites that gate it. Everything is read
 * from the classpath, so it works the same from this module's folder and from its jar. Files are
 * listed here by name because a folder inside a jar cannot be listed; {@code ReferenceProgramTest}
 * fails when a file is added to a folder without being added to these lists.
 */
public final class ReferenceProgram {
    /** Where the files live on the classpath. */
    public static final String RULES_FOLDER = "io/jifen/rules/reference/";
    public static final String VARIANTS_FOLDER = "io/jifen/rules/variants/";
    public static final String SUITES_FOLDER = "io/jifen/rules/suites/";
    public static final String CHINESE_FOLDER = "io/jifen/rules/reference-zh/";

    /** The rule files of the reference program, one rule family (or two) per file. */
    public static final List<String> RULE_FILES = List.of(
            "earning.drl",               // base rate, excluded categories, per-purchase cap (DRL)
            "category-rates.csv",        // per-category line multipliers (CSV decision table)
            "tier-multipliers.dslr",     // silver 1.5x, gold 2x (DSLR)
            "tier-qualification.dslr",   // REGULAR / SILVER / GOLD on qualifying spend (DSLR)
            "member-day.dslr",           // double points on the 10th (DSLR)
            "spend-threshold.xlsx",      // year-end campaign thresholds (XLSX decision table)
            "tasks.dslr",                // register, share, review ... (DSLR)
            "exchange-pricing.dslr");    // points-mall prices, discounts, points plus cash (DSLR)

    /** The tier-qualification family in the other authoring forms, with identical rule names. */
    public static final List<String> VARIANTS = List.of(
            "tier-qualification.drl", "tier-qualification.csv", "tier-qualification.xlsx");

    /** The rule file each variant stands in for. */
    public static final String VARIANT_REPLACES = "tier-qualification.dslr";

    /**
     * The DSLR files again in Simplified Chinese sentences (loyalty-zh.dsl), without the header the engine
     * supplies; rule names, values and reasons as in the English files, so each rule expands to the same DRL.
     */
    public static final List<String> CHINESE_FILES = List.of("tier-multipliers.dslr", "tier-qualification.dslr",
            "member-day.dslr", "tasks.dslr", "exchange-pricing.dslr");

    /** The regression suites, one per family plus invalid input. */
    public static final List<String> SUITES = List.of(
            "earning.yaml", "categories.yaml", "tiers.yaml", "member-day.yaml", "spend-threshold.yaml",
            "tasks.yaml", "exchange-pricing.yaml", "invalid-input.yaml");

    private ReferenceProgram() {
    }

    /** The reference rule set, each file named as in {@link #RULE_FILES}. */
    public static RuleSet ruleSet() {
        return new RuleSet(RULE_FILES.stream().map(ReferenceProgram::ruleFile).toList());
    }

    /** One rule file of the reference program. */
    public static RuleFile ruleFile(String name) {
        return new RuleFile(name, bytes(RULES_FOLDER + name));
    }

    /** A variant of the tier-qualification family, e.g. {@code tier-qualification.xlsx}. */
    public static RuleFile variant(String name) {
        if (!VARIANTS.contains(name)) {
            throw new IllegalArgumentException("no variant named " + name + "; the variants are " + VARIANTS);
        }
        return new RuleFile(name, bytes(VARIANTS_FOLDER + name));
    }

    /** The reference rule set with the named variant swapped in for {@link #VARIANT_REPLACES}. */
    public static RuleSet withVariant(String name) {
        return RuleSets.with(ruleSet(), List.of(variant(name)), List.of(VARIANT_REPLACES));
    }

    /** The reference rule set with its DSLR files written in Chinese sentences ({@link #CHINESE_FILES}). */
    public static RuleSet inChinese() {
        return RuleSets.with(ruleSet(), CHINESE_FILES.stream().map(n -> new RuleFile(n, bytes(CHINESE_FOLDER + n))).toList(),
                CHINESE_FILES);
    }

    /** Every suite, in the order of {@link #SUITES}. */
    public static List<Suite> suites() {
        return SUITES.stream().map(ReferenceProgram::suite).toList();
    }

    /** One suite by file name, e.g. {@code tiers.yaml}. */
    public static Suite suite(String fileName) {
        try {
            return SuiteReader.read(fileName, suiteText(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException("suite " + fileName + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The YAML text of a suite, as QA wrote it. */
    public static String suiteText(String fileName) {
        return new String(bytes(SUITES_FOLDER + fileName), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = ReferenceProgram.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
