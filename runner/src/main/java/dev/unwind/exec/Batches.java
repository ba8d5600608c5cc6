package dev.unwind.exec;

import java.util.ArrayList;
import java.util.List;

/** Splits a play's hosts by {@code serial}: sizes or percentages, the last size repeating. */
final class Batches {
    private Batches() {
    }

    static List<List<String>> of(List<String> hosts, List<String> serial) {
        List<List<String>> out = new ArrayList<>();
        if (serial.isEmpty()) {
            out.add(hosts);
            return out;
        }
        int i = 0;
        int k = 0;
        while (i < hosts.size()) {
            String s = serial.get(Math.min(k++, serial.size() - 1)).strip();
            int size = s.endsWith("%")
                    ? Math.max(1, (int) (hosts.size() * Double.parseDouble(s.substring(0, s.length() - 1)) / 100))
                    : Integer.parseInt(s);
            size = size <= 0 ? hosts.size() : size;
            out.add(hosts.subList(i, Math.min(hosts.size(), i + size)));
            i += size;
        }
        return out;
    }
}
