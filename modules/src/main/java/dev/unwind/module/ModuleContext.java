package dev.unwind.module;

import java.nio.file.Path;
import java.util.Map;

/** Everything a module may use while it runs on one host. */
public interface ModuleContext {

    /** The host's connection (already becoming another user when the task says {@code become}). */
    Connection connection();

    /** Predict, do not act. */
    boolean check();

    /** Produce diffs of content changes. */
    boolean diff();

    /** The host's variables as the task sees them. */
    Map<String, Object> vars();

    /** Renders a FreeMarker template file found the way {@code template: src=} finds it. */
    String renderTemplate(String src, Map<String, Object> extraVars);

    /** A controller-side file named by a task ({@code copy: src=}), found beside the playbook. */
    Path localFile(String src);

    /** Evaluates a FreeMarker condition against {@link #vars()} ({@code assert: that=}). */
    boolean test(String condition);

    Backups backups();

    ModuleLog log();

    Secrets secrets();

    /** Other modules, for modules that delegate (an undo that runs another module). */
    ModuleCatalog catalog();
}
