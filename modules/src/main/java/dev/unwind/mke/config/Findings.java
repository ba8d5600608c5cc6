package dev.unwind.mke.config;

import java.util.ArrayList;
import java.util.List;

/** What a conversion noticed besides its result: parts it could not convert, MetalLB pools to recreate. */
public final class Findings {
    private final List<ReportEntry> entries = new ArrayList<>();
    private final List<MetallbPool> pools = new ArrayList<>();
    private final List<String> secretTargets = new ArrayList<>();
    private boolean failed;

    /** A part of the setting (one flag, one profile value) that could not be converted. */
    public void notConverted(String setting, String detail) {
        entries.add(new ReportEntry(setting, Category.NOT_CONVERTED, null, detail));
    }

    /** The whole setting could not be converted; the report shows it under NOT_CONVERTED only. */
    public void failed(String setting, String target, String detail) {
        failed = true;
        entries.add(new ReportEntry(setting, Category.NOT_CONVERTED, target, detail));
    }

    public void pool(MetallbPool pool) {
        pools.add(pool);
    }

    /** An MKE 4k key that holds a secret: redacted when the document is shown. */
    public void secret(String target) {
        secretTargets.add(target);
    }

    boolean takeFailed() {
        boolean f = failed;
        failed = false;
        return f;
    }

    List<ReportEntry> entries() {
        return entries;
    }

    List<MetallbPool> pools() {
        return pools;
    }

    List<String> secretTargets() {
        return secretTargets;
    }
}
