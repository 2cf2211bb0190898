#!/usr/bin/env bash
# `jifen test` on 10,000 scenarios (BENCHMARKS.md, section 14): writes a suite of N scenarios for the
# reference program (io.jifen.cli.ManyScenarios, seeded, each with the points it must earn), then runs, ROUNDS
# times each and alternating:
#   a. the command line as QA runs it: engine/cli/target/jifen test REFERENCE SUITE --failures-only
#   b. the yardstick: the same suite on the same program in one JVM by the engine alone (SuiteReader,
#      LoyaltyEngine.compile, SuiteRunner: what the old SuiteCommand did, without Maven's exec:java start-up)
# and prints each run's wall time (/usr/bin/time), with the machine's load average before it.
#   examples/load/cli-scenarios-bench.sh [N=10000] [ROUNDS=3]
# Needs the package command's output (engine/cli/target/jifen.jar) and engine/cli/target/test-classes
# (./mvnw -B -q -pl engine/cli -am package -DskipTests builds both).
set -euo pipefail
n="${1:-10000}"; rounds="${2:-3}"
cd "$(dirname "$0")/../.."
jar=engine/cli/target/jifen.jar
ref=rules/src/main/resources/io/jifen/rules/reference
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
suite="$work/many-scenarios.yaml"
java -cp engine/cli/target/test-classes io.jifen.cli.ManyScenarios "$n" "$suite"
cat > "$work/EngineOnly.java" <<'JAVA'
import io.jifen.engine.LoyaltyEngine;
import io.jifen.engine.compile.RuleSets;
import io.jifen.engine.scenario.SuiteReader;
import io.jifen.engine.scenario.SuiteReport;
import io.jifen.engine.scenario.SuiteRunner;
import java.nio.file.Path;

public class EngineOnly {
    public static void main(String[] args) throws Exception {
        var program = new LoyaltyEngine().compile(RuleSets.fromDirectory(Path.of(args[0]))).orThrow();
        SuiteReport report = SuiteRunner.run(program, SuiteReader.read(Path.of(args[1])));
        System.out.println(report.passed() + " passed, " + report.failed() + " failed");
    }
}
JAVA
javac -d "$work" -cp "$jar" "$work/EngineOnly.java"
echo "suite: $n scenarios ($(wc -c < "$suite") bytes); cores: $(nproc)"
for round in $(seq 1 "$rounds"); do
  echo "round $round, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -f "  jifen test:   %e s wall, %U s user, %M KB max RSS" \
    engine/cli/target/jifen test "$ref" "$suite" --failures-only | tail -1 | sed 's/^/  /'
  echo "  load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -f "  engine alone: %e s wall, %U s user, %M KB max RSS" \
    java -Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple.SimpleLoggerContextFactory -cp "$jar:$work" EngineOnly "$ref" "$suite" | sed 's/^/  /'
done
