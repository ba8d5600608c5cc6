package dev.unwind.module.kube;

import dev.unwind.module.Args;
import dev.unwind.module.Module;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.ModuleSpec;
import dev.unwind.module.Outcome;
import dev.unwind.module.UndoKind;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code kube_info}: reads Kubernetes objects (one by name, or all of a kind matching labels). */
public final class KubeInfoModule implements Module {
    private static final ModuleSpec SPEC = declare();

    private static ModuleSpec declare() {
        var args = new ArrayList<>(Selection.ARGS);
        args.add(KubeAccess.KUBECONFIG);
        args.add(KubeAccess.CONTEXT);
        return new ModuleSpec("kube_info", "Reads Kubernetes objects from the controller.", args, UndoKind.READ_ONLY, null,
                Map.of("resources", "the objects found (complete, status included); empty when none"),
                "runs for real: it only reads", false);
    }

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) {
        Selection sel = Selection.of(args);
        try (Cluster cluster = KubeAccess.connect(args, ctx)) {
            List<Map<String, Object>> found = sel.find(cluster);
            return Outcome.ok(found.size() + " " + sel.describe(), Map.of("resources", found));
        } catch (KubernetesClientException e) {
            return Outcome.failed("kube_info: " + KubeErrors.describe(e));
        } catch (IOException e) {
            return Outcome.failed(e.getMessage());
        }
    }
}
