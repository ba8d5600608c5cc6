package dev.unwind.inventory;

import java.util.Arrays;
import java.util.List;

/**
 * Times {@link Inventory#load} (parse, range expansion, reconcile) plus computing every host's
 * variables, in one warm JVM: {@code InventoryParseBenchmark FILE [ROUNDS]} prints the host count and
 * the first, median and best round in milliseconds. Used by {@code bench/inventory.sh}.
 */
public final class InventoryParseBenchmark {
    private InventoryParseBenchmark() {
    }

    public static void main(String[] args) {
        String file = args[0];
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        long[] ms = new long[rounds];
        int hosts = 0;
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            Inventory inv = Inventory.load(List.of(file), null, null);
            List<String> all = inv.hosts("all");
            for (String h : all) {
                inv.hostVars(h);
            }
            hosts = all.size();
            ms[i] = (System.nanoTime() - t0) / 1_000_000;
        }
        long first = ms[0];
        Arrays.sort(ms);
        System.out.printf("hosts=%d first_ms=%d median_ms=%d best_ms=%d%n", hosts, first, ms[rounds / 2], ms[0]);
    }
}
