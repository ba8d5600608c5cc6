package dev.unwind.playbook;

import dev.unwind.config.AnsibleConfig;
import dev.unwind.config.AnsibleSetting;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where roles are found, in Ansible's order: {@code roles/} beside the playbook, the roles path
 * ({@code UNWIND_ROLES_PATH}, else {@code ANSIBLE_ROLES_PATH} or ansible.cfg's {@code roles_path}, else Ansible's default
 * {@code ~/.ansible/roles:/usr/share/ansible/roles:/etc/ansible/roles}), then the playbook's own folder.
 * A role written as a path ({@code group/x}, {@code ./roles/x}) is looked up the same way; an absolute one is that folder.
 */
record RolePath(List<Path> dirs) {
    private static final String DEFAULT = "~/.ansible/roles:/usr/share/ansible/roles:/etc/ansible/roles";

    static RolePath of(Path playbookDir) {
        String configured = System.getenv("UNWIND_ROLES_PATH");
        if (configured == null || configured.isBlank()) {
            // ANSIBLE_ROLES_PATH, else ansible.cfg's roles_path, made absolute as Ansible makes them
            List<String> ansible = AnsibleConfig.current().paths(AnsibleSetting.DEFAULT_ROLES_PATH);
            configured = ansible.isEmpty() ? DEFAULT : String.join(File.pathSeparator, ansible);
        }
        List<Path> dirs = new ArrayList<>();
        dirs.add(playbookDir.resolve("roles"));
        for (String part : configured.split(File.pathSeparator)) {
            if (!part.isBlank()) {
                String home = System.getProperty("user.home");
                dirs.add(playbookDir.resolve(part.startsWith("~/") ? home + part.substring(1) : part));
            }
        }
        dirs.add(playbookDir);
        return new RolePath(List.copyOf(dirs));
    }

    /** The role's folder: {@code name} under each folder in order (a name with '/' too, as Ansible resolves it). */
    Optional<Path> find(String name) {
        if (Path.of(name).isAbsolute()) {
            return Files.isDirectory(Path.of(name)) ? Optional.of(Path.of(name).normalize()) : Optional.empty();
        }
        return dirs.stream().map(d -> d.resolve(name).normalize()).filter(Files::isDirectory).findFirst();
    }

    /** The file a role keeps under {@code sub} ("tasks", "vars"…) as {@code base}, {@code base.yml} or {@code base.yaml}. */
    static Optional<Path> file(Path roleDir, String sub, String base) {
        for (String candidate : List.of(base + ".yml", base + ".yaml", base)) {
            Path p = roleDir.resolve(sub).resolve(candidate);
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
