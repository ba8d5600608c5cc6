package dev.unwind.template;

import freemarker.core.Environment;
import freemarker.core.InvalidReferenceException;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.core._CoreAPI;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Renders strings, values and conditions with FreeMarker against a host's variables. Thread-safe. */
public final class Templates {
    private static final String RESULT_VAR = "unwind_value__";

    private final Configuration config;
    private final Map<String, Template> compiled = new ConcurrentHashMap<>();

    public Templates() {
        config = new Configuration(Configuration.VERSION_2_3_34);
        config.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        config.setAPIBuiltinEnabled(false);
        config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        config.setLogTemplateExceptions(false);
        config.setWrapUncheckedExceptions(true);
        config.setFallbackOnNullLoopVariable(false);
        config.setNumberFormat("computer");
        config.setBooleanFormat("c");
        config.setDefaultEncoding("UTF-8");
        config.setObjectWrapper(new DeferredWrapper());
        // Ansible's tests that FreeMarker has no form for: `unwind convert` writes them so
        config.setSharedVariable("version_compare", new VersionCompare());
        config.setSharedVariable("path_exists", new PathExists());
    }

    /** FreeMarker's default wrapping, reading through a {@link Deferred} value when a template uses it. */
    private static final class DeferredWrapper extends freemarker.template.DefaultObjectWrapper {
        DeferredWrapper() {
            super(wrapperSettings(), true);
        }

        private static DefaultObjectWrapperBuilder wrapperSettings() {
            DefaultObjectWrapperBuilder b = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
            b.setExposeFields(false);
            return b;
        }

        @Override
        public TemplateModel wrap(Object obj) throws TemplateModelException {
            try {
                return super.wrap(Deferred.resolved(obj));
            } catch (Deferred.Undefined u) {
                // undefined to the template (x?? is false, x!"d" gives d); if it is used, the error says why
                UNDEFINED.set(u);
                return null;
            }
        }
    }

    /** The last estate value this thread's template found undefined, for the message if the template then fails on it. */
    private static final ThreadLocal<Deferred.Undefined> UNDEFINED = new ThreadLocal<>();

    /** True when the text holds an expression to evaluate. */
    public static boolean isTemplate(String text) {
        return text.contains("${") || text.contains("<#");
    }

    /**
     * Renders every string inside a value (maps and lists walked). A string that is exactly one
     * {@code ${expr}} keeps the expression's type (a list stays a list, a number a number).
     */
    public Object render(Object value, Map<String, Object> vars) {
        if (value instanceof String s) {
            return renderString(s, vars);
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(render(String.valueOf(k), vars)), render(v, vars)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(render(v, vars)));
            return out;
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> renderMap(Map<String, Object> value, Map<String, Object> vars) {
        return (Map<String, Object>) render(value, vars);
    }

    public Object renderString(String text, Map<String, Object> vars) {
        if (!isTemplate(text)) {
            return text;
        }
        String whole = wholeExpression(text);
        if (whole != null) {
            return evaluate(whole, vars);
        }
        return process(text, text, vars);
    }

    public String renderText(String text, Map<String, Object> vars) {
        Object v = renderString(text, vars);
        return v == null ? "" : v instanceof String s ? s : String.valueOf(v);
    }

    /** A FreeMarker expression's value as plain Java. */
    public Object evaluate(String expression, Map<String, Object> vars) {
        Template t = compile(expressionSource(expression), "${" + expression + "}");
        UNDEFINED.remove();
        try {
            Environment env = t.createProcessingEnvironment(vars, new StringWriter());
            env.process();
            TemplateModel m = env.getVariable(RESULT_VAR);
            return m == null ? null : plainNumbers(DeepUnwrap.unwrap(m));
        } catch (TemplateException | IOException e) {
            throw error("${" + expression + "}", e);
        }
    }

    /**
     * The expression when the text is exactly one {@code ${...}} (braces and quotes inside counted), else null. Text
     * around it, even a newline, makes it text: {@code "${greeting}\n"} is the greeting and a newline, as in Ansible.
     */
    static String wholeExpression(String text) {
        String t = text;
        if (!t.startsWith("${") || !t.endsWith("}")) {
            return null;
        }
        int depth = 0;
        char quote = 0;
        for (int i = 1; i < t.length(); i++) {
            char c = t.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i == t.length() - 1 ? t.substring(2, i) : null;
            }
        }
        return null;
    }

    /** FreeMarker computes in BigDecimal: give whole numbers back as int or long, others as double. */
    private static Object plainNumbers(Object v) {
        if (v instanceof java.math.BigDecimal d) {
            if (d.stripTrailingZeros().scale() <= 0) {
                long l = d.longValue();
                return l == (int) l ? (Object) (int) l : (Object) l;
            }
            return d.doubleValue();
        }
        if (v instanceof List<?> l) {
            return l.stream().map(Templates::plainNumbers).toList();
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(k, plainNumbers(x)));
            return out;
        }
        return v;
    }

    /** A condition: a bare boolean expression ({@code x == "y"}), or the literal true/false. */
    public boolean test(String condition, Map<String, Object> vars) {
        String c = condition.strip();
        if (c.equals("true") || c.equals("True")) {
            return true;
        }
        if (c.equals("false") || c.equals("False")) {
            return false;
        }
        java.util.regex.Matcher bare = BARE_VARIABLE.matcher(c);
        Boolean word = bare.matches() && wordOf(vars.get(bare.group(2))) instanceof String text ? dev.unwind.module.Args.parseBool(text) : null;
        if (word != null) {
            // -e flag=yes is text: taken as Ansible's `| bool` takes it, where a condition wants a boolean
            return word != (bare.group(1) != null);
        }
        String out = process(conditionSource(c), condition, vars);
        return out.equals("true");
    }

    /** A variable's value for a bare condition; null when it is an estate value that is undefined (the template says why). */
    private static Object wordOf(Object v) {
        try {
            return Deferred.resolved(v);
        } catch (Deferred.Undefined e) {
            return null;
        }
    }

    /** A condition that is one variable, or its negation: {@code flag}, {@code !flag}. */
    private static final java.util.regex.Pattern BARE_VARIABLE = java.util.regex.Pattern.compile("(!\\s*)?([A-Za-z_][A-Za-z0-9_]*)");

    /** A FreeMarker syntax error found without evaluating: where in the checked text (1-based), and what. */
    public record SyntaxError(int line, int column, String message) {
    }

    /** The syntax error {@link #renderString} would meet in this text, if any; nothing is evaluated. */
    public Optional<SyntaxError> syntaxOfText(String text) {
        if (!isTemplate(text)) {
            return Optional.empty();
        }
        String whole = wholeExpression(text);
        return whole != null ? syntax(expressionSource(whole), text, whole) : syntax(text, text, text);
    }

    /** The syntax error {@link #test} would meet in this condition, if any; nothing is evaluated. */
    public Optional<SyntaxError> syntaxOfCondition(String condition) {
        String c = condition.strip();
        if (c.equals("true") || c.equals("True") || c.equals("false") || c.equals("False")) {
            return Optional.empty();
        }
        String whole = wholeExpression(c);
        return syntax(conditionSource(c), condition, whole != null ? whole : c);
    }

    /** The syntax error {@link #renderFile} would meet in a template file's text, if any. */
    public Optional<SyntaxError> syntaxOfFile(String content) {
        return syntax(content, content, content);
    }

    /** Compiles {@code source}, built around {@code inner} (a part of {@code text}), and maps an error back into text. */
    private Optional<SyntaxError> syntax(String source, String text, String inner) {
        try {
            new Template("check", source, config);
            return Optional.empty();
        } catch (ParseException e) {
            int line = Math.max(1, e.getLineNumber());
            int column = Math.max(1, e.getColumnNumber());
            if (line == 1) {
                int shift = text.indexOf(inner) - source.indexOf(inner);
                column = Math.min(Math.max(1, column + shift), text.length() + 1);
            }
            String message = firstLine(e.getEditorMessage());
            int cut = message.indexOf(", but was expecting");
            if (cut > 0) {
                message = message.substring(0, cut);
            }
            if (message.contains("encountered <EOF>")) {
                message = "the text ends inside an expression: a closing '}' or quote is missing";
            } else if (line == 1 && column > text.length() && source.length() > text.length()) {
                // the error is in what test/evaluate wrap around the expression: the expression stopped short
                message = "the expression is incomplete: an operand or a closing ')' is missing";
            }
            return Optional.of(new SyntaxError(line, column, message));
        } catch (IOException e) {
            return Optional.of(new SyntaxError(1, 1, String.valueOf(e.getMessage())));
        }
    }

    private static String expressionSource(String expression) {
        return "<#assign " + RESULT_VAR + " = (" + expression + ")>";
    }

    /** A bare boolean expression, or one written as ${...}, as the template {@link #test} runs. */
    private static String conditionSource(String condition) {
        String whole = wholeExpression(condition);
        return "<#if (" + (whole != null ? whole : condition) + ")>true<#else>false</#if>";
    }

    /** Renders a template file ({@code *.ftl}). */
    public String renderFile(Path file, Map<String, Object> vars) {
        return process(read(file), file.toString(), vars);
    }

    /**
     * Renders a template file within {@code limit} (a task's {@code timeout:}; null: no limit). The render runs on
     * its own thread, interrupted at the limit: this template alone (not the shared cache) checks for interruption
     * in its loops, so an interrupt elsewhere never breaks an ordinary render.
     */
    public String renderFile(Path file, Map<String, Object> vars, Duration limit) {
        if (limit == null) {
            return renderFile(file, vars);
        }
        Template t = parse(read(file), file.toString());
        // FreeMarker's own interruption support (its online template tester uses it): checks in every loop and list
        _CoreAPI.addThreadInterruptedChecks(t);
        FutureTask<String> render = new FutureTask<>(() -> process(t, file.toString(), vars));
        Thread worker = new Thread(render, "render " + file.getFileName());
        worker.setDaemon(true);
        worker.start();
        try {
            return render.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            render.cancel(true);
            throw new TemplateError("rendering " + file + " timed out after " + limit.toSeconds() + " s (timeout:)", null);
        } catch (InterruptedException e) {
            render.cancel(true);
            Thread.currentThread().interrupt();
            throw new TemplateError("rendering " + file + " was interrupted", null);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new TemplateError("cannot read template " + file + ": " + e.getMessage(), null);
        }
    }

    private String process(String source, String shownAs, Map<String, Object> vars) {
        return process(compile(source, shownAs), shownAs, vars);
    }

    private static String process(Template t, String shownAs, Map<String, Object> vars) {
        StringWriter out = new StringWriter();
        UNDEFINED.remove();
        try {
            t.process(vars, out);
        } catch (TemplateException | IOException e) {
            throw error(shownAs, e);
        }
        return out.toString();
    }

    private Template compile(String source, String shownAs) {
        Template cached = compiled.get(source);
        if (cached != null) {
            return cached;
        }
        Template t = parse(source, shownAs);
        compiled.put(source, t);
        return t;
    }

    private Template parse(String source, String shownAs) {
        try {
            return new Template(shownAs.length() > 200 ? shownAs.substring(0, 200) + "..." : shownAs, source, config);
        } catch (ParseException e) {
            throw new TemplateError("cannot parse '" + shownAs + "': " + firstLine(e.getEditorMessage())
                    + " (line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ")", null);
        } catch (IOException e) {
            throw new TemplateError("cannot parse '" + shownAs + "': " + e.getMessage(), null);
        }
    }

    private static TemplateError error(String shownAs, Exception e) {
        // a value of the estate that cannot be evaluated says itself where it was written and why
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof dev.unwind.input.InvalidInput estate) {
                return new TemplateError(estate.getMessage(), null);
            }
        }
        // a template file's error says where in the file (an inline text is shown whole: its place needs no line)
        if (e instanceof TemplateException te && te.getLineNumber() != null && isFile(shownAs)) {
            shownAs = shownAs + ":" + te.getLineNumber() + ":" + te.getColumnNumber();
        }
        if (e instanceof InvalidReferenceException ire) {
            String name = ire.getBlamedExpressionString();
            Deferred.Undefined estate = UNDEFINED.get();
            if (estate != null && name != null && name.replaceAll("^\\(+|\\)+$", "").equals(estate.variable())) {
                return new TemplateError(estate.getMessage(), name);
            }
            return new TemplateError("undefined variable '" + name + "' in '" + shownAs + "'"
                    + " (define it in vars, the inventory or with -e, or give a default: " + name + "!\"\")", name);
        }
        if (e instanceof TemplateModelException && e.getCause() != null) {
            return new TemplateError("cannot evaluate '" + shownAs + "': " + e.getCause().getMessage(), null);
        }
        String msg = firstLine(e instanceof TemplateException te ? te.getMessageWithoutStackTop() : e.getMessage());
        java.util.regex.Matcher notBoolean = NOT_BOOLEAN.matcher(msg);
        if (notBoolean.find()) {
            // Jinja takes "" and [] as false; FreeMarker's && || ! want a boolean: say how to ask
            String x = e instanceof TemplateException te && te.getBlamedExpressionString() != null ? te.getBlamedExpressionString() : "x";
            msg = msg.substring(0, notBoolean.end(1)) + "; FreeMarker's && || ! take booleans, not Jinja's truth of any value:"
                    + " write what " + x + " must be, e.g. " + x + "?has_content (not empty) or " + x + " == \"yes\"";
        }
        return new TemplateError("cannot evaluate '" + shownAs + "': " + msg, null);
    }

    private static final java.util.regex.Pattern NOT_BOOLEAN = java.util.regex.Pattern.compile(
            "(Expected a boolean, but this has evaluated to an? [a-z+ ]+?)(?: \\(wrapper|:|$)");

    private static boolean isFile(String shownAs) {
        try {
            return shownAs.length() < 4096 && Files.isRegularFile(Path.of(shownAs));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}
