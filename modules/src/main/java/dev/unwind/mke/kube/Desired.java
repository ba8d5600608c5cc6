package dev.unwind.mke.kube;

import java.util.Map;

/**
 * An object the cluster should have.
 *
 * @param replaceExisting when it exists with other content: replace it (true) or leave it alone (false)
 */
public record Desired(ObjectRef ref, Map<String, Object> manifest, boolean replaceExisting) {
}
