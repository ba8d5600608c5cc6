package dev.unwind.cli;

import dev.unwind.convert.Conversion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code unwind convert PATH --out DIR}: an Ansible playbook or project in unwind's form. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Converts an Ansible playbook, task file or project (roles, *.j2 templates) into unwind's form under"
                + " --out: Jinja becomes FreeMarker, *.j2 become *.ftl; what cannot be converted is listed (exit 1).")
final class ConvertCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", description = "An Ansible playbook or a folder of them (roles, task files, templates).")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the converted files go (same layout).")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Conversion.Report r = Conversion.run(input, out);
        PrintWriter o = spec.commandLine().getOut();
        r.gaps().forEach(g -> o.println(g));
        o.println("unwind convert: " + r.written().size() + " file(s) written under " + out + ", " + r.playbooks().size()
                + " playbook(s) checked; " + (r.gaps().isEmpty() ? "nothing needs hand work"
                : r.gaps().size() + " thing(s) need hand work (listed above)"));
        return r.gaps().isEmpty() ? ExitCode.OK : ExitCode.NEEDS_HAND_WORK;
    }
}
