package dev.unwind.cli;

import dev.unwind.input.InvalidInput;
import dev.unwind.input.Position;
import dev.unwind.module.doc.ModuleDoc;
import dev.unwind.playbook.Keyword;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code unwind doc [MODULE]}: the modules, or one module's arguments, returns, check mode and undo;
 * {@code unwind doc --keywords}: every playbook keyword and where it goes.
 */
@Command(name = "doc", mixinStandardHelpOptions = true, description = "Lists modules, or documents one; --keywords lists keywords.")
final class DocCommand implements Callable<Integer> {

    @Parameters(paramLabel = "MODULE", arity = "0..1")
    String module;

    @CommandLine.Option(names = "--playbook", description = "Also list the modules in library/ beside this playbook.")
    Path playbook;

    @CommandLine.Option(names = "--keywords", description = "List the playbook keywords and where each goes.")
    boolean keywords;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (keywords) {
            for (Keyword k : Keyword.values()) {
                spec.commandLine().getOut().printf("%-22s %s%n", k.key(), k.whereItBelongs());
            }
            return ExitCode.OK;
        }
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
