package io.jifen.cli;

import java.util.ArrayList;
import java.util.List;

/** The lines that differ between two short texts (a rule before and after), "- old" and "+ new", in order. */
final class LineDiff {
    private LineDiff() {
    }

    static List<String> changes(String before, String after) {
        String[] a = before.split("\r?\n", -1);
        String[] b = after.split("\r?\n", -1);
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                i++;
                j++;
            } else if (j < b.length && (i == a.length || common[i][j + 1] >= common[i + 1][j])) {
                out.add("+ " + b[j++].strip());
            } else {
                out.add("- " + a[i++].strip());
            }
        }
        return out;
    }
}
