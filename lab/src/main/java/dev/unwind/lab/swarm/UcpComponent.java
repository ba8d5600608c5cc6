package dev.unwind.lab.swarm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One stand-in MKE 3 component, as {@code lab/node-image/ucp-components.tsv} lists it: the name it runs under,
 * its image (without the tag), which nodes run it ({@code all}, {@code manager}, {@code worker}, {@code none})
 * and how ({@code container} on each such node's engine, a global Swarm {@code service}, or an {@code image}
 * that is only loaded).
 */
record UcpComponent(String name, String image, String runsOn, String kind) {

    boolean runsOn(LabNode.Role role) {
        return runsOn.equals("all") || runsOn.equals(role.name().toLowerCase());
    }

    static List<UcpComponent> readAll(Path tsv) {
        List<UcpComponent> all = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(tsv)) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] f = t.split("\\s+");
                if (f.length != 4) {
                    throw new IllegalStateException(tsv + ": expected name, image, runs-on, kind in: " + line);
                }
                all.add(new UcpComponent(f[0], f[1], f[2], f[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }
}
