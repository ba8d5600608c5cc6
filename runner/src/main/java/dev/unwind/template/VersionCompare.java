package dev.unwind.template;

import freemarker.template.TemplateBooleanModel;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateScalarModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code version_compare(value, other, op)}: Ansible's {@code version} test ({@code value is version(other, op)}) as
 * its default, loose, comparison makes it: each version is split into numbers and runs of lower-case letters (dots
 * drop out, anything else stays as text), and the parts compare in order, numbers as numbers. A number against a text
 * cannot compare, as in Ansible; that is an error, not an answer.
 */
final class VersionCompare implements TemplateMethodModelEx {
    private static final Pattern PART = Pattern.compile("\\d+|[a-z]+|\\.");
    private static final Map<String, String> OPERATORS = Map.ofEntries(Map.entry("==", "=="), Map.entry("=", "=="),
            Map.entry("eq", "=="), Map.entry("!=", "!="), Map.entry("<>", "!="), Map.entry("ne", "!="),
            Map.entry("<", "<"), Map.entry("lt", "<"), Map.entry("<=", "<="), Map.entry("le", "<="),
            Map.entry(">", ">"), Map.entry("gt", ">"), Map.entry(">=", ">="), Map.entry("ge", ">="));

    @Override
    public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
        if (arguments.size() < 2 || arguments.size() > 3) {
            throw new TemplateModelException("version_compare(value, version, operator) takes 2 or 3 arguments");
        }
        String op = arguments.size() == 3 ? text(arguments.get(2)) : "eq";
        String canonical = OPERATORS.get(op);
        if (canonical == null) {
            throw new TemplateModelException("version_compare: unknown operator '" + op + "' (use one of ==, !=, <, <=, >, >=)");
        }
        String value = text(arguments.get(0));
        String other = text(arguments.get(1));
        if (value.isEmpty() || other.isEmpty()) {
            throw new TemplateModelException("version_compare: a version cannot be empty (as in Ansible)");
        }
        int c = compare(parts(value), parts(other));
        return switch (canonical) {
            case "==" -> c == 0;
            case "!=" -> c != 0;
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            default -> c >= 0;
        };
    }

    /** The parts of a version: numbers (Long) and texts, the dots left out. */
    static List<Object> parts(String version) {
        List<Object> out = new ArrayList<>();
        Matcher m = PART.matcher(version);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                out.add(version.substring(at, m.start()));
            }
            String p = m.group();
            if (!p.equals(".")) {
                out.add(Character.isDigit(p.charAt(0)) ? (Object) Long.parseLong(p) : p);
            }
            at = m.end();
        }
        if (at < version.length()) {
            out.add(version.substring(at));
        }
        return out;
    }

    /** As Python compares two lists: part by part, the shorter list first when one is the other's start. */
    static int compare(List<Object> a, List<Object> b) throws TemplateModelException {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            if (x instanceof Long && y instanceof String || x instanceof String && y instanceof Long) {
                throw new TemplateModelException("version_compare: cannot compare the part '" + x + "' with '" + y
                        + "' (a number with a text, as Ansible cannot either)");
            }
            int c = x instanceof Long l ? l.compareTo((Long) y) : ((String) x).compareTo((String) y);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static String text(Object model) throws TemplateModelException {
        if (model instanceof TemplateScalarModel s) {
            return s.getAsString();
        }
        if (model instanceof TemplateNumberModel n) {
            return n.getAsNumber().toString();
        }
        if (model instanceof TemplateBooleanModel b) {
            return b.getAsBoolean() ? "True" : "False";
        }
        throw new TemplateModelException("version_compare: a version is a text or a number, not " + (model == null
                ? "an undefined value" : ((TemplateModel) model).getClass().getSimpleName()));
    }
}
