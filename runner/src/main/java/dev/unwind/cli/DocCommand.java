package dev.unwind.cli;

import dev.unwind.input.InvalidInput;
import dev.unwind.input.Position;
import dev.unwind.module.doc.ModuleDoc;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code unwind doc [MODULE]}: the modules, or one module's arguments, returns, check mode and undo. */
@Command(name = "doc", mixinStandardHelpOptions = true, description = "Lists modules, or documents one.")
final class DocCommand implements Callable<Integer> {

    @Parameters(paramLabel = "MODULE", arity = "0..1")
    String module;

    @CommandLine.Option(names = "--playbook", description = "Also list the modules in library/ beside this playbook.")
    Path playbook;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ModuleDoc doc = new ModuleDoc(playbook == null ? dev.unwind.module.ModuleCatalog.builtIn() : Catalogs.forPlaybook(playbook));
        if (module == null) {
            spec.commandLine().getOut().print(doc.list());
            return ExitCode.OK;
        }
        String text = doc.describe(module).orElseThrow(() ->
                new InvalidInput(Position.of(module), "no module named '" + module + "' (see: unwind doc)"));
        spec.commandLine().getOut().print(text);
        return ExitCode.OK;
    }
}
