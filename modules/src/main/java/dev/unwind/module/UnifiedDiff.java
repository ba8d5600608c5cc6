package dev.unwind.module;

import java.util.ArrayList;
import java.util.List;

/** Renders a unified diff (3 lines of context) of two texts, line by line, from their LCS. */
final class UnifiedDiff {
    private static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    static String render(String path, String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        // edit script: ' ' keep, '-' delete, '+' insert, with positions in a and b
        List<char[]> ops = new ArrayList<>();
        List<String> text = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                ops.add(new char[] {' '});
                text.add(a.get(i));
                i++;
                j++;
            } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                // deletions before insertions, as diff -u prints them
                ops.add(new char[] {'-'});
                text.add(a.get(i++));
            } else {
                ops.add(new char[] {'+'});
                text.add(b.get(j++));
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(path).append(" (before)\n+++ ").append(path).append(" (after)\n");
        int k = 0;
        while (k < ops.size()) {
            if (ops.get(k)[0] == ' ') {
                k++;
                continue;
            }
            int start = Math.max(0, k - CONTEXT);
            int end = k;
            // extend the hunk while changes are within 2*CONTEXT of each other
            int lastChange = k;
            while (end < ops.size() && end - lastChange <= 2 * CONTEXT) {
                if (ops.get(end)[0] != ' ') {
                    lastChange = end;
                }
                end++;
            }
            end = Math.min(ops.size(), lastChange + CONTEXT + 1);
            int aStart = 0;
            int bStart = 0;
            for (int x = 0; x < start; x++) {
                if (ops.get(x)[0] != '+') {
                    aStart++;
                }
                if (ops.get(x)[0] != '-') {
                    bStart++;
                }
            }
            int aLen = 0;
            int bLen = 0;
            StringBuilder hunk = new StringBuilder();
            for (int x = start; x < end; x++) {
                char op = ops.get(x)[0];
                if (op != '+') {
                    aLen++;
                }
                if (op != '-') {
                    bLen++;
                }
                hunk.append(op).append(text.get(x)).append('\n');
            }
            out.append("@@ -").append(aLen == 0 ? aStart : aStart + 1).append(',').append(aLen)
                    .append(" +").append(bLen == 0 ? bStart : bStart + 1).append(',').append(bLen).append(" @@\n")
                    .append(hunk);
            k = end;
        }
        return out.toString();
    }

    private static List<String> lines(String s) {
        List<String> out = new ArrayList<>(List.of(s.split("\n", -1)));
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }
}
