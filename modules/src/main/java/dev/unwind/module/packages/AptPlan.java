package dev.unwind.module.packages;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an apt-get command would do, read from its simulation ({@code apt-get -s}): the packages it installs,
 * upgrades, downgrades, removes and purges, dependencies included.
 */
public record AptPlan(List<Step> steps) {
    private static final Pattern LINE = Pattern.compile("^(Inst|Remv|Purg) (\\S+)(?: \\[([^\\]]*)])?(?: \\((\\S+)[^)]*\\))?.*$");

    public AptPlan {
        steps = List.copyOf(steps);
    }

    /** What happens to one package. */
    public enum Action { INSTALL, REMOVE, PURGE }

    /**
     * @param before the version installed before, or null
     * @param after  the version installed after, or null when removed
     */
    public record Step(Action action, String name, String before, String after) {
        public boolean upgradesOrDowngrades() {
            return action == Action.INSTALL && before != null;
        }
    }

    public static AptPlan parse(String simulation) {
        List<Step> steps = new ArrayList<>();
        for (String line : simulation.split("\n")) {
            Matcher m = LINE.matcher(line.strip());
            if (!m.matches()) {
                continue;
            }
            Action a = switch (m.group(1)) {
                case "Inst" -> Action.INSTALL;
                case "Remv" -> Action.REMOVE;
                default -> Action.PURGE;
            };
            steps.add(new Step(a, Installed.bare(m.group(2)), m.group(3), a == Action.INSTALL ? m.group(4) : null));
        }
        return new AptPlan(steps);
    }

    public boolean changes() {
        return !steps.isEmpty();
    }

    public List<String> names() {
        return steps.stream().map(Step::name).toList();
    }

    /** One line a person reads: "install unwind-hello 2.0, upgrade x 1.0 → 2.0, remove y 1.0". */
    public String summary() {
        List<String> parts = new ArrayList<>();
        for (Step s : steps) {
            parts.add(switch (s.action()) {
                case INSTALL -> s.before() == null ? "install " + s.name() + " " + s.after()
                        : "replace " + s.name() + " " + s.before() + " by " + s.after();
                case REMOVE -> "remove " + s.name() + (s.before() == null ? "" : " " + s.before());
                case PURGE -> "purge " + s.name() + (s.before() == null ? "" : " " + s.before());
            });
        }
        return String.join(", ", parts);
    }
}
