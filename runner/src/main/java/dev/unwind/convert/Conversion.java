package dev.unwind.convert;

import dev.unwind.input.InvalidInput;
import dev.unwind.input.Position;
import dev.unwind.input.Problem;
import dev.unwind.input.Yaml11;
import dev.unwind.module.ModuleCatalog;
import dev.unwind.module.library.LibraryModules;
import dev.unwind.playbook.PlaybookLoader;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code unwind convert PATH --out DIR}: every file of an Ansible playbook or project written under DIR with its
 * relative path and name ({@code *.j2} as {@code *.ftl}), playbooks, task files, handlers, vars, defaults and meta
 * rewritten ({@link YamlRewrite}), templates converted ({@link JinjaTemplates}), files/, group_vars/ and host_vars/
 * copied as they are (unwind evaluates Jinja in the inventory's variables as Ansible does). Then each converted
 * playbook is loaded as {@code unwind lint} loads it: tasks that can change a host without an undo get a placeholder
 * ({@link UndoPlaceholders}), and what unwind still refuses is a gap like any other.
 */
public final class Conversion {
    /** What a conversion did: the files it wrote, the playbooks it checked, and what needs hand work. */
    public record Report(List<Path> written, List<Path> playbooks, List<Gap> gaps) {
    }

    private static final String NO_UNDO = "can change the host but has no undo";
    private static final Set<String> VERBATIM = Set.of("files", "group_vars", "host_vars");
    /** What a playbook given alone takes from beside it: converted with it. */
    private static final List<String> BESIDE_A_PLAYBOOK = List.of("roles", "tasks", "handlers", "templates", "files", "vars",
            "group_vars", "host_vars", "library");
    private static final Set<String> IMPORT_PLAYBOOK = Set.of("import_playbook", "ansible.builtin.import_playbook");

    private Conversion() {
    }

    public static Report run(Path input, Path out) {
        if (!Files.exists(input)) {
            throw new InvalidInput(Position.of(input.toString()), "no such file or directory");
        }
        // a playbook's folder as the path was given (relative stays relative: the walk's paths are made from it)
        Path root = Files.isDirectory(input) ? input : input.getParent() != null ? input.getParent() : Path.of("");
        Map<Path, Kind> files = files(input, root, out);
        Map<Path, String> converted = new LinkedHashMap<>();
        List<Gap> gaps = new ArrayList<>();
        List<Problem> invalid = new ArrayList<>();
        for (Map.Entry<Path, Kind> f : files.entrySet()) {
            Path source = root.resolve(f.getKey());
            try {
                converted.put(f.getKey(), convert(source, f.getValue(), gaps));
            } catch (InvalidInput e) {
                invalid.addAll(e.problems());
            }
        }
        if (!invalid.isEmpty()) {
            throw new InvalidInput(invalid);
        }
        List<Path> written = new ArrayList<>();
        List<Path> playbooks = new ArrayList<>();
        for (Map.Entry<Path, String> c : converted.entrySet()) {
            Path target = out.resolve(outputName(c.getKey(), files.get(c.getKey())));
            write(target, c.getValue(), root.resolve(c.getKey()), files.get(c.getKey()));
            written.add(target);
            if (files.get(c.getKey()) == Kind.YAML && isPlaybook(target)) {
                playbooks.add(target);
            }
        }
        playbooks.forEach(p -> check(p, gaps));
        return new Report(List.copyOf(written), List.copyOf(playbooks), List.copyOf(gaps));
    }

    /** How a file is converted. */
    enum Kind { YAML, TEMPLATE, COPY }

    /** The files of the input: a folder's all, or a playbook and the folders beside it that a playbook takes from. */
    private static Map<Path, Kind> files(Path input, Path root, Path out) {
        Map<Path, Kind> files = new LinkedHashMap<>();
        Path outAbs = out.toAbsolutePath().normalize();
        Stream<Path> beside = Files.isDirectory(input) ? Stream.of(input)
                : Stream.concat(Stream.of(input), BESIDE_A_PLAYBOOK.stream().map(root::resolve).filter(Files::isDirectory));
        try (Stream<Path> walk = beside.flatMap(Conversion::walk)) {
            walk.filter(Files::isRegularFile).sorted().forEach(p -> {
                Path rel = root.relativize(p);
                boolean hidden = false;
                for (Path part : rel) {
                    hidden |= part.toString().startsWith(".");
                }
                if (!hidden && !p.toAbsolutePath().normalize().startsWith(outAbs)) {
                    files.put(rel, kind(rel));
                }
            });
        }
        return files;
    }

    private static Stream<Path> walk(Path p) {
        try {
            return Files.walk(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Kind kind(Path rel) {
        Set<String> dirs = new HashSet<>();
        for (int i = 0; i < rel.getNameCount() - 1; i++) {
            dirs.add(rel.getName(i).toString());
        }
        String name = rel.getFileName().toString();
        if (dirs.stream().anyMatch(VERBATIM::contains)) {
            return Kind.COPY;
        }
        if (dirs.contains("templates") || name.endsWith(".j2")) {
            return Kind.TEMPLATE;
        }
        return name.endsWith(".yml") || name.endsWith(".yaml") ? Kind.YAML : Kind.COPY;
    }

    private static Path outputName(Path rel, Kind kind) {
        String name = rel.getFileName().toString();
        if (kind == Kind.TEMPLATE && name.endsWith(".j2")) {
            return rel.resolveSibling(name.substring(0, name.length() - 3) + ".ftl");
        }
        return rel;
    }

    private static String convert(Path source, Kind kind, List<Gap> gaps) {
        if (kind == Kind.COPY) {
            return null;
        }
        String text = read(source);
        if (kind == Kind.YAML) {
            YamlRewrite.Rewritten r = YamlRewrite.of(source.toString(), text);
            gaps.addAll(r.gaps());
            return r.text();
        }
        JinjaTemplates.Converted c = JinjaTemplates.convert(text);
        c.gaps().forEach(g -> gaps.add(new Gap(source.toString(), g.line(), g.what())));
        return c.text();
    }

    private static void write(Path target, String text, Path source, Kind kind) {
        try {
            Files.createDirectories(target.getParent());
            if (kind == Kind.COPY) {
                Files.copy(source, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.writeString(target, text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A list whose items are plays: mappings with hosts, or an import_playbook. */
    private static boolean isPlaybook(Path file) {
        Node root = Yaml11.read(file).root();
        return root instanceof SequenceNode s && !s.getValue().isEmpty() && s.getValue().stream().allMatch(n -> n instanceof MappingNode m
                && m.getValue().stream().map(t -> Yaml11.text(t.getKeyNode())).anyMatch(k -> "hosts".equals(k) || IMPORT_PLAYBOOK.contains(k)));
    }

    /** Loads the converted playbook as lint does: placeholders where an undo is missing, the rest listed. */
    private static void check(Path playbook, List<Gap> gaps) {
        for (int round = 0; round < 3; round++) {
            List<Problem> problems = problems(playbook);
            Map<String, Set<List<Integer>>> noUndo = new LinkedHashMap<>();
            problems.stream().filter(p -> p.message().contains(NO_UNDO)).forEach(p -> noUndo
                    .computeIfAbsent(p.where().file(), f -> new HashSet<>()).add(List.of(p.where().line(), p.where().column())));
            if (noUndo.isEmpty() || round == 2) {
                problems.forEach(p -> gaps.add(new Gap(p.where().file(), p.where().line(), "unwind lint: " + p.message())));
                return;
            }
            noUndo.forEach((file, tasks) -> {
                Path f = Path.of(file);
                try {
                    Files.writeString(f, UndoPlaceholders.add(file, read(f), tasks));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static List<Problem> problems(Path playbook) {
        try {
            new PlaybookLoader(ModuleCatalog.builtIn().with(LibraryModules.scan(playbook.toAbsolutePath().getParent()))).load(playbook);
            return List.of();
        } catch (InvalidInput e) {
            return e.problems();
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
