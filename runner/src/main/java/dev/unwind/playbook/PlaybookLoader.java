package dev.unwind.playbook;

import dev.unwind.input.InvalidInput;
import dev.unwind.input.Position;
import dev.unwind.input.Problem;
import dev.unwind.input.Yaml11;
import dev.unwind.module.Module;
import dev.unwind.module.ModuleCatalog;
import dev.unwind.module.ModuleSpec;
import dev.unwind.module.UndoKind;
import dev.unwind.template.Templates;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads a playbook and every task file it includes, and validates all of it before anything runs. */
public final class PlaybookLoader {
    private static final int MAX_INCLUDE_DEPTH = 20;
    /** The name of the implicit flush of the handlers at the end of pre_tasks, tasks and post_tasks. */
    public static final String FLUSH_HANDLERS = "flush handlers";

    private final ModuleCatalog catalog;
    private final Templates templates = new Templates();

    public PlaybookLoader(ModuleCatalog catalog) {
        this.catalog = catalog;
    }

    public Playbook load(Path file) {
        List<Problem> problems = new ArrayList<>();
        Yaml11 doc = Yaml11.read(file);
        List<Play> plays = new ArrayList<>();
        Node root = doc.root();
        if (root == null) {
            throw new InvalidInput(Position.of(file.toString()), "the playbook is empty: expected a list of plays");
        }
        Path dir = file.toAbsolutePath().getParent();
        Checks checks = new Checks(new ExpressionCheck(templates, problems), SearchPath.of(dir), RolePath.of(dir),
                new PlayRoles());
        new Reader(doc, dir, problems, 0, checks).plays(root, plays);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return new Playbook(file, plays);
    }

    /**
     * What every file of one playbook is checked with: expressions, where its templates and roles are found, and the
     * roles its current play has taken in.
     */
    private record Checks(ExpressionCheck expressions, SearchPath searchPath, RolePath rolePath, PlayRoles roles) {
        /** For a role's files: its own templates/ and files/ first. */
        Checks within(Path roleDir) {
            return new Checks(expressions, searchPath.within(roleDir), rolePath, roles);
        }
    }

    /** Reads one YAML file; collects problems instead of stopping at the first. */
    private final class Reader {
        private final Yaml11 doc;
        private final Path dir;
        private final List<Problem> problems;
        private final int depth;
        private final Checks checks;
        private final Map<Node, Node> keyOf = new java.util.IdentityHashMap<>();
        /** Scalars already reported, so a bad condition is not reported again as bad text. */
        private final Set<Node> reported = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

        Reader(Yaml11 doc, Path dir, List<Problem> problems, int depth, Checks checks) {
            this.doc = doc;
            this.dir = dir;
            this.problems = problems;
            this.depth = depth;
            this.checks = checks;
            scalarChecks(doc.root(), java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
        }

        void plays(Node root, List<Play> out) {
            if (!(root instanceof SequenceNode seq)) {
                problem(root, "a playbook is a list of plays: start each play with '- hosts: ...'");
                return;
            }
            for (Node n : seq.getValue()) {
                Map<String, Node> m = mapping(n, "a play");
                if (m == null) {
                    continue;
                }
                if (m.containsKey("import_playbook")) {
                    importPlaybook(m, out);
                    continue;
                }
                unknownKeys(m, Keyword.Place.PLAY);
                String hosts = string(m.get("hosts"));
                if (hosts == null) {
                    problem(n, "the play has no 'hosts': say which hosts it runs on (a pattern such as 'all' or 'managers')");
                }
                String strategy = string(m.get("strategy"));
                if (strategy != null && !Set.of("linear", "free").contains(strategy)) {
                    problem(m.get("strategy"), "strategy is linear or free (which unwind runs as linear), not '" + strategy + "'");
                }
                OnFailure onFailure = OnFailure.UNWIND;
                if (m.containsKey("on_failure")) {
                    onFailure = OnFailure.parse(String.valueOf(string(m.get("on_failure"))));
                    if (onFailure == null) {
                        problem(m.get("on_failure"), "on_failure must be one of: unwind, unwind_host (or continue, its Ansible name), stop");
                        onFailure = OnFailure.UNWIND;
                    }
                }
                // pre_tasks, roles then tasks, and post_tasks, each followed by a flush of the handlers, if any (Ansible's)
                checks.roles().startPlay();
                Map<Node, List<TaskNode>> sections = new LinkedHashMap<>();
                if (m.containsKey("pre_tasks")) {
                    sections.put(m.get("pre_tasks"), tasks(m.get("pre_tasks")));
                }
                if (m.containsKey("roles") || m.containsKey("tasks")) {
                    List<TaskNode> main = new ArrayList<>(roles(m.get("roles")));
                    main.addAll(tasks(m.get("tasks")));
                    sections.put(m.containsKey("tasks") ? m.get("tasks") : m.get("roles"), main);
                }
                if (m.containsKey("post_tasks")) {
                    sections.put(m.get("post_tasks"), tasks(m.get("post_tasks")));
                }
                // the roles' handlers come before the play's own, as Ansible lists them
                List<TaskNode> handlers = checks.roles().handlers();
                handlers.addAll(handlers(m.get("handlers")));
                List<TaskNode> tasks = new ArrayList<>();
                sections.forEach((at, section) -> {
                    tasks.addAll(section);
                    if (!handlers.isEmpty()) {
                        tasks.add(flushHandlers(at));
                    }
                });
                notified(tasks, handlers);
                List<String> varsFiles = strings(m.get("vars_files"));
                varsFiles(m.get("vars_files"));
                Escalation escalation = escalation(m).over(Escalation.configured());
                Escalation.refusedMethod(tasks, escalation).or(() -> Escalation.refusedMethod(handlers, escalation))
                        .ifPresent(problems::add);
                out.add(new Play(doc.at(n), string(m.get("name")), hosts, vars(m.get("vars")), varsFiles,
                        bool(m.get("gather_facts"), true), escalation, strings(m.get("serial")), tasks, onFailure,
                        bool(m.get("any_errors_fatal"), false), integer(m.get("max_fail_percentage")),
                        bool(m.get("force_handlers"), false), strings(m.get("tags")), handlers, checks.roles().exposed(), environment(m.get("environment")), reach(m),
                        prompts(m.get("vars_prompt")), dir));
            }
        }

        /** {@code vars_prompt:} a list of {@code - name: x, prompt: ..., private, default, confirm}. */
        private List<VarsPrompt> prompts(Node node) {
            List<VarsPrompt> out = new ArrayList<>();
            if (node == null) {
                return out;
            }
            if (!(node instanceof SequenceNode seq)) {
                problem(node, "vars_prompt is a list of '- name: variable' entries with a prompt");
                return out;
            }
            Set<String> keys = Set.of("name", "prompt", "private", "default", "confirm", "unsafe");
            for (Node n : seq.getValue()) {
                Map<String, Node> m = mapping(n, "a vars_prompt entry (name, prompt, private, default, confirm)");
                if (m == null) {
                    continue;
                }
                m.forEach((k, v) -> {
                    if (k.equals("encrypt") || k.equals("salt_size") || k.equals("salt")) {
                        problem(keyOf.getOrDefault(v, v), "vars_prompt's '" + k + "' (hashing the answer) is not supported:"
                                + " hash it in a task instead");
                    } else if (!keys.contains(k)) {
                        problem(keyOf.getOrDefault(v, v), "unknown key '" + k + "' in a vars_prompt entry" + suggestion(k, keys));
                    }
                });
                String name = string(m.get("name"));
                if (name == null) {
                    problem(n, "a vars_prompt entry needs 'name:', the variable it sets");
                    continue;
                }
                Object dflt = m.get("default") == null ? null : doc.value(m.get("default"));
                out.add(new VarsPrompt(doc.at(n), name, Optional.ofNullable(string(m.get("prompt"))).orElse(name),
                        bool(m.get("private"), true), dflt == null ? null : String.valueOf(dflt), bool(m.get("confirm"), false)));
            }
            return out;
        }

        /** {@code - import_playbook: other.yml}: its plays, in place, read from its own folder (with its roles/). */
        private void importPlaybook(Map<String, Node> m, List<Play> out) {
            unknownKeys(m, Keyword.Place.IMPORT_PLAYBOOK);
            Node fileNode = m.get("import_playbook");
            String name = string(fileNode);
            if (name == null || Templates.isTemplate(name)) {
                problem(fileNode, "import_playbook needs a playbook file name written out (no ${...}), relative to this playbook");
                return;
            }
            if (depth >= MAX_INCLUDE_DEPTH) {
                problem(fileNode, "playbooks import each other more than " + MAX_INCLUDE_DEPTH + " levels deep: is there a cycle?");
                return;
            }
            Path path = dir.resolve(name).normalize();
            Yaml11 imported;
            try {
                imported = Yaml11.read(path);
            } catch (InvalidInput e) {
                problems.add(new Problem(doc.at(fileNode), "cannot import " + path + ": " + e.getMessage()));
                return;
            }
            if (imported.root() == null) {
                return;
            }
            Path importedDir = path.getParent();
            Checks there = new Checks(checks.expressions(), SearchPath.of(importedDir), RolePath.of(importedDir), checks.roles());
            List<Play> plays = new ArrayList<>();
            new Reader(imported, importedDir, problems, depth + 1, there).plays(imported.root(), plays);
            Map<String, Object> vars = vars(m.get("vars"));
            List<String> tags = strings(m.get("tags"));
            List<String> when = conditions(m.get("when"));
            plays.forEach(p -> out.add(p.imported(vars, tags, when)));
        }

        /** The implicit flush at the end of a section: {@code meta: flush_handlers}, where the section ends. */
        private Task flushHandlers(Node section) {
            return new Task(doc.at(section), FLUSH_HANDLERS, "meta", Map.of("free_form", "flush_handlers"), List.of(), null, null,
                    null, 0, 0, null, null, false, new LinkedHashSet<>(List.of("always")), null, false, Map.of(), null, false,
                    Escalation.INHERIT, null, List.of(), List.of(), Placement.NONE, Map.of());
        }

        private List<TaskNode> handlers(Node node) {
            List<TaskNode> out = new ArrayList<>();
            if (node == null) {
                return out;
            }
            if (!(node instanceof SequenceNode seq)) {
                problem(node, "handlers is a list of tasks (each starting with '- ')");
                return out;
            }
            for (Node n : seq.getValue()) {
                Map<String, Node> m = mapping(n, "a handler");
                if (m != null && m.containsKey("import_tasks")) {
                    out.addAll(importedHandlers(n, m));
                } else if (m != null) {
                    Task t = task(n, m, Keyword.Place.HANDLER);
                    if (t != null) {
                        out.add(t);
                    } else if (m.get("name") instanceof ScalarNode name) {
                        // already reported: its notifies are not reported again as naming no handler
                        checks.roles().brokenHandler(name.getValue());
                    }
                }
            }
            return out;
        }

        /** Every name a task notifies is a handler's name or one of its listen topics (Ansible fails at run time). */
        private void notified(List<TaskNode> nodes, List<TaskNode> handlers) {
            Set<String> known = new LinkedHashSet<>(checks.roles().brokenHandlers());
            handlerNames(handlers, null, known);
            notified(nodes, known);
        }

        /** A handler answers to its name, its listen topics, and in a role also to "role : name". */
        private void handlerNames(List<TaskNode> handlers, Role role, Set<String> out) {
            for (TaskNode h : handlers) {
                if (h instanceof Block b) {
                    handlerNames(b.tasks(), b.role() != null ? b.role() : role, out);
                } else if (h instanceof Task t) {
                    if (t.name() != null) {
                        out.add(t.name());
                        if (role != null) {
                            out.add(role.name() + " : " + t.name());
                        }
                    }
                    out.addAll(t.listen());
                }
            }
        }

        private void notified(List<TaskNode> nodes, Set<String> known) {
            for (TaskNode n : nodes) {
                if (n instanceof Block b) {
                    notified(b.tasks(), known);
                    notified(b.rescue(), known);
                    notified(b.always(), known);
                } else if (n instanceof Task t) {
                    t.notifies().stream().filter(name -> !known.contains(name)).forEach(name -> problems.add(new Problem(t.position(),
                            "task '" + t.label() + "' notifies '" + name + "', which no handler of the play is named or"
                                    + " listens for" + suggestion(name, known))));
                }
            }
        }

        List<TaskNode> tasks(Node node) {
            List<TaskNode> out = new ArrayList<>();
            if (node == null || (node instanceof ScalarNode s && s.getValue().isEmpty())) {
                return out;
            }
            if (!(node instanceof SequenceNode seq)) {
                problem(node, "expected a list of tasks (each starting with '- ')");
                return out;
            }
            for (Node n : seq.getValue()) {
                Map<String, Node> m = mapping(n, "a task");
                if (m == null) {
                    continue;
                }
                if (m.containsKey("block")) {
                    unknownKeys(m, Keyword.Place.BLOCK);
                    out.add(new Block(doc.at(n), string(m.get("name")), tasks(m.get("block")), conditions(m.get("when")),
                            vars(m.get("vars")), escalation(m), new LinkedHashSet<>(strings(m.get("tags"))),
                            tasks(m.get("rescue")), tasks(m.get("always")), null, environment(m.get("environment")),
                            bool(m.get("any_errors_fatal"), false), null));
                } else if (m.containsKey("include_tasks") || m.containsKey("import_tasks")) {
                    unknownKeys(m, Keyword.Place.INCLUDE);
                    include(n, m).ifPresent(out::add);
                } else if (m.containsKey("include_role") || m.containsKey("import_role")) {
                    unknownKeys(m, Keyword.Place.INCLUDE);
                    includeRole(n, m).ifPresent(out::add);
                } else {
                    Task t = task(n, m, Keyword.Place.TASK);
                    if (t != null) {
                        out.add(t);
                    }
                }
            }
            return out;
        }

        private Optional<TaskNode> include(Node n, Map<String, Node> m) {
            Node fileNode = m.containsKey("include_tasks") ? m.get("include_tasks") : m.get("import_tasks");
            String name = fileNode instanceof MappingNode ? string(mapping(fileNode, "an include").get("file")) : string(fileNode);
            Optional<TaskFile> file = taskFile(fileNode, name, "include_tasks");
            if (file.isEmpty()) {
                return Optional.empty();
            }
            List<TaskNode> tasks = file.get().root() == null ? List.of() : file.get().reader().tasks(file.get().root());
            Block include = new Block(doc.at(n), string(m.get("name")) != null ? string(m.get("name")) : "include " + name,
                    tasks, conditions(m.get("when")), vars(m.get("vars")), escalation(m),
                    new LinkedHashSet<>(strings(m.get("tags"))), List.of(), List.of(), null, environment(m.get("environment")), false,
                    null);
            Block made = looped(m, apply(m, fileNode, include));
            return Optional.of(m.containsKey("include_tasks") ? made.asInclude() : made);
        }

        /** A task file an include or import names, read beside the file naming it; empty (reported) when it cannot be. */
        private Optional<TaskFile> taskFile(Node fileNode, String name, String keyword) {
            if (name == null || name.contains("${")) {
                problem(fileNode, keyword + " needs a task file name written out (no ${...}), relative to the playbook");
                return Optional.empty();
            }
            if (depth >= MAX_INCLUDE_DEPTH) {
                problem(fileNode, "task files include each other more than " + MAX_INCLUDE_DEPTH + " levels deep: is there a cycle?");
                return Optional.empty();
            }
            Path path = dir.resolve(name).normalize();
            try {
                Yaml11 included = Yaml11.read(path);
                return Optional.of(new TaskFile(new Reader(included, path.getParent(), problems, depth + 1, checks), included.root()));
            } catch (InvalidInput e) {
                problems.add(new Problem(doc.at(fileNode), "cannot include " + path + ": " + e.getMessage()));
                return Optional.empty();
            }
        }

        /** A task file read: the reader of its folder, and its root node (null for an empty file). */
        private record TaskFile(Reader reader, Node root) {
        }

        /**
         * {@code import_tasks} among handlers: Ansible imports the file's tasks as handlers of their own names (a static
         * import, the old {@code include}'s behaviour there). It takes the file's name alone.
         */
        private List<TaskNode> importedHandlers(Node n, Map<String, Node> m) {
            for (String k : m.keySet()) {
                if (!k.equals("import_tasks") && !k.equals("name")) {
                    problem(keyOf.getOrDefault(m.get(k), n), "an import of handlers takes the file's name only, not '" + k
                            + "': give it to the handlers in the file");
                }
            }
            return taskFile(m.get("import_tasks"), string(m.get("import_tasks")), "import_tasks").map(f -> f.root() == null ? List.<TaskNode>of() : f.reader().handlers(f.root()))
                    .orElse(List.of());
        }

        /**
         * An include with a loop: its tasks run once per item (each host its own items, in step). A looped include inside
         * another is refused: one loop variable scope at a time.
         */
        private Block looped(Map<String, Node> m, Block include) {
            Loop loop = loop(m, m.containsKey("include_role") ? "include_role" : "include_tasks");
            if (loop == null) {
                return include;
            }
            if (containsLoop(include.tasks())) {
                problem(m.get(loop.with().key()), "an include with a loop includes another include with a loop: unwind runs one looped include at a time;"
                                + " loop inside the included tasks instead");
            }
            return new Block(include.position(), include.name(), include.tasks(), include.when(), include.vars(),
                    include.escalation(), include.tags(), List.of(), List.of(), include.role(), include.environment(),
                    include.anyErrorsFatal(), loop);
        }

        private boolean containsLoop(List<TaskNode> nodes) {
            return nodes.stream().anyMatch(n -> n instanceof Block b && (b.loop() != null || containsLoop(b.tasks())));
        }

        /**
         * {@code apply:} of an include, in its {@code args:} or beside its file or role name (Ansible takes both):
         * keywords given to every included task (tags, become, become_user, environment, vars), as a block around them.
         */
        private Block apply(Map<String, Node> m, Node module, Block include) {
            Node given = null;
            Map<String, Node> a = m.get("args") == null ? null : mapping(m.get("args"), "args of an include (apply)");
            if (a != null) {
                a.forEach((k, v) -> {
                    if (!k.equals("apply")) {
                        problem(keyOf.getOrDefault(v, v), "an include's args take 'apply:' only; '" + k + "' goes in the included tasks");
                    }
                });
                given = a.get("apply");
            }
            Node beside = module instanceof MappingNode mn ? mapping(mn, "an include").get("apply") : null;
            if (beside != null && given != null) {
                problem(beside, "apply is given twice, in args and here: keep one");
            }
            given = given != null ? given : beside;
            Map<String, Node> apply = given == null ? null : mapping(given, "apply (tags, become, become_user, environment, vars)");
            if (apply == null) {
                return include;
            }
            Set<String> allowed = Set.of("tags", "become", "become_user", "become_method", "environment", "vars");
            apply.forEach((k, v) -> {
                if (!allowed.contains(k)) {
                    problem(keyOf.getOrDefault(v, v), "apply takes " + String.join(", ", new java.util.TreeSet<>(allowed))
                            + ", not '" + k + "'");
                }
            });
            Block applied = new Block(include.position(), "apply", include.tasks(), List.of(), vars(apply.get("vars")),
                    escalation(apply), new LinkedHashSet<>(strings(apply.get("tags"))), List.of(), List.of(), null,
                    environment(apply.get("environment")), false, null);
            return new Block(include.position(), include.name(), List.of(applied), include.when(), include.vars(),
                    include.escalation(), include.tags(), List.of(), List.of(), null, include.environment(), false, null);
        }

        /** {@code roles:} of a play: names, or mappings with {@code role:} and the keywords a role entry takes. */
        List<TaskNode> roles(Node node) {
            List<TaskNode> out = new ArrayList<>();
            if (node == null || node instanceof ScalarNode s && s.getValue().isEmpty()) {
                return out;
            }
            if (!(node instanceof SequenceNode seq)) {
                problem(node, "roles is a list of role names, or of '- role: name' entries");
                return out;
            }
            for (Node n : seq.getValue()) {
                if (n instanceof ScalarNode) {
                    role(n, string(n), RoleFiles.MAIN, Map.of(), List.of(), Set.of(), Escalation.INHERIT, true, true, Map.of())
                            .ifPresent(out::add);
                    continue;
                }
                Map<String, Node> m = mapping(n, "a role entry (a name, or '- role: name')");
                if (m == null) {
                    continue;
                }
                misplaced(m, Keyword.Place.ROLE);
                String name = string(m.containsKey("role") ? m.get("role") : m.get("name"));
                // any other key of the entry is a parameter of the role, as in Ansible: '- { role: web, port: 80 }'
                Map<String, Object> vars = new LinkedHashMap<>(vars(m.get("vars")));
                m.forEach((k, v) -> {
                    if (Keyword.of(k).isEmpty()) {
                        vars.put(k, doc.value(v));
                    }
                });
                role(n, name, RoleFiles.MAIN, vars, conditions(m.get("when")), new LinkedHashSet<>(strings(m.get("tags"))),
                        escalation(m), true, true, environment(m.get("environment"))).ifPresent(out::add);
            }
            return out;
        }

        /** {@code include_role} / {@code import_role}: the role's tasks (or {@code tasks_from}) in place, at load time. */
        private Optional<TaskNode> includeRole(Node n, Map<String, Node> m) {
            String key = m.containsKey("include_role") ? "include_role" : "import_role";
            Map<String, Node> spec = mapping(m.get(key), key + " (name, tasks_from, vars_from, defaults_from, handlers_from)");
            if (spec == null) {
                return Optional.empty();
            }
            spec.forEach((k, v) -> {
                if (k.equals("apply") && key.equals("import_role")) {
                    problem(keyOf.getOrDefault(v, v), "import_role takes no apply: its keywords (tags, become ...) go on the import itself");
                } else if (!RoleFiles.ARGUMENTS.contains(k)) {
                    problem(keyOf.getOrDefault(v, v), "unknown argument '" + k + "' of " + key + suggestion(k, RoleFiles.ARGUMENTS));
                }
            });
            RoleFiles files = new RoleFiles(string(spec.get("tasks_from")), string(spec.get("vars_from")),
                    string(spec.get("defaults_from")), string(spec.get("handlers_from")));
            // an include_role runs each time it is reached; an import, like a play's roles, once per play
            boolean imported = key.equals("import_role");
            return role(spec.containsKey("name") ? spec.get("name") : m.get(key), string(spec.get("name")), files,
                    vars(m.get("vars")), conditions(m.get("when")), new LinkedHashSet<>(strings(m.get("tags"))),
                    escalation(m), imported, imported || bool(spec.get("public"), false), environment(m.get("environment")))
                    .map(b -> looped(m, apply(m, m.get(key), (Block) b)))
                    .map(b -> imported ? b : b.asInclude());
        }

        /**
         * A role as a block: its dependencies (meta/main.yml) first, then its tasks; its vars and parameters on the block,
         * its defaults on the role, its handlers added to the play's. Empty when the play already took it in.
         */
        private Optional<TaskNode> role(Node at, String name, RoleFiles files, Map<String, Object> params, List<String> when,
                                        Set<String> tags, Escalation escalation, boolean once, boolean exposed,
                                        Map<String, Object> environment) {
            if (name == null || Templates.isTemplate(name)) {
                problem(at, "a role is named by its name written out (no ${...}): the roles are read before anything runs");
                return Optional.empty();
            }
            if (depth >= MAX_INCLUDE_DEPTH) {
                problem(at, "roles depend on each other more than " + MAX_INCLUDE_DEPTH + " levels deep: is there a cycle?");
                return Optional.empty();
            }
            Optional<Path> found = checks.rolePath().find(name);
            if (found.isEmpty()) {
                problem(at, "cannot find role '" + name + "': looked in " + checks.rolePath().dirs()
                        + " (set UNWIND_ROLES_PATH or ANSIBLE_ROLES_PATH to add folders)");
                return Optional.empty();
            }
            Path dir = found.get();
            Optional<Reader> meta = roleFile(at, dir, "meta", null);
            boolean duplicates = meta.map(r -> r.flag("allow_duplicates")).orElse(false);
            if (once && !duplicates && !checks.roles().first(dir + "|" + files + "|" + params)) {
                return Optional.empty();
            }
            Map<String, Object> defaults = roleFile(at, dir, "defaults", files.defaultsFrom()).map(Reader::asVars).orElse(Map.of());
            Map<String, Object> roleVars = roleFile(at, dir, "vars", files.varsFrom()).map(Reader::asVars).orElse(Map.of());
            Map<String, Object> vars = new LinkedHashMap<>(roleVars);
            vars.putAll(params);
            List<TaskNode> body = new ArrayList<>();
            meta.ifPresent(r -> body.addAll(r.dependencies()));
            Role role = new Role(name, dir, defaults, roleVars);
            if (exposed) {
                checks.roles().expose(role);
            }
            roleFile(at, dir, "tasks", files.tasksFrom()).ifPresent(r -> body.addAll(r.tasks(r.doc.root())));
            roleFile(at, dir, "handlers", files.handlersFrom()).ifPresent(r -> checks.roles().handlers(dir + "|" + files.handlersFrom(),
                    !once, new Block(r.doc.at(r.doc.root()), "handlers of role " + name,
                            r.handlers(r.doc.root()), List.of(), vars, Escalation.INHERIT, Set.of(),
                            List.of(), List.of(), role, Map.of(), false, null)));
            return Optional.of(new Block(doc.at(at), "role " + name, body, when, vars, escalation, tags, List.of(), List.of(), role,
                    environment, false, null));
        }

        /**
         * A reader of the role's {@code sub/base} file; empty when the role has none. A file named by
         * {@code tasks_from} and the like must exist.
         */
        private Optional<Reader> roleFile(Node at, Path dir, String sub, String base) {
            Optional<Path> file = RolePath.file(dir, sub, base == null ? "main" : base);
            if (file.isEmpty()) {
                if (base != null) {
                    problem(at, "role " + dir.getFileName() + " has no " + sub + "/" + base + ".yml (looked in " + dir.resolve(sub) + ")");
                }
                return Optional.empty();
            }
            try {
                Yaml11 y = Yaml11.read(file.get());
                return y.root() == null ? Optional.empty()
                        : Optional.of(new Reader(y, file.get().getParent(), problems, depth + 1, checks.within(dir)));
            } catch (InvalidInput e) {
                problems.addAll(e.problems());
                return Optional.empty();
            }
        }

        private Map<String, Object> asVars() {
            try {
                return doc.asVars();
            } catch (InvalidInput e) {
                problems.addAll(e.problems());
                return Map.of();
            }
        }

        /** A role's meta/main.yml: a top-level true/false such as {@code allow_duplicates}. */
        private boolean flag(String key) {
            Map<String, Node> m = doc.root() instanceof MappingNode ? mapping(doc.root(), "a role's meta") : null;
            return m != null && bool(m.get(key), false);
        }

        /** A role's meta/main.yml: the roles it depends on, as blocks that run before its own tasks. */
        private List<TaskNode> dependencies() {
            Map<String, Node> m = mapping(doc.root(), "a role's meta (dependencies, allow_duplicates, galaxy_info)");
            return m == null ? List.of() : roles(m.get("dependencies"));
        }

        private Task task(Node n, Map<String, Node> given, Keyword.Place place) {
            Map<String, Node> m = given.containsKey("local_action") ? localAction(given) : given;
            if (m == null) {
                return null;
            }
            Set<String> allowed = Keyword.keysOf(place);
            // a keyword of another place that is also a module's name (pause) is the module here
            List<String> moduleKeys = m.keySet().stream()
                    .filter(k -> !allowed.contains(k) && (Keyword.of(k).isEmpty() || catalog.find(k).isPresent())).toList();
            List<String> unknown = moduleKeys.stream().filter(k -> catalog.find(k).isEmpty()).toList();
            List<String> known = moduleKeys.stream().filter(k -> catalog.find(k).isPresent()).toList();
            misplaced(m, place);
            for (String k : unknown) {
                Node keyNode = keyNode(n, k);
                if (known.isEmpty() && unknown.size() == 1) {
                    problem(keyNode, "unknown module '" + k + "'" + suggestion(k, moduleNames()) + " (see 'unwind doc' for the list)");
                } else {
                    // it may be a keyword mistyped or a module unwind lacks: say both, and the nearest of either
                    Set<String> either = new LinkedHashSet<>(allowed);
                    either.addAll(moduleNames());
                    problem(keyNode, "unknown key '" + k + "' in " + place.label() + suggestion(k, either)
                            + " (neither one of its keywords nor a module unwind has: see 'unwind doc --keywords' and 'unwind doc')");
                }
            }
            if (known.size() > 1) {
                problem(n, "a task calls one module, this one calls " + String.join(" and ", known) + ": split it into two tasks");
                return null;
            }
            if (known.isEmpty()) {
                if (unknown.isEmpty()) {
                    problem(n, "the task calls no module: add one, e.g. 'command: ...' (see 'unwind doc')");
                }
                return null;
            }
            String key = known.get(0);
            Module module = catalog.find(key).orElseThrow();
            // ansible.builtin.copy is copy: the task names the module by its short name from here on
            String moduleName = module.name();
            Map<String, Object> args = args(module.spec(), m.get(key), m.get("args"));
            if (moduleName.equals("template")) {
                template(m.get(key), m.get("args"), args.get("src"));
            }
            Loop loop = loop(m, moduleName);
            UndoSpec undo = undo(n, m);
            String changedWhen = condition(m.get("changed_when"));
            Task t = new Task(doc.at(n), string(m.get("name")), moduleName, args, conditions(m.get("when")),
                    string(m.get("register")), loop, condition(m.get("until")),
                    (int) (long) Optional.ofNullable(integer(m.get("retries"))).orElse(m.containsKey("until") ? 3 : 0),
                    number(m.get("delay"), m.containsKey("until") ? 5 : 0), changedWhen, condition(m.get("failed_when")),
                    bool(m.get("ignore_errors"), false), new LinkedHashSet<>(strings(m.get("tags"))),
                    m.containsKey("check_mode") ? bool(m.get("check_mode"), false) : null, bool(m.get("no_log"), false),
                    vars(m.get("vars")), undo, bool(m.get("point_of_no_return"), false), escalation(m), integer(m.get("timeout")),
                    strings(m.get("notify")), strings(m.get("listen")), placement(m), environment(m.get("environment")));
            if (place == Keyword.Place.TASK && undo == null && module.undoKind(args) == UndoKind.EXPLICIT && !"false".equals(changedWhen)) {
                problem(n, "task '" + t.label() + "' can change the host but has no undo: add 'undo:' (a module call or a list"
                        + " of tasks), or 'undo: none' with 'reason:' saying why none is needed, or 'changed_when: false' if it"
                        + " only reads");
            }
            return t;
        }

        /**
         * {@code local_action: copy src=a dest=b} (or a mapping with {@code module:}) is the task {@code copy: src=a dest=b}
         * delegated to localhost: the keys of the task with the module and its arguments taken out of local_action.
         */
        private Map<String, Node> localAction(Map<String, Node> m) {
            Node action = m.get("local_action");
            Map<String, Node> out = new LinkedHashMap<>(m);
            if (action instanceof ScalarNode s) {
                String[] parts = s.getValue().strip().split("\\s+", 2);
                out.put(parts[0], new ScalarNode(org.yaml.snakeyaml.nodes.Tag.STR, parts.length > 1 ? parts[1] : "",
                        s.getStartMark(), s.getEndMark(), org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN));
                return out;
            }
            if (action instanceof MappingNode mn) {
                List<NodeTuple> args = new ArrayList<>();
                String module = null;
                for (NodeTuple t : mn.getValue()) {
                    if ("module".equals(Yaml11.text(t.getKeyNode()))) {
                        module = string(t.getValueNode());
                    } else {
                        args.add(t);
                    }
                }
                if (module != null) {
                    out.put(module, new MappingNode(org.yaml.snakeyaml.nodes.Tag.MAP, true, args, mn.getStartMark(),
                            mn.getEndMark(), org.yaml.snakeyaml.DumperOptions.FlowStyle.AUTO));
                    return out;
                }
            }
            problem(action, "local_action takes a module call: 'local_action: copy src=a dest=b', or a mapping with 'module:'");
            return null;
        }

        /** {@code environment:} a mapping of names the shell can export to values. */
        private Map<String, Object> environment(Node n) {
            Map<String, Object> env = vars(n);
            env.keySet().stream().filter(k -> !k.matches("[A-Za-z_][A-Za-z0-9_]*")).forEach(k -> problem(n,
                    "environment variable '" + k + "' is not a name a shell can export (letters, digits and _)"));
            return env;
        }

        private Placement placement(Map<String, Node> m) {
            String to = m.containsKey("local_action") ? "localhost" : string(m.get("delegate_to"));
            if (m.containsKey("local_action") && m.containsKey("delegate_to")) {
                problem(m.get("delegate_to"), "local_action runs on localhost: it takes no delegate_to");
            }
            if (bool(m.get("delegate_facts"), false) && to != null
                    && (m.containsKey("loop") || m.keySet().stream().anyMatch(k -> k.startsWith("with_")))) {
                problem(m.get("delegate_facts"), "delegate_facts on a looped task: unwind gives the facts to one host only"
                        + " (each item may have its own delegate); set them in a task without a loop");
            }
            Integer throttle = integer(m.get("throttle"));
            if (throttle != null && throttle < 1) {
                problem(m.get("throttle"), "throttle is how many hosts run the task at once: 1 or more");
            }
            return new Placement(to, bool(m.get("delegate_facts"), false), bool(m.get("run_once"), false),
                    throttle == null ? 0 : Math.max(throttle, 1));
        }

        private UndoSpec undo(Node n, Map<String, Node> m) {
            Node u = m.get("undo");
            if (u == null) {
                if (m.containsKey("reason")) {
                    problem(m.get("reason"), "'reason:' goes with 'undo: none'; this task has no 'undo: none'");
                }
                return null;
            }
            if (u instanceof ScalarNode s && s.getValue().equals("none")) {
                String reason = string(m.get("reason"));
                if (reason == null || reason.isBlank()) {
                    problem(u, "'undo: none' needs 'reason:' saying why this change needs no undo");
                }
                return new UndoSpec.None(reason);
            }
            List<Task> tasks = new ArrayList<>();
            List<Node> items = u instanceof SequenceNode seq ? seq.getValue() : List.of(u);
            for (Node item : items) {
                Map<String, Node> um = mapping(item, "an undo task (a module call such as 'command: ...')");
                if (um != null) {
                    Task t = task(item, um, Keyword.Place.UNDO_TASK);
                    if (t != null) {
                        tasks.add(t);
                    }
                }
            }
            if (tasks.stream().map(Task::escalation).distinct().count() > 1) {
                // one undo runs on one connection: as one user
                problem(u, "the undo tasks of one task must all say the same become/become_user: they run as one user");
            }
            return new UndoSpec.Tasks(tasks);
        }

        /** Module arguments from a mapping, a "k=v" string, or a free-form string. */
        private Map<String, Object> args(ModuleSpec spec, Node node, Node extra) {
            Map<String, Object> args = new LinkedHashMap<>();
            Position at = node == null ? null : doc.at(node);
            if (node instanceof MappingNode) {
                mapping(node, "arguments").forEach((k, v) -> args.put(k, doc.value(v)));
            } else if (node instanceof ScalarNode s && !s.getValue().isEmpty() && !s.getTag().getValue().endsWith("null")) {
                try {
                    args.putAll(KeyValueArgs.parse(s.getValue(), spec));
                } catch (IllegalArgumentException e) {
                    problem(node, e.getMessage());
                }
            } else if (node instanceof SequenceNode) {
                problem(node, "arguments of " + spec.name() + " must be a mapping (key: value) or 'key=value' text");
            }
            if (extra != null) {
                mapping(extra, "args").forEach((k, v) -> args.put(k, doc.value(v)));
            }
            ArgsCheck.check(spec, args, at == null ? doc.at(extra == null ? doc.root() : extra) : at, problems);
            return args;
        }

        /** Every scalar once (aliases share nodes): Jinja2 where FreeMarker is meant, and FreeMarker syntax. */
        private void scalarChecks(Node node, Set<Node> seen) {
            if (node == null || !seen.add(node)) {
                return;
            }
            if (node instanceof ScalarNode s) {
                if (ExpressionCheck.JINJA.matcher(s.getValue()).find()) {
                    checks.expressions().jinjaText(doc, s);
                    reported.add(node);
                } else if (checks.expressions().text(doc, s)) {
                    reported.add(node);
                }
            } else if (node instanceof MappingNode m) {
                m.getValue().forEach(t -> {
                    scalarChecks(t.getKeyNode(), seen);
                    scalarChecks(t.getValueNode(), seen);
                });
            } else if (node instanceof SequenceNode s) {
                s.getValue().forEach(n -> scalarChecks(n, seen));
            }
        }

        /** The task's loop ({@code loop} or one of the {@code with_*}) with its {@code loop_control}; null without one. */
        private Loop loop(Map<String, Node> m, String module) {
            List<Loop.With> given = java.util.Arrays.stream(Loop.With.values()).filter(w -> m.containsKey(w.key())).toList();
            Node control = m.get("loop_control");
            if (given.isEmpty()) {
                if (control != null) {
                    problem(control, "loop_control goes with a loop: add 'loop:' (or with_items) to this task");
                }
                return null;
            }
            if (given.size() > 1) {
                problem(m.get(given.get(1).key()), "a task has one loop: use either "
                        + String.join(" or ", given.stream().map(Loop.With::key).toList()));
            }
            Loop.With with = given.get(0);
            Node node = m.get(with.key());
            boolean template = node instanceof ScalarNode s && !s.getTag().getValue().endsWith("null") && Templates.isTemplate(s.getValue());
            boolean listOnly = with == Loop.With.LOOP || with == Loop.With.ITEMS || with == Loop.With.LIST;
            if (node instanceof ScalarNode s && s.getTag().getValue().endsWith("null")) {
                problem(node, with.key() + " needs its items (a list, or a ${...} expression that gives one)");
            } else if (listOnly && !(node instanceof SequenceNode) && !template) {
                problem(node, with.key() + " must be a list (- item) or a ${...} expression that gives one, got "
                        + (node instanceof MappingNode ? "a mapping" : "'" + doc.value(node) + "'"));
            }
            Loop loop = new Loop(with, doc.value(node), loopControl(control));
            literalTerms(loop, node, module);
            return loop;
        }

        /** Terms written out (no ${...}) are expanded now, so that bad ones stop the run before it starts. */
        private void literalTerms(Loop loop, Node node, String module) {
            if (!literal(loop.terms())) {
                return;
            }
            try {
                switch (loop.with()) {
                    case SEQUENCE -> {
                        // each term checked at its own line, without listing numbers that may be many
                        List<Node> terms = node instanceof SequenceNode seq ? seq.getValue() : List.of(node);
                        for (Node term : terms) {
                            try {
                                SequenceTerm.parse(doc.value(term));
                            } catch (IllegalArgumentException e) {
                                problem(term, "with_sequence: " + e.getMessage());
                            }
                        }
                    }
                    case DICT, TOGETHER, NESTED, SUBELEMENTS ->
                            new LoopItems(checks.searchPath()).of(loop, module, java.util.function.UnaryOperator.identity());
                    default -> {
                    }
                }
            } catch (IllegalArgumentException e) {
                problem(node, loop.with().key() + ": " + e.getMessage());
            }
        }

        private static boolean literal(Object v) {
            if (v instanceof String s) {
                return !Templates.isTemplate(s);
            }
            if (v instanceof Map<?, ?> m) {
                return m.keySet().stream().allMatch(PlaybookLoader.Reader::literal) && m.values().stream().allMatch(PlaybookLoader.Reader::literal);
            }
            return !(v instanceof List<?> l) || l.stream().allMatch(PlaybookLoader.Reader::literal);
        }

        private LoopControl loopControl(Node control) {
            Map<String, Node> c = control == null ? null : mapping(control, "loop_control (loop_var, index_var, label, pause, extended)");
            if (c == null) {
                return LoopControl.DEFAULT;
            }
            unknownKeys(c, Keyword.Place.LOOP_CONTROL);
            return new LoopControl(Optional.ofNullable(string(c.get("loop_var"))).orElse("item"), string(c.get("index_var")),
                    string(c.get("label")), number(c.get("pause"), 0), bool(c.get("extended"), false),
                    bool(c.get("extended_allitems"), true));
        }

        /** A template task's literal src: found where the executor will look, and parsed. */
        private void template(Node moduleNode, Node argsNode, Object src) {
            if (!(src instanceof String name) || Templates.isTemplate(name)) {
                return;
            }
            Optional<Path> file = checks.searchPath().find(name, "templates");
            if (file.isPresent()) {
                checks.expressions().templateFile(file.get());
            } else {
                Node at = argsNode != null && argsNode instanceof MappingNode ? argsNode : moduleNode;
                problem(at, "cannot find template '" + name + "' in templates/ beside the playbook, the playbook's folder,"
                        + " or unwind's own templates/ (looked in " + checks.searchPath().dirs() + ")");
            }
        }

        /** vars_files written out literally are read now, so a broken one stops the run before it starts. */
        private void varsFiles(Node node) {
            List<Node> items = node instanceof SequenceNode seq ? seq.getValue() : node == null ? List.of() : List.of(node);
            for (Node item : items) {
                String name = item instanceof ScalarNode s ? s.getValue() : null;
                if (name == null || name.isEmpty() || Templates.isTemplate(name)) {
                    continue;
                }
                Path path = checks.searchPath().dirs().get(0).resolve(name).normalize();
                if (dev.unwind.inventory.InventoryFiles.isVaulted(path)) {
                    continue;   // opened with the run's vault password when the play starts
                }
                try {
                    // and its Jinja parsed (an estate's vars file: evaluated when used)
                    Yaml11 file = Yaml11.read(path);
                    dev.unwind.template.jinja.EstateValues.parsed(file, file.asVars());
                } catch (InvalidInput e) {
                    if (!java.nio.file.Files.exists(path)) {
                        problem(item, "vars file " + path + " does not exist");
                    } else {
                        problems.addAll(e.problems());
                    }
                }
            }
        }

        /** The connection variables a play's keywords set: remote_user, connection, port. */
        private Map<String, Object> reach(Map<String, Node> m) {
            Map<String, Object> reach = new LinkedHashMap<>();
            dev.unwind.transport.ConnectionVariable.PLAY_KEYWORDS.forEach((keyword, variable) -> {
                if (m.get(keyword) != null) {
                    reach.put(variable.names().get(0), doc.value(m.get(keyword)));
                }
            });
            return reach;
        }

        private Escalation escalation(Map<String, Node> m) {
            String method = string(m.get("become_method"));
            if (method != null && !method.equals(Escalation.SUDO)) {
                problem(m.get("become_method"), "unwind becomes with sudo only, not '" + method + "': leave become_method out"
                        + " or write sudo");
            }
            return new Escalation(m.containsKey("become") ? bool(m.get("become"), false) : null, string(m.get("become_user")), method);
        }

        private Map<String, Node> mapping(Node n, String what) {
            if (!(n instanceof MappingNode mn)) {
                problem(n, "expected " + what + " as a mapping (key: value)");
                return null;
            }
            Map<String, Node> out = new LinkedHashMap<>();
            for (NodeTuple t : mn.getValue()) {
                String k = Yaml11.text(t.getKeyNode());
                if (k == null) {
                    problem(t.getKeyNode(), "keys must be plain text");
                } else if (!k.equals("<<")) {
                    // ansible.builtin.include_tasks is include_tasks
                    String shortKey = ModuleCatalog.shortName(k);
                    out.put(Keyword.of(shortKey).isPresent() ? shortKey : k, t.getValueNode());
                    keyOf.put(t.getValueNode(), t.getKeyNode());
                }
            }
            return out;
        }

        private Node keyNode(Node mappingNode, String key) {
            for (NodeTuple t : ((MappingNode) mappingNode).getValue()) {
                if (key.equals(Yaml11.text(t.getKeyNode()))) {
                    return t.getKeyNode();
                }
            }
            return mappingNode;
        }

        private void unknownKeys(Map<String, Node> m, Keyword.Place place) {
            Set<String> allowed = Keyword.keysOf(place);
            misplaced(m, place);
            m.forEach((k, v) -> {
                if (!allowed.contains(k) && Keyword.of(k).isEmpty()) {
                    problem(keyOf.getOrDefault(v, v), "unknown key '" + k + "' in " + place.label() + suggestion(k, allowed));
                }
            });
        }

        /** A keyword written where it does not belong: say where it does. */
        private void misplaced(Map<String, Node> m, Keyword.Place place) {
            boolean callsModule = place == Keyword.Place.TASK || place == Keyword.Place.HANDLER || place == Keyword.Place.UNDO_TASK;
            m.forEach((k, v) -> Keyword.of(k).filter(kw -> !kw.allowedIn(place) && !(callsModule && catalog.find(k).isPresent())).ifPresent(kw ->
                    problem(keyOf.getOrDefault(v, v), "'" + k + "' does not belong in " + place.label() + ": it goes in "
                            + kw.whereItBelongs())));
        }

        private String string(Node n) {
            if (n == null) {
                return null;
            }
            if (!(n instanceof ScalarNode s)) {
                problem(n, "expected a single value here, not a list or mapping");
                return null;
            }
            return s.getTag().getValue().endsWith("null") ? null : s.getValue();
        }

        private List<String> strings(Node n) {
            if (n == null) {
                return List.of();
            }
            if (n instanceof SequenceNode seq) {
                List<String> out = new ArrayList<>();
                seq.getValue().forEach(x -> out.add(string(x)));
                return out;
            }
            String s = string(n);
            if (s == null) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (String part : s.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
            return out;
        }

        private String condition(Node n) {
            if (n == null) {
                return null;
            }
            List<String> all = conditions(n);
            return all.size() == 1 ? all.get(0) : "(" + String.join(") && (", all) + ")";
        }

        private List<String> conditions(Node n) {
            if (n == null) {
                return List.of();
            }
            if (n instanceof SequenceNode seq) {
                List<String> out = new ArrayList<>();
                seq.getValue().forEach(x -> out.addAll(conditions(x)));
                return out;
            }
            Object v = doc.value(n);
            if (v instanceof Map<?, ?>) {
                problem(n, "a condition is a FreeMarker expression such as 'x == \"y\"', not a mapping");
                return List.of();
            }
            String condition = String.valueOf(v);
            if (n instanceof ScalarNode s && !reported.contains(n) && checks.expressions().condition(doc, s, condition)) {
                reported.add(n);
            }
            return List.of(condition);
        }

        private boolean bool(Node n, boolean fallback) {
            if (n == null) {
                return fallback;
            }
            Object v = doc.value(n);
            if (v instanceof Boolean b) {
                return b;
            }
            Boolean parsed = v == null ? null : dev.unwind.module.Args.parseBool(String.valueOf(v));
            if (parsed == null) {
                problem(n, "expected true or false, got '" + v + "'");
                return fallback;
            }
            return parsed;
        }

        private Integer integer(Node n) {
            if (n == null) {
                return null;
            }
            Object v = doc.value(n);
            if (v instanceof Number num) {
                return num.intValue();
            }
            problem(n, "expected a whole number, got '" + v + "'");
            return null;
        }

        private double number(Node n, double fallback) {
            if (n == null) {
                return fallback;
            }
            Object v = doc.value(n);
            if (v instanceof Number num) {
                return num.doubleValue();
            }
            problem(n, "expected a number of seconds, got '" + v + "'");
            return fallback;
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> vars(Node n) {
            if (n == null) {
                return Map.of();
            }
            Object v = doc.value(n);
            if (!(v instanceof Map<?, ?> m)) {
                problem(n, "vars must be a mapping (name: value)");
                return Map.of();
            }
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<Object, Object>) m).forEach((k, val) -> out.put(String.valueOf(k), val));
            return out;
        }

        private void problem(Node n, String message) {
            problems.add(new Problem(n == null ? Position.of(doc.file()) : doc.at(n), message));
        }
    }

    private Set<String> moduleNames() {
        Set<String> names = new LinkedHashSet<>();
        catalog.all().forEach(m -> names.add(m.name()));
        return names;
    }

    /** ", did you mean 'x'?" for the closest name within two edits. */
    static String suggestion(String given, Set<String> names) {
        String best = null;
        int bestDistance = 3;
        for (String n : names) {
            int d = distance(given, n);
            if (d < bestDistance) {
                best = n;
                bestDistance = d;
            }
        }
        return best == null ? "" : ": did you mean '" + best + "'?";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
