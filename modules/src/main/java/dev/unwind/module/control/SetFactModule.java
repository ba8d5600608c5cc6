package dev.unwind.module.control;

import dev.unwind.module.ArgSpec;
import dev.unwind.module.ArgType;
import dev.unwind.module.Args;
import dev.unwind.module.Module;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.ModuleSpec;
import dev.unwind.module.Outcome;
import dev.unwind.module.UndoKind;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code set_fact}: sets host variables. Every argument is a fact; the result key
 * {@value #FACTS} holds them and the engine merges them into the host's variables.
 */
public final class SetFactModule implements Module {
    /** The result key whose map the engine merges into the host's facts. */
    public static final String FACTS = "ansible_facts";
    public static final String NAME = "set_fact";

    private static final ModuleSpec SPEC = ModuleSpec.of(NAME,
                    "Sets variables of the host for the rest of the run (precedence of registered results). "
                            + "Every argument is a variable.",
                    UndoKind.READ_ONLY,
                    ArgSpec.optional("cacheable", ArgType.BOOL, false, "accepted for Ansible compatibility; no effect"))
            .acceptingAnyArgs()
            .returns(Map.of(FACTS, "the variables set; the engine merges them into the host's variables"))
            .checkMode("runs: facts are set in check mode too, so later tasks predict with them");

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) {
        Map<String, Object> facts = new LinkedHashMap<>(args.asMap());
        facts.remove("cacheable");
        if (facts.isEmpty()) {
            return Outcome.failed("set_fact needs at least one variable, as name: value");
        }
        for (String name : facts.keySet()) {
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                return Outcome.failed("'" + name + "' is not a valid variable name (letters, digits, _; not starting with a digit)");
            }
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put(FACTS, facts);
        return Outcome.ok("set " + String.join(", ", facts.keySet()), r);
    }
}
