package dev.unwind.cli;

/**
 * The tags by which the upgrade playbook tells {@code unwind upgrade} what its tasks mean, so that a site's
 * edited copy ({@code --playbook}) keeps the exit codes and the rehearsal points whatever its tasks are named.
 */
enum UpgradeTag {
    /** Fails when the cluster already runs MKE 4k: with nothing changed, there is nothing to do (exit 0). */
    ALREADY_MKE4K("upgrade:already-mke4k"),
    /** Fails when the cluster cannot be upgraded as it is: with nothing changed, that is invalid input (exit 5). */
    PREFLIGHT("upgrade:preflight"),
    /** A {@code debug} task on the leader that shows the MKE 3 version found: the rollback names it, as mkectl's does. */
    MKE3_VERSION("upgrade:mke3-version");

    private static final String PHASE_END = "upgrade:end-of-phase-";

    private final String tag;

    UpgradeTag(String tag) {
        this.tag = tag;
    }

    String tag() {
        return tag;
    }

    /** The tag of a phase's last changing task: where {@code demo --fail-at} injects a failure. */
    static String endOfPhase(String number) {
        return PHASE_END + number;
    }
}
