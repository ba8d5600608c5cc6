package dev.unwind.module.testing;

import dev.unwind.local.LocalConnection;
import dev.unwind.module.Args;
import dev.unwind.module.Backups;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.Module;
import dev.unwind.module.ModuleCall;
import dev.unwind.module.ModuleCatalog;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.ModuleLog;
import dev.unwind.module.Outcome;
import dev.unwind.module.Predictions;
import dev.unwind.module.Secrets;
import dev.unwind.module.Undo;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A module context for tests: the local connection, a controller directory ({@code controller/}) for
 * {@code copy src=}, a {@code templates/} directory rendered with FreeMarker configured safe as the engine
 * does, and content-addressed backups in a temporary directory.
 */
public final class TestContext implements ModuleContext {
    private final Path root;
    private final boolean check;
    private final boolean diff;
    private final Map<String, Object> vars;
    private final Connection connection;
    private final DirectoryBackups backups;
    private final List<String> log;
    private final ModuleCatalog catalog;
    /** One per test, shared by its check-mode runs as a run's tasks share theirs. */
    private final Predictions predictions;

    private TestContext(Path root, boolean check, boolean diff, Map<String, Object> vars, Connection connection,
                        DirectoryBackups backups, List<String> log, ModuleCatalog catalog, Predictions predictions) {
        this.catalog = catalog;
        this.predictions = predictions;
        this.root = root;
        this.check = check;
        this.diff = diff;
        this.vars = vars;
        this.connection = connection;
        this.backups = backups;
        this.log = log;
    }

    /** A context working under {@code root} (a test's temporary directory). */
    public static TestContext in(Path root) {
        try {
            Files.createDirectories(root.resolve("controller"));
            Files.createDirectories(root.resolve("templates"));
            Files.createDirectories(root.resolve("backups"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TestContext(root, false, false, new HashMap<>(), new LocalConnection("localhost"),
                new DirectoryBackups(root.resolve("backups")), new ArrayList<>(), ModuleCatalog.builtIn(), new Predictions());
    }

    public TestContext checking() {
        return new TestContext(root, true, diff, vars, connection, backups, log, catalog, predictions);
    }

    public TestContext diffing() {
        return new TestContext(root, check, true, vars, connection, backups, log, catalog, predictions);
    }

    public TestContext withVar(String name, Object value) {
        Map<String, Object> v = new HashMap<>(vars);
        v.put(name, value);
        return new TestContext(root, check, diff, v, connection, backups, log, catalog, predictions);
    }

    /** The same context on another connection (a host that drops out, say). */
    public TestContext withConnection(Connection other) {
        return new TestContext(root, check, diff, vars, other, backups, log, catalog, predictions);
    }

    /** The built-ins plus these (users' library modules). */
    public TestContext withModules(java.util.Collection<? extends Module> more) {
        return new TestContext(root, check, diff, vars, connection, backups, log, catalog.with(more), predictions);
    }

    /** Where {@code copy src=} finds its files. */
    public Path controller() {
        return root.resolve("controller");
    }

    public Path templates() {
        return root.resolve("templates");
    }

    /** Runs a module from the built-in catalog as a task would, with args as YAML would give them. */
    public Outcome run(String module, Map<String, Object> args) throws ConnectionException {
        Module m = catalog().find(module).orElseThrow(() -> new AssertionError("no module " + module));
        return m.run(new Args(m.spec(), args), this);
    }

    /** Runs every call of an outcome's undo, as the unwinder would; returns their outcomes. */
    public List<Outcome> undo(Outcome done) throws ConnectionException {
        if (!(done.undo() instanceof Undo.Calls calls)) {
            throw new AssertionError("no undo calls in " + done);
        }
        List<Outcome> out = new ArrayList<>();
        for (ModuleCall call : calls.calls()) {
            out.add(run(call.module(), call.args()));
        }
        return out;
    }

    public int backupCount() {
        return backups.count();
    }

    public List<String> logLines() {
        return log;
    }

    /** Every value a module registered with {@link #secrets()}, in order, repeats included. */
    public List<String> secretValues() {
        return secretValues;
    }

    @Override
    public Predictions.OnHost predictions() {
        return predictions.on(connection.host());
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public boolean check() {
        return check;
    }

    @Override
    public boolean diff() {
        return diff;
    }

    @Override
    public Map<String, Object> vars() {
        return vars;
    }

    @Override
    public String renderTemplate(String src, Map<String, Object> extraVars) {
        try {
            Template t = freemarker().getTemplate(src);
            Map<String, Object> model = new HashMap<>(vars);
            model.putAll(extraVars);
            StringWriter out = new StringWriter();
            t.process(model, out);
            return out.toString();
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public Path localFile(String src) {
        Path p = Path.of(src);
        return p.isAbsolute() ? p : controller().resolve(src);
    }

    @Override
    public boolean test(String condition) {
        try {
            Template t = new Template("condition", "<#if (" + condition + ")>true<#else>false</#if>", freemarker());
            StringWriter out = new StringWriter();
            t.process(vars, out);
            return Boolean.parseBoolean(out.toString());
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public Backups backups() {
        return backups;
    }

    @Override
    public ModuleLog log() {
        return new ModuleLog() {
            @Override
            public void info(String line) {
                log.add(line);
            }

            @Override
            public void output(String line) {
                log.add(line);
            }
        };
    }

    @Override
    public Secrets secrets() {
        return secrets;
    }

    private final List<String> secretValues = new ArrayList<>();

    /** One per context, as the engine keeps one per run: a secret added by a module is then redacted everywhere. */
    private final Secrets secrets = new Secrets() {
            @Override
            public void add(String secret) {
                secretValues.add(secret);
            }

            @Override
            public String redact(String text) {
                String out = text;
                for (String s : secretValues) {
                    out = out.replace(s, MASK);
                }
                return out;
            }
        };

    @Override
    public ModuleCatalog catalog() {
        return catalog;
    }

    private Configuration freemarker() throws IOException {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setDirectoryForTemplateLoading(templates().toFile());
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setDefaultEncoding("UTF-8");
        return cfg;
    }
}
