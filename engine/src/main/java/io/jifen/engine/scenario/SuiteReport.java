package io.jifen.engine.scenario;

import java.util.List;
import java.util.Locale;

/** A suite run against one program: every scenario's verdict, printable for people and as JUnit XML for CI. */
public record SuiteReport(String suite, String programId, List<ScenarioReport> scenarios) {
    public SuiteReport {
        scenarios = List.copyOf(scenarios);
    }

    public long passed() {
        return scenarios.stream().filter(ScenarioReport::passed).count();
    }

    public long failed() {
        return scenarios.size() - passed();
    }

    public boolean allPassed() {
        return failed() == 0;
    }

    /** "PASS name" / "FAIL name" lines with each difference indented beneath, then a count. */
    public String toText() {
        StringBuilder s = new StringBuilder("suite ").append(suite).append(" on program ")
                .append(programId, 0, Math.min(12, programId.length())).append('\n');
        for (ScenarioReport r : scenarios) {
            s.append(r.passed() ? "  PASS " : "  FAIL ").append(r.name()).append('\n');
            for (String d : r.differences()) {
                s.append("         ").append(d).append('\n');
            }
        }
        return s.append(passed()).append(" passed, ").append(failed()).append(" failed\n").toString();
    }

    public String toJUnitXml() {
        double seconds = scenarios.stream().mapToLong(ScenarioReport::durationNanos).sum() / 1e9;
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<testsuite name=\"").append(xml(suite)).append("\" tests=\"").append(scenarios.size())
                .append("\" failures=\"").append(failed()).append("\" errors=\"0\" skipped=\"0\" time=\"")
                .append(String.format(Locale.ROOT, "%.3f", seconds)).append("\">\n");
        x.append("  <properties><property name=\"program\" value=\"").append(xml(programId)).append("\"/></properties>\n");
        for (ScenarioReport r : scenarios) {
            x.append("  <testcase classname=\"").append(xml(suite)).append("\" name=\"").append(xml(r.name()))
                    .append("\" time=\"").append(String.format(Locale.ROOT, "%.3f", r.durationNanos() / 1e9))
                    .append('"');
            if (r.passed()) {
                x.append("/>\n");
            } else {
                x.append(">\n    <failure message=\"").append(xml(r.differences().get(0))).append("\">")
                        .append(xml(String.join("\n", r.differences()))).append("</failure>\n  </testcase>\n");
            }
        }
        return x.append("</testsuite>\n").toString();
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
