package dev.unwind.playbook;

import dev.unwind.module.Args;
import dev.unwind.template.TemplateError;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The items a task's loop gives on one host, as Ansible gives them: {@code loop} takes a list as it is, and each
 * {@code with_*} runs Ansible's lookup of that name over its rendered terms (a text term standing for a list of
 * one). Controller files are looked for where Ansible's lookups look: under {@code files/} (the template module's
 * under {@code templates/}, include_vars' under {@code vars/}) or beside the playbook. A loop that gives no items
 * this way is an {@link IllegalArgumentException} saying why.
 */
public final class LoopItems {
    private final SearchPath searchPath;

    public LoopItems(SearchPath searchPath) {
        this.searchPath = searchPath;
    }

    /** The items of {@code loop} on a task calling {@code module}; {@code render} renders a value for the host. */
    public List<Object> of(Loop loop, String module, UnaryOperator<Object> render) {
        if (loop.with() == Loop.With.FIRST_FOUND) {
            return firstFound(loop.terms(), render, subdir(module));
        }
        Object rendered = render.apply(loop.terms());
        return switch (loop.with()) {
            case LOOP -> {
                if (!(rendered instanceof List<?> list)) {
                    throw new IllegalArgumentException("loop must be a list, got " + describe(rendered));
                }
                yield new ArrayList<>(list);
            }
            case ITEMS -> flattened(terms(rendered));
            case LIST -> iterated(terms(rendered));
            case DICT -> dict(rendered);
            case FILEGLOB -> fileglob(iterated(terms(rendered)));
            case SEQUENCE -> iterated(terms(rendered)).stream().flatMap(t -> SequenceTerm.parse(t).values().stream())
                    .map(Object.class::cast).toList();
            case TOGETHER -> together(lists(rendered, "with_together requires at least one element in each list"));
            case NESTED -> nested(lists(rendered, "with_nested requires at least one element in the nested list"));
            case SUBELEMENTS -> new Subelements(rendered).items();
            case FIRST_FOUND -> throw new AssertionError("handled above");
        };
    }

    /** Where a module's lookups look for files: Ansible picks by the action's name. */
    private static String subdir(String module) {
        return module.contains("template") ? "templates" : module.contains("var") ? "vars" : "files";
    }

    /** Ansible's listify: a text (or a number, a boolean, nothing) stands for a list of one; lists and mappings stay. */
    private static Object terms(Object rendered) {
        return rendered instanceof List<?> || rendered instanceof Map<?, ?> ? rendered : Arrays.asList(rendered);
    }

    /** What Python's {@code for x in value} goes over: a list's items, a mapping's keys, a text's characters. */
    static List<Object> iterated(Object value) {
        if (value instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        if (value instanceof Map<?, ?> m) {
            return new ArrayList<>(m.keySet());
        }
        if (value instanceof String s) {
            return new ArrayList<>(s.codePoints().mapToObj(Character::toString).toList());
        }
        throw new IllegalArgumentException("expected a list, got " + describe(value));
    }

    /** Ansible's _flatten: items that are lists are spread one level. */
    private static List<Object> flattened(Object terms) {
        List<Object> out = new ArrayList<>();
        for (Object t : iterated(terms)) {
            if (t instanceof List<?> inner) {
                out.addAll(inner);
            } else {
                out.add(t);
            }
        }
        return out;
    }

    private static List<Object> dict(Object rendered) {
        List<Object> out = new ArrayList<>();
        for (Object term : rendered instanceof List<?> l ? l : Arrays.asList(rendered)) {
            if (!(term instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException("with_dict expects a mapping (key: value), got " + describe(term));
            }
            m.forEach((k, v) -> {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("key", k);
                entry.put("value", v);
                out.add(entry);
            });
        }
        return out;
    }

    /** The terms of with_together and with_nested: each a list (a text a list of one). */
    private static List<List<Object>> lists(Object rendered, String whenEmpty) {
        List<List<Object>> out = iterated(terms(rendered)).stream().map(t -> iterated(terms(t))).toList();
        if (out.isEmpty()) {
            throw new IllegalArgumentException(whenEmpty);
        }
        return out;
    }

    /** zip_longest: the i-th item of every list, nothing where a list is shorter; each flattened once. */
    private static List<Object> together(List<List<Object>> lists) {
        int longest = lists.stream().mapToInt(List::size).max().orElse(0);
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < longest; i++) {
            List<Object> row = new ArrayList<>();
            for (List<Object> l : lists) {
                row.add(i < l.size() ? l.get(i) : null);
            }
            out.add(flattened(row));
        }
        return out;
    }

    /** The product of the lists, the first varying slowest; each combination flattened as Ansible's _combine does. */
    private static List<Object> nested(List<List<Object>> lists) {
        List<Object> result = lists.get(0);
        for (List<Object> next : lists.subList(1, lists.size())) {
            List<Object> combined = new ArrayList<>();
            for (Object x : result) {
                for (Object y : next) {
                    combined.add(flattened(Arrays.asList(x, y)));
                }
            }
            result = combined;
        }
        return result.stream().map(x -> (Object) flattened(x)).toList();
    }

    private List<Object> fileglob(List<Object> terms) {
        List<Object> out = new ArrayList<>();
        for (Object term : terms) {
            if (!(term instanceof String pattern)) {
                throw new IllegalArgumentException("with_fileglob takes file patterns such as '*.conf', got " + describe(term));
            }
            Path asGiven = Path.of(pattern);
            FileGlob glob = new FileGlob(asGiven.getFileName() == null ? "" : asGiven.getFileName().toString());
            List<Path> dirs = new ArrayList<>();
            if (asGiven.getParent() != null) {
                // a pattern with a folder: the folder is found as a file is, the pattern matched in it
                searchPath.locate(asGiven.getParent().toString(), "files").ifPresent(dirs::add);
            } else {
                searchPath.dirs().forEach(d -> dirs.addAll(List.of(d.resolve("files"), d)));
            }
            for (Path dir : dirs) {
                List<Path> found = glob.in(dir);
                if (!found.isEmpty()) {
                    found.forEach(p -> out.add(p.toString()));
                    break;
                }
            }
        }
        return out;
    }

    /**
     * Ansible's first_found: terms are names, lists of names, or mappings of {@code files} (split at , and ;),
     * {@code paths} (split at , : and ;) and {@code skip}. A term naming an undefined variable is passed over. The
     * one item is the first name found; with {@code skip}, no item when none is.
     */
    private List<Object> firstFound(Object terms, UnaryOperator<Object> render, String subdir) {
        List<Object> rendered = new ArrayList<>();
        for (Object term : terms instanceof List<?> l ? l : Arrays.asList(terms)) {
            try {
                rendered.add(render.apply(term));
            } catch (TemplateError e) {
                if (e.undefined() == null) {
                    throw e;
                }
            }
        }
        List<String> search = new ArrayList<>();
        boolean skip = candidates(rendered, search);
        for (String name : search) {
            var found = searchPath.locate(name, subdir);
            if (found.isPresent()) {
                return List.of(found.get().toString());
            }
        }
        if (skip) {
            return List.of();
        }
        throw new IllegalArgumentException("with_first_found found none of " + search + " (looked in " + subdir
                + "/ and beside " + searchPath.dirs() + "); add skip: true for no item instead");
    }

    /** Adds the names to look for to {@code search}, in order; whether the last term said {@code skip}. */
    private static boolean candidates(List<?> terms, List<String> search) {
        boolean skip = false;
        for (Object term : terms) {
            if (term instanceof List<?> l) {
                skip = candidates(l, search);
                continue;
            }
            List<String> files = List.of();
            List<String> paths = List.of();
            skip = false;
            if (term instanceof Map<?, ?> m) {
                files = split(m.get("files"), ",;");
                paths = split(m.get("paths"), ",:;");
                skip = m.get("skip") != null && Boolean.TRUE.equals(Args.parseBool(String.valueOf(m.get("skip"))));
            } else if (!(term instanceof String)) {
                throw new IllegalArgumentException("with_first_found takes names, lists of names or mappings of files,"
                        + " paths and skip, got " + describe(term));
            }
            if (!paths.isEmpty()) {
                for (String path : paths) {
                    files.forEach(f -> search.add(Path.of(path).resolve(f).toString()));
                }
            } else if (!files.isEmpty()) {
                // as Ansible: a mapping with files and no paths replaces what the terms before it gave
                search.clear();
                search.addAll(files);
            } else if (term instanceof String name) {
                search.add(name);
            } else {
                throw new IllegalArgumentException("with_first_found: a mapping needs files (and may have paths, skip)");
            }
        }
        return skip;
    }

    /** A text split at any of {@code separators} (a comma-separated text trimmed at its commas), or a list's texts so split. */
    private static List<String> split(Object value, String separators) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        List<?> parts = value instanceof List<?> l ? l : Arrays.stream(String.valueOf(value).split(",", -1)).map(String::strip).toList();
        for (Object part : parts) {
            out.addAll(Arrays.asList(String.valueOf(part).split("[" + separators + "]", -1)));
        }
        return out;
    }

    static String describe(Object v) {
        return v == null ? "nothing" : v instanceof Map<?, ?> ? "a mapping" : v instanceof List<?> ? "a list" : "'" + v + "'";
    }
}
