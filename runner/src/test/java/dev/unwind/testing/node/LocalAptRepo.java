package dev.unwind.testing.node;

import dev.unwind.lab.swarm.LabNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * A flat apt repository the tests build themselves (no network): {@code unwind-hello} 1.0 and 2.0, each shipping
 * a program, a conffile and a systemd unit, and {@code unwind-extra} 1.0, which depends on it. Built with dpkg-deb and
 * apt-ftparchive on the controller, copied to {@link #ON_NODE} (outside the trees NodeState compares) and made each
 * node's only apt source.
 */
public final class LocalAptRepo {
    public static final String ON_NODE = "/var/lib/unwind-test-repo";

    private LocalAptRepo() {
    }

    /** Builds the repository under {@code dir} and returns its folder. */
    public static Path build(Path dir) {
        try {
            Path repo = Files.createDirectories(dir.resolve("repo"));
            deb(dir, repo, "unwind-hello", "1.0", "");
            deb(dir, repo, "unwind-hello", "2.0", "");
            deb(dir, repo, "unwind-extra", "1.0", "Depends: unwind-hello (>= 1.0)\n");
            Files.writeString(repo.resolve("Packages"), run(repo, "apt-ftparchive", "packages", "."));
            return repo;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deb(Path dir, Path repo, String name, String version, String depends) throws IOException {
        Path root = dir.resolve("build/" + name + "-" + version);
        Path debian = Files.createDirectories(root.resolve("DEBIAN"));
        write(root.resolve("usr/bin/" + name), "#!/bin/sh\necho " + name + " " + version + "\n", "rwxr-xr-x");
        write(root.resolve("etc/" + name + ".conf"), "greeting=" + version + "\n", "rw-r--r--");
        write(root.resolve("lib/systemd/system/" + name + ".service"), "[Unit]\nDescription=" + name + "\n[Service]\n"
                + "ExecStart=/bin/sleep infinity\n[Install]\nWantedBy=multi-user.target\n", "rw-r--r--");
        write(debian.resolve("conffiles"), "/etc/" + name + ".conf\n", "rw-r--r--");
        write(debian.resolve("control"), "Package: " + name + "\nVersion: " + version + "\nArchitecture: all\n"
                + "Maintainer: unwind tests <tests@unwind.invalid>\nDescription: a package of unwind's tests\n" + depends, "rw-r--r--");
        // what dh_installsystemd's snippets boil down to: systemd sees the unit appear and go
        String reload = "#!/bin/sh\nset -e\nif [ -d /run/systemd/system ]; then systemctl --system daemon-reload >/dev/null || true; fi\n";
        write(debian.resolve("postinst"), reload, "rwxr-xr-x");
        write(debian.resolve("postrm"), reload, "rwxr-xr-x");
        run(dir, "dpkg-deb", "--root-owner-group", "--build", root.toString(), repo.resolve(name + "_" + version + "_all.deb").toString());
    }

    private static void write(Path p, String content, String perms) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
    }

    /** Copies the repository to the node and makes it the node's only source (before any snapshot is taken). */
    public static void install(Path repo, LabNode node) {
        node.sh("rm -rf " + ON_NODE + " && mkdir -p " + ON_NODE);
        run(repo, "docker", "cp", repo + "/.", node.containerId() + ":" + ON_NODE);
        node.sh("chown -R root:root " + ON_NODE + " && rm -f /etc/apt/sources.list /etc/apt/sources.list.d/*"
                + " && echo 'deb [trusted=yes] file:" + ON_NODE + " ./' > /etc/apt/sources.list.d/unwind-test.list"
                + " && apt-get -q update >/dev/null");
    }

    private static String run(Path dir, String... argv) {
        try {
            Process p = new ProcessBuilder(List.of(argv)).directory(dir.toFile()).redirectErrorStream(false).start();
            String out = new String(p.getInputStream().readAllBytes());
            String err = new String(p.getErrorStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", argv) + " failed: " + err);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
