package dev.unwind.lab.swarm;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ContainerNetwork;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.GenericContainer;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One node of a {@link SwarmLab}: a container with systemd, sshd and its own Docker engine, at a fixed address on
 * the lab's network (so it keeps it across a cut and a restore). {@link #exec} runs as root inside the node
 * through the outer engine (no SSH), for setting up and inspecting; the code under test goes over SSH.
 */
public final class LabNode {
    /** What the node is in the Swarm. */
    public enum Role { MANAGER, WORKER }

    /** What a command inside the node gave. */
    public record Exec(int exitCode, String stdout, String stderr) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(90);

    private final String name;
    private final Role role;
    private final String address;
    private final GenericContainer<?> container;
    private final String networkId;
    private final SwarmLab lab;

    LabNode(String name, Role role, String address, GenericContainer<?> container, String networkId, SwarmLab lab) {
        this.name = name;
        this.role = role;
        this.address = address;
        this.container = container;
        this.networkId = networkId;
        this.lab = lab;
    }

    public String name() {
        return name;
    }

    public Role role() {
        return role;
    }

    public boolean isManager() {
        return role == Role.MANAGER;
    }

    /** The node's address on the lab network; sshd listens on port 22 there. */
    public String address() {
        return address;
    }

    public String containerId() {
        return container.getContainerId();
    }

    GenericContainer<?> container() {
        return container;
    }

    /** Runs {@code script} with bash as root inside the node. */
    public Exec exec(String script) {
        try {
            Container.ExecResult r = container.execInContainer("bash", "-c", script);
            return new Exec(r.getExitCode(), r.getStdout(), r.getStderr());
        } catch (IOException e) {
            throw new IllegalStateException(name + ": cannot exec: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + ": interrupted", e);
        }
    }

    /** Runs {@code script} inside the node and returns its trimmed stdout; fails the test when it fails. */
    public String sh(String script) {
        Exec r = exec(script);
        if (!r.ok()) {
            throw new IllegalStateException(name + ": `" + script + "` exited " + r.exitCode() + ": " + r.stderr().strip()
                    + (r.stdout().isBlank() ? "" : " / " + r.stdout().strip()));
        }
        return r.stdout().strip();
    }

    /** The unwind (Ansible) connection variables for this node. */
    public Map<String, Object> hostVars() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("ansible_host", address);
        v.put("ansible_port", 22);
        v.put("ansible_user", SwarmLab.LOGIN_USER);
        v.put("ansible_ssh_private_key_file", lab.clientKey().toString());
        return v;
    }

    /** Takes the node off the lab network: nothing reaches it, it reaches nothing (its processes keep running). */
    public void cutNetwork() {
        docker().disconnectFromNetworkCmd().withNetworkId(networkId).withContainerId(containerId()).withForce(true).exec();
    }

    /** Puts the node back on the lab network at its old address. */
    public void restoreNetwork() {
        docker().connectToNetworkCmd().withNetworkId(networkId).withContainerId(containerId())
                .withContainerNetwork(new ContainerNetwork().withIpamConfig(new ContainerNetwork.Ipam().withIpv4Address(address))
                        .withAliases(name))
                .exec();
    }

    /**
     * Restarts the node's container as a reboot: systemd shuts down cleanly (SIGRTMIN+3), the file system and
     * address stay, and the node boots again; returns once systemd reports the boot finished. Its engine starts
     * again the containers that ran (restart policy {@code unless-stopped}) and rejoins the Swarm by itself.
     */
    public void reboot() {
        DockerClientFactory.instance().client().restartContainerCmd(containerId()).withTimeout(30).exec();
        awaitBoot();
    }

    /** Waits until systemd has finished booting; a unit that failed fails the lab. */
    void awaitBoot() {
        long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
        while (true) {
            Exec r = exec("timeout 30 systemctl is-system-running --wait");
            String state = r.stdout().strip();
            if (state.equals("running")) {
                return;
            }
            if (state.equals("degraded")) {
                throw new IllegalStateException(name + " booted degraded: " + exec("systemctl --failed --no-legend --plain").stdout());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " did not boot in " + BOOT_TIMEOUT.toSeconds() + " s (systemd says " + state + ")");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(name + ": interrupted", e);
            }
        }
    }

    /** The node's SSH host keys as known_hosts lines. */
    String knownHostsLines() {
        StringBuilder sb = new StringBuilder();
        for (String pub : sh("cat /etc/ssh/ssh_host_ed25519_key.pub /etc/ssh/ssh_host_ecdsa_key.pub /etc/ssh/ssh_host_rsa_key.pub")
                .split("\n")) {
            String[] f = pub.strip().split("\\s+");
            sb.append(address).append(' ').append(f[0]).append(' ').append(f[1]).append('\n');
        }
        return sb.toString();
    }

    private static DockerClient docker() {
        return DockerClientFactory.instance().client();
    }

    @Override
    public String toString() {
        return name + " (" + role.name().toLowerCase() + ", " + address + ")";
    }
}
