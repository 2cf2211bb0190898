package io.jifen.admin.ruleset;

import java.util.ArrayList;
import java.util.List;

/**
 * A line-based unified diff ({@code diff -u} style, 3 lines of context) from a longest common
 * subsequence. The common head and tail are trimmed before the quadratic LCS table is built, so the
 * usual edit of a few lines in a long file stays cheap; beyond {@link #MAX_CELLS} cells of table the
 * diff is not computed and {@code null} is returned (the caller reports "changed" with sizes).
 */
final class TextDiff {
    static final int CONTEXT = 3;
    static final long MAX_CELLS = 16_000_000L;

    private TextDiff() {
    }

    private enum Op { KEEP, DELETE, INSERT }

    private record Edit(Op op, String line, int oldLine, int newLine) {
    }

    /** The unified diff of two texts, or {@code null} when the changed region is too large to diff. */
    static String unified(String oldName, String newName, String oldText, String newText) {
        List<String> a = lines(oldText);
        List<String> b = lines(newText);
        List<Edit> edits = edits(a, b);
        if (edits == null) {
            return null;
        }
        StringBuilder out = new StringBuilder("--- ").append(oldName).append('\n')
                .append("+++ ").append(newName).append('\n');
        int i = 0;
        while (i < edits.size()) {
            // find the next change
            while (i < edits.size() && edits.get(i).op == Op.KEEP) {
                i++;
            }
            if (i == edits.size()) {
                break;
            }
            int start = Math.max(0, i - CONTEXT);
            // extend the hunk while changes are separated by at most 2 * CONTEXT kept lines
            int end = i;
            int lastChange = i;
            while (end < edits.size()) {
                if (edits.get(end).op != Op.KEEP) {
                    lastChange = end;
                } else if (end - lastChange > 2 * CONTEXT) {
                    break;
                }
                end++;
            }
            end = Math.min(edits.size(), lastChange + CONTEXT + 1);
            appendHunk(out, edits.subList(start, end));
            i = end;
        }
        return out.toString();
    }

    private static void appendHunk(StringBuilder out, List<Edit> hunk) {
        int oldStart = -1;
        int newStart = -1;
        int oldCount = 0;
        int newCount = 0;
        for (Edit e : hunk) {
            if (e.op != Op.INSERT) {
                oldCount++;
                if (oldStart < 0) {
                    oldStart = e.oldLine;
                }
            }
            if (e.op != Op.DELETE) {
                newCount++;
                if (newStart < 0) {
                    newStart = e.newLine;
                }
            }
        }
        // an empty side is reported at the line before it, as diff -u does
        if (oldStart < 0) {
            oldStart = hunk.get(0).oldLine - 1;
        }
        if (newStart < 0) {
            newStart = hunk.get(0).newLine - 1;
        }
        out.append("@@ -").append(range(oldStart, oldCount)).append(" +").append(range(newStart, newCount))
                .append(" @@\n");
        for (Edit e : hunk) {
            out.append(switch (e.op) {
                case KEEP -> ' ';
                case DELETE -> '-';
                case INSERT -> '+';
            }).append(e.line).append('\n');
        }
    }

    private static String range(int start, int count) {
        return count == 1 ? String.valueOf(start) : start + "," + count;
    }

    /** Edit script with 1-based line numbers: for KEEP and DELETE the old line, for KEEP and INSERT the new. */
    private static List<Edit> edits(List<String> a, List<String> b) {
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < a.size() - head && tail < b.size() - head
                && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
            tail++;
        }
        int n = a.size() - head - tail;
        int m = b.size() - head - tail;
        if ((long) (n + 1) * (m + 1) > MAX_CELLS) {
            return null;
        }
        // lcs[i][j]: length of the LCS of a[head+i ..] and b[head+j ..] within the middle part
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(head + i).equals(b.get(head + j)) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Edit> edits = new ArrayList<>();
        for (int k = 0; k < head; k++) {
            edits.add(new Edit(Op.KEEP, a.get(k), k + 1, k + 1));
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(head + i).equals(b.get(head + j))) {
                edits.add(new Edit(Op.KEEP, a.get(head + i), head + i + 1, head + j + 1));
                i++;
                j++;
            } else if (j == m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) {
                // within a change, deletions come before insertions
                edits.add(new Edit(Op.DELETE, a.get(head + i), head + i + 1, head + j + 1));
                i++;
            } else {
                edits.add(new Edit(Op.INSERT, b.get(head + j), head + i + 1, head + j + 1));
                j++;
            }
        }
        for (int k = 0; k < tail; k++) {
            int oi = a.size() - tail + k;
            int ni = b.size() - tail + k;
            edits.add(new Edit(Op.KEEP, a.get(oi), oi + 1, ni + 1));
        }
        return edits;
    }

    /** Lines without their terminators ({@code \n} or {@code \r\n}); a final newline ends the last line. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int k = 0; k < text.length(); k++) {
            if (text.charAt(k) == '\n') {
                int end = k > start && text.charAt(k - 1) == '\r' ? k - 1 : k;
                lines.add(text.substring(start, end));
                start = k + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }
}
