package dev.unwind.module.mke;

import dev.unwind.mke.kube.Change;
import dev.unwind.mke.kube.Desired;
import dev.unwind.mke.kube.ObjectApplier;
import dev.unwind.mke.kube.ObjectRef;
import dev.unwind.module.ArgSpec;
import dev.unwind.module.ArgType;
import dev.unwind.module.Args;
import dev.unwind.module.ModuleCall;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.Outcome;
import dev.unwind.module.Undo;
import dev.unwind.module.kube.Cluster;
import dev.unwind.module.kube.Fabric8Cluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a module's objects to the new cluster and turns what changed into the module's own undo:
 * a call of the same module with {@code state: absent} and the recorded changes.
 */
final class ClusterChanges {
    static final ArgSpec KUBECONFIG =
            ArgSpec.optional("kubeconfig", ArgType.STR, "~/.mke/mke.kubeconf", "the new cluster's admin kubeconfig");
    static final ArgSpec STATE =
            ArgSpec.optional("state", ArgType.STR, "present", "absent: take back recorded changes").choices("present", "absent");
    static final ArgSpec CHANGES =
            ArgSpec.optional("changes", ArgType.LIST, null, "with state=absent: the changes to take back");

    private ClusterChanges() {
    }

    /** What a module does with {@code state: present}, given the cluster its {@code kubeconfig} names. */
    interface Present {
        Outcome run(KubeClusterObjects cluster, ObjectApplier applier);
    }

    /**
     * Connects to the cluster of {@link #KUBECONFIG}; with {@code state: absent} takes back the recorded
     * {@link #CHANGES} (the module's undo), otherwise runs {@code present}.
     *
     * @param objects what the changes are, for the message: "RBAC objects"
     */
    static Outcome presentOrTakeBack(Args args, ModuleContext ctx, String objects, Present present) {
        try (Cluster kube = connect(kubeconfigPath(args.str("kubeconfig")))) {
            KubeClusterObjects cluster = new KubeClusterObjects(kube);
            ObjectApplier applier = new ObjectApplier(cluster);
            if (!"absent".equals(args.str("state"))) {
                return present.run(cluster, applier);
            }
            List<Change> changes = parse(args.raw("changes"));
            if (!ctx.check()) {
                applier.revert(changes);
            }
            return Outcome.changed("took back " + changes.size() + " " + objects, Map.of(), null,
                    Undo.none("taking back an earlier change"));
        }
    }

    static Cluster connect(Path kubeconfig) {
        try {
            return Fabric8Cluster.connect(kubeconfig, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the kubeconfig " + kubeconfig + ": " + e.getMessage(), e);
        }
    }

    static Path kubeconfigPath(String arg) {
        return arg.startsWith("~/") ? Path.of(System.getProperty("user.home"), arg.substring(2)) : Path.of(arg);
    }

    /**
     * Predicts, or applies; before applying, announces the undo of what the prediction says will change, so that a
     * failure (or a crash) halfway through the objects is still taken back.
     */
    static List<Change> apply(ObjectApplier applier, List<Desired> objects, ModuleContext ctx, String module, String kubeconfig) {
        List<Change> predicted = applier.predict(objects);
        if (ctx.check()) {
            return predicted;
        }
        ctx.beforeChange(undo(module, kubeconfig, predicted));
        return applier.apply(objects);
    }

    static long count(List<Change> changes, Class<? extends Change> kind) {
        return changes.stream().filter(kind::isInstance).count();
    }

    static List<Map<String, Object>> record(List<Change> changes) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Change c : changes) {
            Map<String, Object> m = new LinkedHashMap<>();
            if (c instanceof Change.Created) {
                m.put("action", "created");
            } else if (c instanceof Change.Replaced r) {
                m.put("action", "replaced");
                m.put("previous", r.previous());
            } else {
                continue;
            }
            m.put("ref", c.ref().toMap());
            out.add(m);
        }
        return out;
    }

    /** The objects created or replaced, for a module's result. */
    static List<Object> refs(List<Change> changes) {
        return record(changes).stream().map(c -> c.get("ref")).toList();
    }

    static List<Change> parse(Object recorded) {
        List<Change> out = new ArrayList<>();
        if (recorded instanceof List<?> l) {
            for (Object o : l) {
                Map<?, ?> m = (Map<?, ?>) o;
                ObjectRef ref = ObjectRef.fromMap((Map<?, ?>) m.get("ref"));
                if ("replaced".equals(m.get("action"))) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> previous = (Map<String, Object>) m.get("previous");
                    out.add(new Change.Replaced(ref, previous));
                } else {
                    out.add(new Change.Created(ref));
                }
            }
        }
        return out;
    }

    static Undo undo(String module, String kubeconfig, List<Change> changes) {
        List<Map<String, Object>> recorded = record(changes);
        if (recorded.isEmpty()) {
            return Undo.none("nothing was created or replaced in the cluster");
        }
        return Undo.of(ModuleCall.of(module, Map.of("state", "absent", "kubeconfig", kubeconfig, "changes", recorded)));
    }
}
