package dev.unwind.exec;

/**
 * How a run ended.
 *
 * @param status ok, failed, unwound, unwind_incomplete or interrupted
 * @param exitCode as DESIGN.md lists: 0, 2, 3, 4 or 130
 * @param failure  what failed first (a task and its hosts), or null
 */
public record RunResult(String runId, String status, int exitCode, String failure) {
}
