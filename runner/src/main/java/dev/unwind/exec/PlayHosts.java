package dev.unwind.exec;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The hosts of the play running, as Ansible's magic variables name them: {@code ansible_play_hosts_all} (every host
 * the play targets, after --limit), {@code ansible_play_hosts} (those not removed from the play) and
 * {@code ansible_play_batch}, with its old name {@code play_hosts} (the current batch's hosts not removed). As in
 * Ansible, a host is removed for the rest of its batch when it fails, is unreachable or ends ({@code meta: end_host}),
 * and for the rest of the play only when it failed or was unreachable.
 */
final class PlayHosts {
    private final List<String> all;
    private final Predicate<String> failed;
    private List<String> batch = List.of();
    private Set<String> active = Set.of();

    /** @param failed whether a host failed (or was unreachable) earlier in the run */
    PlayHosts(List<String> all, Predicate<String> failed) {
        this.all = List.copyOf(all);
        this.failed = failed;
    }

    static PlayHosts none() {
        return new PlayHosts(List.of(), h -> false);
    }

    /** A new batch; {@code stillActive} is the executor's live set of the batch's hosts that go on. */
    void startBatch(List<String> hosts, Set<String> stillActive) {
        batch = List.copyOf(hosts);
        active = stillActive;
    }

    List<String> all() {
        return all;
    }

    List<String> remaining() {
        return all.stream().filter(h -> batch.contains(h) ? active.contains(h) : !failed.test(h)).toList();
    }

    List<String> batch() {
        return batch.stream().filter(active::contains).toList();
    }
}
