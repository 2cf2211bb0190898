package io.jifen.examples;

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
 * An example merchant shipped with Jifen: its settings file, its rule set, its own suites on top
 * of the reference suites, and the campaigns its rules name (the API's campaign requests, as YAML). Loaded from the classpath, so the service can seed it from the jar.
 */
public record ExampleMerchant(String code, String settingsYaml, RuleSet ruleSet, List<Suite> suites,
                              String campaignsYaml) {

    public static final String SUPERMARKET = "supermarket";

    public static ExampleMerchant supermarket() {
        String base = "io/jifen/examples/supermarket/";
        List<Suite> suites = new ArrayList<>(ReferenceProgram.suites());
        suites.add(suite(base + "suites/first-week.yaml"));
        return new ExampleMerchant("fresh-harbour", text(base + "merchant.yaml"), ReferenceProgram.ruleSet(),
                List.copyOf(suites), text(base + "campaigns.yaml"));
    }

    private static Suite suite(String resource) {
        try {
            return SuiteReader.read(resource, text(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String resource) {
        try (InputStream in = ExampleMerchant.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
