package dev.unwind.module.files;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The edit Ansible's {@code ini_file} makes, step for step (its {@code do_ini}): lines keep their own line ends, the
 * global section is a section with a name no file uses, and the result says what changed in Ansible's words.
 *
 * @param section null for the options before the first section
 * @param values  the wanted values of the option (one for {@code value}); empty with allow_no_value for a bare option
 */
record IniEdit(String section, String option, List<String> values, boolean present, boolean exclusive,
               boolean noExtraSpaces, boolean allowNoValue, boolean ignoreSpaces) {

    /** The edited text and Ansible's message ("option changed", "section and option added", "OK"). */
    record Result(String text, boolean changed, String msg) {
    }

    private static final String FAKE = "ad01e11446efb704fcdbdb21f2c43757423d91c5";
    private static final Pattern BLANK_OR_COMMENT = Pattern.compile("^[ \t]*([#;].*)?$", Pattern.UNIX_LINES);

    Result apply(String text) {
        List<String> lines = split(text);
        boolean changed = false;
        String msg = "OK";
        if (!lines.isEmpty() && !lines.get(lines.size() - 1).endsWith("\n")) {
            lines.set(lines.size() - 1, lines.get(lines.size() - 1) + "\n");
            changed = true;
        }
        lines.add(0, "[" + FAKE + "]");
        lines.add("[");
        String name = section == null || section.isEmpty() ? FAKE : section;
        Pattern header = Pattern.compile("^\\[\\s*" + Pattern.quote(name.strip()) + "\\s*]");
        boolean within = false;
        int start = 0;
        int end = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (within && line.startsWith("[")) {
                end = i;
                break;
            }
            if (header.matcher(line).find()) {
                within = true;
                start = i;
            }
        }
        List<String> before = new ArrayList<>(lines.subList(0, start));
        List<String> sec = new ArrayList<>(lines.subList(start, end));
        List<String> after = new ArrayList<>(lines.subList(end, lines.size()));
        List<Boolean> touched = new ArrayList<>(java.util.Collections.nCopies(sec.size(), false));
        List<String> vals = new ArrayList<>(values);
        String fmt = noExtraSpaces ? "%s=%s\n" : "%s = %s\n";
        boolean bareOptionPresent = false;

        if (present && option != null) {
            for (int i = 0; i < sec.size(); i++) {
                Matcher m = matchOpt(sec.get(i));
                if (m == null) {
                    continue;
                }
                String v = m.group(8);
                if (!vals.isEmpty() && vals.contains(v)) {
                    String newline;
                    if (v.isEmpty() && allowNoValue) {
                        newline = option + "\n";
                        bareOptionPresent = true;
                    } else {
                        newline = String.format(fmt, option, v);
                    }
                    if (update(sec, i, touched, newline)) {
                        changed = true;
                        msg = "option changed";
                    }
                    vals.remove(v);
                } else if (vals.isEmpty() && allowNoValue) {
                    if (update(sec, i, touched, option + "\n")) {
                        changed = true;
                        msg = "option changed";
                    }
                    bareOptionPresent = true;
                    break;
                }
            }
            // exclusive: the remaining values go to the remaining lines of the option, in order, and the rest goes
            if (exclusive && !vals.isEmpty()) {
                for (int i = 0; i < sec.size() && !vals.isEmpty(); i++) {
                    if (!touched.get(i) && matchOpt(sec.get(i)) != null) {
                        if (update(sec, i, touched, String.format(fmt, option, vals.remove(0)))) {
                            changed = true;
                            msg = "option changed";
                        }
                    }
                }
            }
            if (exclusive) {
                for (int i = sec.size() - 1; i > 0; i--) {
                    if (!touched.get(i) && matchOpt(sec.get(i)) != null) {
                        sec.remove(i);
                        touched.remove(i);
                        changed = true;
                        msg = "option changed";
                    }
                }
            }
        }
        if (present) {
            for (int i = sec.size(); i > 0; i--) {
                if (!BLANK_OR_COMMENT.matcher(sec.get(i - 1)).lookingAt()) {
                    if (option != null && !vals.isEmpty()) {
                        for (int k = vals.size() - 1; k >= 0; k--) {
                            sec.add(i, String.format(fmt, option, vals.get(k)));
                        }
                        msg = "option added";
                        changed = true;
                    } else if (option != null && vals.isEmpty() && allowNoValue && !bareOptionPresent) {
                        sec.add(i, option + "\n");
                        msg = "option added";
                        changed = true;
                    }
                    break;
                }
            }
        } else if (option != null) {
            List<String> kept = new ArrayList<>();
            for (String l : sec) {
                Matcher m = matchActive(l);
                boolean drop = m != null && (exclusive || values.contains(m.group(6)));
                if (!drop) {
                    kept.add(l);
                }
            }
            if (!kept.equals(sec) && (exclusive || !values.isEmpty())) {
                changed = true;
                msg = "option changed";
                sec = kept;
            }
        } else if (!sec.isEmpty()) {
            sec = new ArrayList<>();
            msg = "section removed";
            changed = true;
        }
        List<String> out = new ArrayList<>(before);
        out.addAll(sec);
        out.addAll(after);
        out.remove(0);
        out.remove(out.size() - 1);
        if (!within && present) {
            out.add("[" + name + "]\n");
            msg = "section and option added";
            if (option != null && !vals.isEmpty()) {
                for (String v : vals) {
                    out.add(String.format(fmt, option, v));
                }
            } else if (option != null && allowNoValue) {
                out.add(option + "\n");
            } else {
                msg = "only section added";
            }
            changed = true;
        }
        return new Result(String.join("", out), changed, msg);
    }

    /** Sets a line of the section; true when it differs (with ignore_spaces, when an active option's value differs). */
    private boolean update(List<String> sec, int i, List<Boolean> touched, String newline) {
        Boolean differs = null;
        if (ignoreSpaces) {
            Matcher old = matchOpt(sec.get(i));
            if (old.group(2).isEmpty()) {
                Matcher now = matchOpt(newline);
                differs = !old.group(8).equals(now.group(8));
            }
        }
        if (differs == null) {
            differs = !sec.get(i).equals(newline);
        }
        if (differs) {
            sec.set(i, newline);
        }
        touched.set(i, true);
        return differs;
    }

    /** An option line, active or commented out: group 2 is the comment mark, group 8 the value. */
    private Matcher matchOpt(String line) {
        Matcher m = Pattern.compile("( |\t)*([#;]?)( |\t)*(" + Pattern.quote(option) + ")( |\t)*(=|$)( |\t)*(.*)",
                Pattern.MULTILINE | Pattern.UNIX_LINES).matcher(line);
        return m.lookingAt() ? m : null;
    }

    /** An active option line: group 6 is the value. */
    private Matcher matchActive(String line) {
        Matcher m = Pattern.compile("( |\t)*(" + Pattern.quote(option) + ")( |\t)*(=|$)( |\t)*(.*)", Pattern.MULTILINE | Pattern.UNIX_LINES).matcher(line);
        return m.lookingAt() ? m : null;
    }

    /** Lines with their line ends, as Python's readlines gives them. */
    private static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                out.add(text.substring(from, i + 1));
                from = i + 1;
            }
        }
        if (from < text.length()) {
            out.add(text.substring(from));
        }
        return out;
    }
}
