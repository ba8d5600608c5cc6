package dev.unwind.transport.ssh;

import com.jcraft.jsch.Identity;
import com.jcraft.jsch.IdentityRepository;

import java.util.List;
import java.util.Vector;

/**
 * The keys one session offers, in order: the explicitly named key files, then the agent's keys, then the
 * default {@code ~/.ssh/id_*} files. Read-only: JSch may not add keys to the agent through it.
 */
final class EndpointIdentities implements IdentityRepository {
    private final List<Identity> explicit;
    private final IdentityRepository agent;
    private final List<Identity> defaults;

    EndpointIdentities(List<Identity> explicit, IdentityRepository agent, List<Identity> defaults) {
        this.explicit = List.copyOf(explicit);
        this.agent = agent;
        this.defaults = List.copyOf(defaults);
    }

    @Override
    public String getName() {
        return "unwind";
    }

    @Override
    public int getStatus() {
        return RUNNING;
    }

    @Override
    public Vector<Identity> getIdentities() {
        Vector<Identity> all = new Vector<>(explicit);
        if (agent != null) {
            try {
                all.addAll(agent.getIdentities());
            } catch (RuntimeException agentGone) {
                // an agent that does not answer offers no keys
            }
        }
        for (Identity d : defaults) {
            if (all.stream().noneMatch(i -> java.util.Arrays.equals(i.getPublicKeyBlob(), d.getPublicKeyBlob()))) {
                all.add(d);
            }
        }
        return all;
    }

    @Override
    public boolean add(byte[] identity) {
        return false;
    }

    @Override
    public boolean remove(byte[] blob) {
        return false;
    }

    @Override
    public void removeAll() {
    }
}
