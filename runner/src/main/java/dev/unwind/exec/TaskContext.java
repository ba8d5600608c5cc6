package dev.unwind.exec;

import dev.unwind.module.Backups;
import dev.unwind.module.Connection;
import dev.unwind.module.HostFileDigests;
import dev.unwind.module.ModuleCatalog;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.ModuleLog;
import dev.unwind.module.Secrets;
import dev.unwind.module.Predictions;
import dev.unwind.module.SourceDigests;
import dev.unwind.module.Undo;
import dev.unwind.playbook.SearchPath;
import dev.unwind.template.Templates;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/** What a module sees while running one task on one host; {@code timeout} (nullable) bounds its renders too. */
record TaskContext(Connection connection, boolean check, boolean diff, Map<String, Object> vars, Templates templates,
                   SearchPath searchPath, Backups backups, ModuleLog log, Secrets secrets, ModuleCatalog catalog,
                   Consumer<Undo> announcements, Duration timeout, SourceDigests sourceDigests,
                   HostFileDigests hostFileDigests, Predictions.OnHost predictions, Function<Path, Map<String, Object>> varsFiles) implements ModuleContext {

    /** The task's variables as modules read them: a value the estate templates when used is evaluated when read. */
    @Override
    public Map<String, Object> vars() {
        return dev.unwind.template.Deferred.resolving(vars);
    }

    @Override
    public void beforeChange(Undo undo) {
        if (!check) {
            announcements.accept(undo);
        }
    }

    @Override
    public String renderTemplate(String src, Map<String, Object> extraVars) {
        Map<String, Object> all = new HashMap<>(vars);
        all.putAll(extraVars);
        return templates.renderFile(find(src, "templates"), all, timeout);
    }

    @Override
    public boolean test(String condition) {
        return templates.test(condition, vars);
    }

    @Override
    public Path localFile(String src) {
        return find(src, "files");
    }

    @Override
    public Optional<Path> controllerPath(String name, String sub) {
        return searchPath.locate(name, sub);
    }

    /** A vars file, opened with the run's vault when it is encrypted (its values are then secrets of the run). */
    @Override
    public Map<String, Object> readVars(Path file) {
        return varsFiles.apply(file);
    }

    private Path find(String src, String sub) {
        Path p = Path.of(src);
        // an absolute path that does not exist is the module's to report, as it is
        return searchPath.find(src, sub).orElseGet(() -> {
            if (p.isAbsolute()) {
                return p;
            }
            throw new IllegalArgumentException("cannot find '" + src + "' in " + sub + "/ beside the playbook, the playbook's"
                    + " folder, or unwind's own " + sub + "/ (looked in " + searchPath.dirs() + ")");
        });
    }
}
