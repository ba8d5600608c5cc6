package dev.unwind.module.doc;

import dev.unwind.module.ArgSpec;
import dev.unwind.module.Module;
import dev.unwind.module.ModuleCatalog;
import dev.unwind.module.ModuleSpec;

import java.util.Map;
import java.util.TreeMap;

/**
 * The text of {@code unwind doc} (every module, one line each) and {@code unwind doc MODULE} (arguments,
 * defaults, return values, check-mode behaviour and undo), rendered from each module's {@link ModuleSpec}
 * so the documentation cannot drift from what the loader validates.
 */
public final class ModuleDoc {
    private static final String INTERNAL = "Internal:";
    private final ModuleCatalog catalog;

    public ModuleDoc(ModuleCatalog catalog) {
        this.catalog = catalog;
    }

    /** One line per module: name and the first sentence of its description; internal modules last. */
    public String list() {
        int width = catalog.all().stream().mapToInt(m -> m.name().length()).max().orElse(10) + 2;
        StringBuilder out = new StringBuilder();
        StringBuilder internal = new StringBuilder();
        for (Module m : catalog.all()) {
            String d = m.spec().description();
            StringBuilder to = d.startsWith(INTERNAL) ? internal : out;
            to.append(pad(m.name(), width)).append(firstSentence(d.startsWith(INTERNAL) ? d.substring(INTERNAL.length()).trim() : d))
                    .append('\n');
        }
        if (internal.length() > 0) {
            out.append("\nInternal (used by automatic undo; not meant for playbooks):\n").append(internal);
        }
        return out.toString();
    }

    /** The full page of one module, or empty when there is no such module. */
    public java.util.Optional<String> describe(String name) {
        return catalog.find(name).map(m -> page(m.spec()));
    }

    static String page(ModuleSpec s) {
        StringBuilder out = new StringBuilder();
        out.append(s.name()).append("\n\n").append(wrap(s.description(), "  ")).append("\n\nARGUMENTS\n");
        if (s.args().isEmpty() && !s.openArgs()) {
            out.append("  (none)\n");
        }
        for (ArgSpec a : s.args()) {
            out.append("  ").append(a.name()).append(" (").append(a.type().label());
            out.append(a.required() ? ", required" : "");
            if (a.defaultValue() != null) {
                out.append(", default: ").append(a.defaultValue());
            }
            out.append(")");
            if (a.name().equals(s.freeForm())) {
                out.append("  [free form: ").append(s.name()).append(": VALUE]");
            }
            out.append('\n');
            if (!a.choices().isEmpty()) {
                out.append("      choices: ").append(String.join(", ", a.choices())).append('\n');
            }
            if (!a.aliases().isEmpty()) {
                out.append("      aliases: ").append(String.join(", ", a.aliases())).append('\n');
            }
            if (a.secret()) {
                out.append("      secret: redacted in logs and output\n");
            }
            out.append(wrap(a.description(), "      ")).append('\n');
        }
        if (s.openArgs()) {
            out.append("  any other name: accepted (each is a value, see the description)\n");
        }
        out.append("\nRETURNS\n");
        if (s.returns().isEmpty()) {
            out.append("  (nothing beyond changed, failed and msg)\n");
        }
        for (Map.Entry<String, String> e : new TreeMap<>(s.returns()).entrySet()) {
            out.append("  ").append(e.getKey()).append('\n').append(wrap(e.getValue(), "      ")).append('\n');
        }
        out.append("\nCHECK MODE\n").append(wrap(s.checkMode(), "  ")).append("\n\nUNDO\n").append(wrap(switch (s.undo()) {
            case READ_ONLY -> "none needed: the module changes nothing on the host";
            case AUTOMATIC -> "automatic: the module journals its own inverse, computed from the state it saw before acting";
            case EXPLICIT -> "the task must say undo: (a module call or a list of tasks) or undo: none with a reason:";
        }, "  ")).append('\n');
        return out.toString();
    }

    private static String firstSentence(String text) {
        int i = text.indexOf(". ");
        String s = i < 0 ? text : text.substring(0, i + 1);
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }

    /** Wraps text at 100 columns, each line indented. */
    static String wrap(String text, String indent) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.split("\\s+")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > 100) {
                out.append(line).append('\n');
                line = new StringBuilder(indent);
            }
            if (line.length() > indent.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        return out.append(line).toString();
    }
}
