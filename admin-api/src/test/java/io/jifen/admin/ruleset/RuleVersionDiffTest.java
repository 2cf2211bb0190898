package io.jifen.admin.ruleset;

import io.jifen.engine.compile.RuleFile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The line diff and the file-by-file diff as pure functions (no service). */
class RuleVersionDiffTest {

    @Test
    void changesCloserThanTwiceTheContextShareOneHunk() {
        String before = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n";
        String after = "a\nb\nc\nd\nE\nf\ng\nh\ni\nj\nk\n";
        // the two changes are 5 kept lines apart (≤ 2 × context): one hunk
        assertThat(TextDiff.unified("a/x", "b/x", before, after)).isEqualTo("""
                --- a/x
                +++ b/x
                @@ -2,9 +2,10 @@
                 b
                 c
                 d
                -e
                +E
                 f
                 g
                 h
                 i
                 j
                +k
                """);
    }

    @Test
    void changesFarApartMakeSeparateHunks() {
        StringBuilder before = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            before.append("line ").append(i).append('\n');
        }
        String after = before.toString().replace("line 2\n", "line two\n").replace("line 19\n", "");
        assertThat(TextDiff.unified("a/f", "b/f", before.toString(), after)).isEqualTo("""
                --- a/f
                +++ b/f
                @@ -1,5 +1,5 @@
                 line 1
                -line 2
                +line two
                 line 3
                 line 4
                 line 5
                @@ -16,5 +16,4 @@
                 line 16
                 line 17
                 line 18
                -line 19
                 line 20
                """);
    }

    @Test
    void anEmptyFileBecomingTextIsOneInsertHunk() {
        assertThat(TextDiff.unified("a/n", "b/n", "", "x\ny\n")).isEqualTo("--- a/n\n+++ b/n\n@@ -0,0 +1,2 @@\n+x\n+y\n");
        assertThat(TextDiff.unified("a/n", "b/n", "same\r\n", "same\n")).isEqualTo("--- a/n\n+++ b/n\n");
    }

    @Test
    void changedSpreadsheetsAreReportedBySizeAndHashWithoutALineDiff() {
        RuleFile before = new RuleFile("bonus.xlsx", new byte[] {1, 2, 3});
        RuleFile after = new RuleFile("bonus.xlsx", new byte[] {1, 2, 3, 4});
        RuleVersionModels.DiffView diff = RuleFiles.diff(1, 2, List.of(before, RuleFile.text("a.csv", "x\n")),
                List.of(after, RuleFile.text("a.csv", "y\n")));
        assertThat(diff.changed()).hasSize(2);
        RuleVersionModels.ChangedFile xlsx = diff.changed().stream().filter(RuleVersionModels.ChangedFile::binary).findFirst().orElseThrow();
        assertThat(xlsx.name()).isEqualTo("bonus.xlsx");
        assertThat(xlsx.unifiedDiff()).isNull();
        assertThat(List.of(xlsx.fromSize(), xlsx.toSize())).containsExactly(3, 4);
        assertThat(xlsx.fromSha256()).hasSize(64).isNotEqualTo(xlsx.toSha256());
        assertThat(diff.changed().stream().filter(c -> !c.binary()).findFirst().orElseThrow().unifiedDiff())
                .isEqualTo("--- a/a.csv\n+++ b/a.csv\n@@ -1 +1 @@\n-x\n+y\n");
    }
}
