package io.jifen.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a regression suite of many scenarios for the reference program, each with the points it must
 * earn: purchases of a regular, silver or gold member in March 2026 (no member day, no campaign), of
 * grocery at 1 point per yuan, and shares at 10 points. Drawn from a seeded {@link Random}, so the same
 * count and seed write the same suite. The benchmark (BENCHMARKS.md) runs
 * {@code java -cp engine/cli/target/test-classes io.jifen.cli.ManyScenarios 10000 FILE}.
 */
public final class ManyScenarios {
    private ManyScenarios() {
    }

    public static void main(String[] args) throws IOException {
        write(Path.of(args[1]), Integer.parseInt(args[0]), args.length > 2 ? Long.parseLong(args[2]) : 17L);
    }

    static Path write(Path file, int count, long seed) throws IOException {
        Random random = new Random(seed);
        String[] tiers = {"REGULAR", "SILVER", "GOLD"};
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("suite: many-scenarios\nzone: Asia/Shanghai\nscenarios:\n");
            for (int i = 0; i < count; i++) {
                int day = 1 + random.nextInt(9);
                String at = String.format("\"2026-03-%02dT%02d:%02d\"", day, 8 + random.nextInt(12), random.nextInt(60));
                if (random.nextInt(10) == 0) {
                    out.write("  - name: share " + i + " earns 10 points\n    when: {event: {type: SHARE, at: " + at
                            + "}}\n    then: {totalPoints: 10}\n");
                    continue;
                }
                String tier = tiers[random.nextInt(tiers.length)];
                int yuan = 1 + random.nextInt(400);
                // gold: base + base x 1; silver: base + base x 0.5, rounded down once
                long points = tier.equals("GOLD") ? 2L * yuan : tier.equals("SILVER") ? (3L * yuan) / 2 : yuan;
                out.write("  - name: purchase " + i + " of a " + tier.toLowerCase() + " member for " + yuan
                        + " yuan earns " + points + "\n    given: {member: {tier: " + tier + "}}\n"
                        + "    when: {purchase: {at: " + at + ", total: " + yuan + ".00, lines: [{sku: RICE, category: grocery,"
                        + " amount: " + yuan + ".00}]}}\n    then: {totalPoints: " + points + "}\n");
            }
        }
        return file;
    }
}
