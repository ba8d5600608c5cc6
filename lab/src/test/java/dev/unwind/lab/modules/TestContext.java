package dev.unwind.lab.modules;

import dev.unwind.module.Backups;
import dev.unwind.module.Connection;
import dev.unwind.module.ModuleCatalog;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.ModuleLog;
import dev.unwind.module.Secrets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A module context over a real connection, recording log lines and registered secrets. */
final class TestContext implements ModuleContext {
    final List<String> logLines = new ArrayList<>();
    final List<String> secretValues = new ArrayList<>();
    private final Connection connection;
    private final boolean check;
    private final Path base;

    TestContext(Connection connection, boolean check, Path base) {
        this.connection = connection;
        this.check = check;
        this.base = base;
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public boolean check() {
        return check;
    }

    @Override
    public boolean diff() {
        return false;
    }

    @Override
    public Map<String, Object> vars() {
        return Map.of();
    }

    @Override
    public String renderTemplate(String src, Map<String, Object> extraVars) {
        throw new UnsupportedOperationException("no templates in these tests");
    }

    @Override
    public Path localFile(String src) {
        return base.resolve(src);
    }

    @Override
    public boolean test(String condition) {
        throw new UnsupportedOperationException("no conditions in these tests");
    }

    @Override
    public Backups backups() {
        throw new UnsupportedOperationException("no backups in these tests");
    }

    @Override
    public ModuleLog log() {
        return new ModuleLog() {
            @Override
            public void info(String line) {
                logLines.add(line);
            }

            @Override
            public void output(String line) {
                logLines.add(line);
            }
        };
    }

    @Override
    public Secrets secrets() {
        return new Secrets() {
            @Override
            public void add(String secret) {
                secretValues.add(secret);
            }

            @Override
            public String redact(String text) {
                String out = text;
                for (String s : secretValues) {
                    out = out.replace(s, MASK);
                }
                return out;
            }
        };
    }

    @Override
    public ModuleCatalog catalog() {
        return ModuleCatalog.builtIn();
    }
}
