package dev.unwind.exec;

import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;

import java.util.Map;

/** The engine's fact gathering: the modules' own ({@link dev.unwind.module.facts.Facts}), which {@code setup} shares. */
final class Facts {
    private Facts() {
    }

    static Map<String, Object> gather(Connection conn) throws ConnectionException {
        return dev.unwind.module.facts.Facts.gather(conn);
    }
}
