/**
 * What a run tells: the live console view, JSON Lines ({@code --json}) and the full {@code run.log}.
 * Every reporter sees the same {@link dev.unwind.report.Event}s; secrets are masked before text leaves.
 */
package dev.unwind.report;
