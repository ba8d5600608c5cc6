package dev.unwind.exec;

/**
 * How a run ended.
 *
 * @param unreachable a host was unreachable at some point (the CLI's exit code says so when nothing else does)
 * @param failure     what failed first (a task and its hosts), or null
 */
public record RunResult(String runId, RunStatus status, boolean unreachable, String failure) {

    public boolean ok() {
        return status == RunStatus.OK;
    }
}
