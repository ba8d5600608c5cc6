package dev.unwind.undo;

import dev.unwind.module.Backups;
import dev.unwind.module.Connection;
import dev.unwind.module.ModuleCatalog;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.ModuleLog;
import dev.unwind.module.Secrets;

import java.nio.file.Path;
import java.util.Map;

/** What an undo call sees: it was rendered when its task completed, so it has no variables or templates. */
record UndoContext(Connection connection, Backups backups, Secrets secrets, ModuleCatalog catalog) implements ModuleContext {

    @Override
    public boolean check() {
        return false;
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
        throw new IllegalStateException("an undo is rendered when its task completes; it cannot render " + src);
    }

    @Override
    public boolean test(String condition) {
        throw new IllegalStateException("an undo cannot evaluate conditions");
    }

    @Override
    public Path localFile(String src) {
        return Path.of(src);
    }

    @Override
    public ModuleLog log() {
        return new ModuleLog() {
            @Override
            public void info(String line) {
            }

            @Override
            public void output(String line) {
            }
        };
    }
}
