package dev.unwind.convert;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a Jinja condition or text written where unwind reads FreeMarker would be in FreeMarker, as {@code unwind convert}
 * writes it: lint's message shows it, so that an Ansible user's {@code when: x is defined} is answered with
 * {@code x??} at its file, line and column, not only refused.
 */
public final class FreeMarkerForm {
    /**
     * Jinja's marks in a condition that still parses as FreeMarker, where it means something else: {@code x | bool} is
     * FreeMarker's (non-short-circuit) or of x and a variable named bool.
     */
    private static final Pattern FILTER = Pattern.compile("(?<![|])\\|(?![|])\\s*(bool|default|d|int|float|string|length|count|lower|upper|trim"
            + "|first|last|list|join|version|regex_search|match|search)\\b");

    private FreeMarkerForm() {
    }

    /** True when a condition FreeMarker parses is still Jinja (a filter after a single '|'). */
    public static boolean looksJinja(String condition) {
        return FILTER.matcher(condition).find();
    }

    /** The condition in FreeMarker; empty when it is not Jinja either, or has no FreeMarker form. */
    public static Optional<String> ofCondition(String jinja) {
        try {
            String fm = new JinjaExpressions().condition(jinja.strip());
            return fm.equals(jinja.strip()) ? Optional.empty() : Optional.of(fm);
        } catch (Unconvertible | IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** A text holding {@code {{ ... }}} in FreeMarker; empty when some part of it has no FreeMarker form. */
    public static Optional<String> ofText(String jinja) {
        try {
            JinjaTemplates.Converted c = JinjaTemplates.convert(jinja);
            return c.gaps().isEmpty() && !c.text().equals(jinja) ? Optional.of(c.text()) : Optional.empty();
        } catch (Unconvertible | IllegalStateException e) {
            return Optional.empty();
        }
    }
}
