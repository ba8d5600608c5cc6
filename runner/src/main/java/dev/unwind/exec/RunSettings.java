package dev.unwind.exec;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How to run: the command line's choices.
 *
 * @param failAfterTask rehearsal: the task (by name) that is made to fail right after it changed its hosts, or null
 * @param keepBeforeImages a run that ends well leaves the large files' before-images on the hosts (for a later rollback)
 * @param forceHandlers {@code --force-handlers}: every play as if it said {@code force_handlers: true}
 */
public record RunSettings(boolean check, boolean diff, int forks, Set<String> tags, Set<String> skipTags, String limit,
                          String startAtTask, Map<String, Object> extraVars, boolean verbose, List<String> inventorySources,
                          String failAfterTask, boolean keepBeforeImages, Map<String, Map<String, Object>> promptAnswers,
                          Set<String> userExtraVars, boolean forceHandlers) {

    /**
     * The extra vars the user gave ({@code -e}): the estate's, whose Jinja is templated when used as Ansible templates
     * it; the others (what a command sets itself: the upgrade's admin password) are taken as they are.
     */
    public Map<String, Object> estateExtraVars() {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        extraVars.forEach((k, v) -> {
            if (userExtraVars.contains(k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** What the play's vars_prompt was answered (by variable), asked before the run; empty without prompts. */
    public Map<String, Object> prompted(dev.unwind.playbook.Play play) {
        return promptAnswers.getOrDefault(play.position().toString(), Map.of());
    }
}
