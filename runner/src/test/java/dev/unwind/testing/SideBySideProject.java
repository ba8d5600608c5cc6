package dev.unwind.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One Ansible project (playbook, roles, task files, templates) written twice from one text, as {@link SideBySide}
 * writes a play ({@code (expr)} and {@code «jinja ¦ freemarker»}), OUT the folder each copy writes into and LOCKS the
 * folder for the hosts' locks. Ansible's copy is run on the local host at once; unwind's is left for the test to run.
 *
 * @param ansibleOut what ansible-playbook printed
 * @param byAnsible  where Ansible's copy wrote
 * @param byUnwind   where unwind's copy is to write
 * @param unwindDir  unwind's copy of the project
 */
public record SideBySideProject(String ansibleOut, Path byAnsible, Path byUnwind, Path unwindDir, Path inventory) {
    /** {@code files}: path in the project → text; the playbook is {@code site.yml}; the inventory the local host. */
    public static SideBySideProject run(Path root, Map<String, String> files) throws IOException, InterruptedException {
        return run(root, files, "[local]\nlocalhost ansible_connection=local unwind_lock_path=LOCKS/localhost\n");
    }

    /** With an INI inventory of the test's own, LOCKS in it standing for a folder for the hosts' locks. */
    public static SideBySideProject run(Path root, Map<String, String> files, String ini) throws IOException, InterruptedException {
        return run(root, files, ini, List.of());
    }

    /** Ansible's copy run with {@code options} too (--tags ...): the test gives unwind's the same. */
    public static SideBySideProject run(Path root, Map<String, String> files, String ini, List<String> options)
            throws IOException, InterruptedException {
        Path inventory = root.resolve("hosts.ini");
        Files.createDirectories(root.resolve("locks"));
        Files.writeString(inventory, ini.replace("LOCKS", root.resolve("locks").toString()));
        Path ansible = write(root.resolve("ansible"), files, root.resolve("by-ansible"), SideBySide::forAnsible);
        Path unwind = write(root.resolve("unwind"), files, root.resolve("by-unwind"), SideBySide::forUnwind);
        List<String> args = new java.util.ArrayList<>(List.of("-i", inventory.toString(), "site.yml"));
        args.addAll(options);
        String out = AnsiblePlaybook.run(ansible, root, args);
        return new SideBySideProject(out, root.resolve("by-ansible"), root.resolve("by-unwind"), unwind, inventory);
    }

    public Path playbook() {
        return unwindDir.resolve("site.yml");
    }

    private static Path write(Path dir, Map<String, String> files, Path out, UnaryOperator<String> language) throws IOException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, language.apply(f.getValue().replace("OUT", out.toString())
                    .replace("LOCKS", out.getParent().resolve("locks").toString())));
        }
        return dir;
    }
}
