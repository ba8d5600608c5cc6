package dev.unwind.module;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

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

    /**
     * A controller-side file or folder a task names, found as Ansible's lookups find one: under {@code sub}
     * ({@code vars}, {@code files}) beside the playbook, or beside the playbook itself; empty when there is none.
     */
    default Optional<Path> controllerPath(String name, String sub) {
        return Optional.empty();
    }

    /**
     * The variables of a controller-side YAML or JSON file, read as the playbook's vars_files are; an
     * {@link dev.unwind.input.InvalidInput} naming the file, line and column when it is malformed.
     */
    default Map<String, Object> readVars(Path file) {
        throw new UnsupportedOperationException("this context reads no vars files");
    }

    /** Evaluates a FreeMarker condition against {@link #vars()} ({@code assert: that=}). */
    boolean test(String condition);

    Backups backups();

    /**
     * Digests of controller files, shared by the whole run so that a file sent to many hosts is hashed once. A
     * context that lives for one call has nothing to share.
     */
    default SourceDigests sourceDigests() {
        return new SourceDigests();
    }

    /**
     * What the controller remembers of large files on hosts, so that one unwind placed or hashed and nothing has
     * touched since is compared without being read. A context that lives for one call remembers nothing.
     */
    default HostFileDigests hostFileDigests() {
        return HostFileDigests.NONE;
    }

    ModuleLog log();

    /**
     * In check mode, what earlier tasks of this run would have made on this host by now; a module that predicts a
     * change records what it would make, and one whose input is missing asks before failing. A context that lives
     * for one call has nothing to share.
     */
    default Predictions.OnHost predictions() {
        return new Predictions().on(connection().host());
    }

    Secrets secrets();

    /** Other modules, for modules that delegate (an undo that runs another module). */
    ModuleCatalog catalog();

    /**
     * Says what this call is about to change, before it changes it: the undo of the state the module saw. The run
     * journals it at once, so that a failure, an error or a crash after the change still finds its undo. A module
     * that fails or throws without having announced (or returned) an undo is taken at its word that it changed
     * nothing. A later announcement adds to the earlier ones and is undone before them. Ignored in check mode.
     */
    default void beforeChange(Undo undo) {
    }
}
