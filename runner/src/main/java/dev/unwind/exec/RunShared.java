package dev.unwind.exec;

import dev.unwind.module.HostFileDigests;
import dev.unwind.module.Predictions;
import dev.unwind.module.SourceDigests;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * What the tasks of one run share: the digests of controller files (a source sent to many hosts is hashed once),
 * what the controller remembers of large files on hosts, check mode's predictions, and the reader of vars files
 * ({@code include_vars}), which opens vaulted ones with the run's vault.
 */
record RunShared(SourceDigests sourceDigests, HostFileDigests hostFileDigests, Predictions predictions,
                 Function<Path, Map<String, Object>> varsFiles) {
}
