package dev.unwind.mke.kube;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Brings objects into the cluster and takes them back out: creates what is missing, replaces what
 * differs when asked to, and remembers enough to undo exactly that.
 */
public final class ObjectApplier {
    private final ClusterObjects cluster;

    public ObjectApplier(ClusterObjects cluster) {
        this.cluster = cluster;
    }

    /** What applying would do, without doing it (check mode). */
    public List<Change> predict(List<Desired> desired) {
        List<Change> out = new ArrayList<>();
        for (Desired d : desired) {
            out.add(decide(d, cluster.get(d.ref())));
        }
        return out;
    }

    public List<Change> apply(List<Desired> desired) {
        List<Change> out = new ArrayList<>();
        for (Desired d : desired) {
            Optional<Map<String, Object>> existing = cluster.get(d.ref());
            Change c = decide(d, existing);
            if (c instanceof Change.Created) {
                cluster.create(d.ref(), d.manifest());
            } else if (c instanceof Change.Replaced) {
                cluster.replace(d.ref(), d.manifest());
            }
            out.add(c);
        }
        return out;
    }

    /** Undoes changes in reverse: deletes what was created, puts back what was replaced. */
    public void revert(List<Change> changes) {
        for (int i = changes.size() - 1; i >= 0; i--) {
            Change c = changes.get(i);
            if (c instanceof Change.Created created) {
                cluster.delete(created.ref());
            } else if (c instanceof Change.Replaced replaced) {
                Map<String, Object> previous = withoutServerFields(replaced.previous());
                if (cluster.get(replaced.ref()).isPresent()) {
                    cluster.replace(replaced.ref(), previous);
                } else {
                    cluster.create(replaced.ref(), previous);
                }
            }
        }
    }

    private static Change decide(Desired d, Optional<Map<String, Object>> existing) {
        if (existing.isEmpty()) {
            return new Change.Created(d.ref());
        }
        if (!d.replaceExisting() || sameContent(d.manifest(), existing.get())) {
            return new Change.Unchanged(d.ref());
        }
        return new Change.Replaced(d.ref(), withoutServerFields(existing.get()));
    }

    /** Equal when every top-level field we set, and our labels, are equal (the server adds the rest). */
    private static boolean sameContent(Map<String, Object> desired, Map<String, Object> actual) {
        for (Map.Entry<String, Object> e : desired.entrySet()) {
            if (e.getKey().equals("metadata")) {
                Object want = ((Map<?, ?>) e.getValue()).get("labels");
                Object have = actual.get("metadata") instanceof Map<?, ?> m ? m.get("labels") : null;
                if (want != null && !Objects.equals(want, have)) {
                    return false;
                }
            } else if (!Objects.equals(e.getValue(), actual.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** The manifest as the user would write it: no resourceVersion, uid, timestamps, status. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> withoutServerFields(Map<String, Object> manifest) {
        Map<String, Object> out = new LinkedHashMap<>(manifest);
        out.remove("status");
        if (out.get("metadata") instanceof Map<?, ?> meta) {
            Map<String, Object> m = new LinkedHashMap<>((Map<String, Object>) meta);
            for (String k : List.of("resourceVersion", "uid", "creationTimestamp", "generation", "managedFields",
                    "selfLink")) {
                m.remove(k);
            }
            out.put("metadata", m);
        }
        return out;
    }
}
