package io.jifen.engine.scenario;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A suite that cannot be read, or whose scenarios cannot run, is refused at the line of each problem. */
class SuiteReaderNamesTheLineTest {

    private static List<InvalidSuiteException.Finding> findingsOf(String yaml) {
        return catchThrowableOfType(InvalidSuiteException.class, () -> SuiteReader.readChecked("s.yaml", yaml)).findings();
    }

    @Test
    void aMistypedExpectationIsReportedAtItsKeyWithTheKeysThatExist() {
        InvalidSuiteException e = catchThrowableOfType(InvalidSuiteException.class, () -> SuiteReader.read("s.yaml", """
                suite: s
                scenarios:
                  - name: ok
                    when: {tier: {at: "2026-01-01T00:00"}}
                  - name: typo
                    when: {tier: {at: "2026-01-01T00:00"}}
                    then:
                      totalPoints: 1
                      totalPointz: 2
                """));
        assertThat(e.findings()).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(9);
            assertThat(f.column()).isEqualTo(7);
            assertThat(f.path()).isEqualTo("scenarios[1].then.totalPointz");
            assertThat(f.message()).startsWith("unknown key `totalPointz`; the keys here are ").contains("totalPoints");
        });
        assertThat(e).hasMessage("s.yaml: scenarios[1].then.totalPointz: " + e.findings().get(0).message() + " (line 9)");
    }

    @Test
    void aYamlSyntaxErrorCarriesItsLine() {
        assertThat(findingsOf("suite: s\nscenarios:\n  - name: [unclosed\n    when: x\n")).singleElement()
                .satisfies(f -> {
                    assertThat(f.line()).isEqualTo(4);
                    assertThat(f.path()).isNull();
                });
    }

    @Test
    void aValueOfTheWrongKindIsNamedInTheSuitesWords() {
        assertThat(findingsOf("""
                suite: s
                scenarios:
                  - name: birthday
                    given: {member: {birthday: "the fifth of May"}}
                    when: {tier: {at: "2026-01-01T00:00"}}
                    then: {}
                """)).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(4);
            assertThat(f.path()).isEqualTo("scenarios[0].given.member.birthday");
            assertThat(f.message()).isEqualTo("`the fifth of May` is not a date such as 1990-05-05");
        });
    }

    @Test
    void aMistakeInDefaultsIsReportedWhereDefaultsWriteIt() {
        assertThat(findingsOf("""
                suite: s
                defaults:
                  member: {tier: GOLD, tierz: SILVER}
                scenarios:
                  - name: a
                    when: {tier: {at: "2026-01-01T00:00"}}
                    then: {}
                """)).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(3);
            assertThat(f.message()).startsWith("unknown key `tierz`");
        });
    }

    @Test
    void scenariosThatCannotRunAreAllListedEachAtItsLine() {
        List<InvalidSuiteException.Finding> findings = findingsOf("""
                suite: s
                zone: Mars/Olympus
                scenarios:
                  - name: twice
                    when: {tier: {at: "2026-01-01T00:00"}}
                    then: {}
                  - name: twice
                    when: {tier: {at: "2026-01-01T00:00"}}
                    then: {}
                  - name: no time
                    when:
                      purchase: {total: 10}
                    then: {totalPoints: 10}
                  - name: two kinds
                    when:
                      tier: {at: "2026-01-01T00:00"}
                      event: {type: SHARE, at: "2026-01-01T00:00"}
                    then: {}
                  - name: bad time
                    when: {event: {type: SHARE, at: "yesterday"}}
                    then: {}
                  - name: nothing happens
                    then: {totalPoints: 0}
                  - name: unknown failure
                    when: {tier: {at: "2026-01-01T00:00"}}
                    then: {failed: EXPLODED}
                  - name: no expectation
                    when: {tier: {at: "2026-01-01T00:00"}}
                """);
        assertThat(findings).extracting(InvalidSuiteException.Finding::path, InvalidSuiteException.Finding::line)
                .containsExactly(
                        Tuple.tuple("zone", 2),
                        Tuple.tuple("scenarios[1].name", 7),
                        Tuple.tuple("scenarios[2].when.purchase", 12),
                        Tuple.tuple("scenarios[3].when", 15),
                        Tuple.tuple("scenarios[4].when.event.at", 20),
                        Tuple.tuple("scenarios[5]", 22),
                        Tuple.tuple("scenarios[6].then.failed", 26),
                        Tuple.tuple("scenarios[7]", 27));
        assertThat(findings.get(3).message()).isEqualTo("holds event and tier; a scenario has exactly one of purchase, event, tier, quote");
        assertThat(findings.get(7).message()).startsWith("needs `then`");
    }

    @Test
    void aSuiteWithoutScenariosOrTextIsRefused() {
        assertThat(findingsOf("suite: s\nscenarios: []\n")).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("a suite needs at least one scenario"))
                .satisfies(f -> assertThat(f.line()).isEqualTo(2));
        assertThat(findingsOf("")).singleElement().satisfies(f -> assertThat(f.message()).isEqualTo("the suite is empty"));
        assertThat(findingsOf("- just\n- a list\n")).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("a suite is a mapping"));
    }

    @Test
    void aCheckedSuiteReadsLikeAnyOther() throws Exception {
        Suite suite = SuiteReader.readChecked("s.json", """
                {"suite": "j", "zone": "Asia/Shanghai",
                 "scenarios": [{"name": "a", "when": {"purchase": {"at": "2026-03-05T10:00", "total": 1}}, "then": {}}]}
                """);
        assertThat(suite.scenarios()).hasSize(1);
    }
}
