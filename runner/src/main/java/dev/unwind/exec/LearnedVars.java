package dev.unwind.exec;

import dev.unwind.module.control.IncludeVarsModule;
import dev.unwind.module.control.SetFactModule;
import dev.unwind.vars.HostVariables;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * What a task's result adds to its host's variables, as Ansible's strategy takes it: the {@code ansible_facts} of
 * set_fact at the precedence of registered results, those of include_vars at include_vars' own, those of any other
 * module (setup, getent) as the host's facts; from the task, or
 * from each item of its loop that did not fail.
 */
final class LearnedVars {
    private LearnedVars() {
    }

    static void learn(String host, String module, HostOutcome outcome, HostVariables hostVariables) {
        List<?> results = outcome.result().get("results") instanceof List<?> items ? items : List.of(outcome.result());
        for (Object r : results) {
            if (r instanceof Map<?, ?> result && !Boolean.TRUE.equals(result.get("failed"))
                    && result.get(SetFactModule.FACTS) instanceof Map<?, ?> facts) {
                List<String> files = result.get("ansible_included_var_files") instanceof List<?> l
                        ? l.stream().map(String::valueOf).toList() : List.of();
                BiConsumer<String, Object> into = switch (module) {
                    case SetFactModule.NAME -> (name, value) -> hostVariables.register(host, name, value);
                    case IncludeVarsModule.NAME -> (name, value) -> hostVariables.include(host, name, value, files);
                    // any other module's ansible_facts (setup, getent...) become the host's facts, as Ansible takes them
                    default -> null;
                };
                if (into == null) {
                    hostVariables.addFacts(host, facts);
                } else {
                    facts.forEach((k, v) -> into.accept(String.valueOf(k), v));
                }
            }
        }
    }
}
