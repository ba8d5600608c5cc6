package dev.unwind.cli;

import dev.unwind.config.AnsibleConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code unwind config}: the Ansible settings unwind read and where from, as {@code ansible-config dump --only-changed}. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Shows the settings read from ansible.cfg and ANSIBLE_* variables, and where each came from"
                + " (as ansible-config dump --only-changed prints them).")
final class ConfigCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(AnsibleConfig.current().dump());
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
