package dev.unwind.cli;

import dev.unwind.input.InvalidInput;
import dev.unwind.input.Position;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code unwind lab seed FILE}: applies Kubernetes manifests to MKE 3's Kubernetes in the real lab that is up. */
@Command(name = "seed", mixinStandardHelpOptions = true,
        description = "Apply Kubernetes manifests (YAML, one or more documents) to MKE 3's Kubernetes in the lab started by "
                + "`unwind lab up --real`: what an upgrade rehearsal must bring across.")
public final class LabSeedCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "Manifests to apply (server-side apply, so seeding twice is harmless).")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path kubeconfig = LabFolder.inHome().root().resolve("mke3.kubeconfig");
        if (LabFolder.inHome().running().isEmpty() || !Files.isRegularFile(kubeconfig)) {
            spec.commandLine().getErr().println("unwind: no real lab is up; start one with `unwind lab up --real`");
            return ExitCode.INVALID_INPUT;
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidInput(Position.of(file.toString()), "no such file: " + file);
        }
        Config config = Config.fromKubeconfig(Files.readString(kubeconfig));
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
             InputStream in = Files.newInputStream(file)) {
            List<HasMetadata> objects = client.load(in).items();
            for (HasMetadata o : objects) {
                client.resource(o).fieldManager("unwind-lab-seed").forceConflicts().serverSideApply();
                String ns = o.getMetadata().getNamespace();
                out.println("applied " + o.getKind() + " " + (ns == null ? "" : ns + "/") + o.getMetadata().getName());
            }
        } catch (KubernetesClientException e) {
            spec.commandLine().getErr().println("unwind: MKE 3's Kubernetes refused " + file + ": " + e.getMessage());
            return ExitCode.INTERNAL;   // the manifests are not applied: not an unwind failure, an error
        }
        return ExitCode.OK;
    }
}
