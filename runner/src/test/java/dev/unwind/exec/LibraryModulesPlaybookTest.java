package dev.unwind.exec;

import dev.unwind.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** Executables in library/ beside a playbook are modules of that playbook, and their answered undo is unwound. */
class LibraryModulesPlaybookTest {
    @TempDir
    Path root;

    private Path playbook(String tasks) throws Exception {
        Path dir = root.resolve("pb");
        Files.createDirectories(dir.resolve("library"));
        Path module = dir.resolve("library/greeting.sh");
        Files.writeString(module, """
                #!/bin/sh
                # unwind: supports_check_mode
                # unwind: returns_undo
                in=$(cat)
                path=$(printf '%s' "$in" | sed -n 's/.*"path":"\\([^"]*\\)".*/\\1/p')
                check=$(printf '%s' "$in" | sed -n 's/.*"_check_mode":\\([a-z]*\\).*/\\1/p')
                if [ -f "$path" ]; then echo '{"changed": false}'; exit 0; fi
                [ "$check" = true ] || echo hello > "$path"
                printf '{"changed": true, "msg": "wrote %s", "undo": {"module": "file", "args": {"path": "%s", "state": "absent"}}}' "$path" "$path"
                """);
        Files.setPosixFilePermissions(module, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path plain = dir.resolve("library/poke");
        Files.writeString(plain, "#!/bin/sh\ncat >/dev/null\necho '{\"changed\": true}'\n");
        Files.setPosixFilePermissions(plain, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path pb = dir.resolve("site.yml");
        Files.writeString(pb, "- hosts: web\n  tasks:\n" + tasks);
        return pb;
    }

    @Test
    void aFailedRunUnwindsWithTheUndoTheUsersModuleAnswered() throws Exception {
        LocalHosts hosts = new LocalHosts(root, "h1", "h2");
        Path pb = playbook("""
                    - greeting: path=${base}/${inventory_hostname}.txt
                    - fail: msg=stop
                """);
        Cli cli = new Cli(root.resolve("home"));
        Cli.Result check = cli.run("play", pb.toString(), "-i", hosts.inventory().toString(), "--check");
        assertThat(root.resolve("hosts/h1.txt")).doesNotExist();
        assertThat(check.out()).as(check.toString()).contains("greeting");

        Cli.Result r = cli.run("play", pb.toString(), "-i", hosts.inventory().toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(root.resolve("hosts/h1.txt")).as("written, then unwound").doesNotExist();
        assertThat(root.resolve("hosts/h2.txt")).doesNotExist();
    }

    @Test
    void aUsersModuleThatDoesNotPromiseAnUndoNeedsOneInTheTask() throws Exception {
        Path pb = playbook("""
                    - poke: target=db
                """);
        Cli.Result r = new Cli(root.resolve("home")).run("lint", pb.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
        assertThat(r.err()).contains(pb + ":3:7").contains("has no undo");

        Path ok = playbook("""
                    - poke: target=db
                      undo:
                        poke: target=db undo=true
                """);
        assertThat(new Cli(root.resolve("home")).run("lint", ok.toString()).exitCode()).isZero();
    }
}
