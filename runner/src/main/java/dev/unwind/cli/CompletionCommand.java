package dev.unwind.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code unwind completion}: a bash/zsh completion script ({@code source <(unwind completion)}). */
@Command(name = "completion", description = "Prints a bash/zsh completion script: source <(unwind completion)",
        mixinStandardHelpOptions = true)
final class CompletionCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().getOut().print(AutoComplete.bash("unwind", spec.root().commandLine()));
    }
}
