package dev.unwind.cli;

import dev.unwind.report.Event;
import dev.unwind.report.Reporter;
import dev.unwind.undo.UndoStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class RollbackWordingTest {

    /** A console that takes its time over each note, as a terminal or a slow log does. */
    private static final class SlowConsole implements Reporter {
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void on(Event event) {
            if (event instanceof Event.Note n) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                lines.add(n.text().strip());
            } else if (event instanceof Event.UndoResult u) {
                lines.add("undone " + u.host() + " <- " + u.task());
            }
        }
    }

    @Test
    void hostsUndoingInParallelStillGetEachStepHeaderOnceAndBeforeTheirLines() throws Exception {
        SlowConsole console = new SlowConsole();
        RollbackWording wording = new RollbackWording(console, Set.of("Quiesce MKE 3: stop them"), () -> Optional.of("3.8.5"));
        wording.on(new Event.UnwindStarted("task 'x' failed", 10));
        List<String> hosts = List.of("mke-worker-1", "mke-worker-2", "mke-manager-1", "mke-manager-2");
        for (String task : List.of("k0s workers: start", "Quiesce MKE 3: stop them")) {
            // every host's undo of one step arrives at once, from its own thread, as the Unwinder sends them
            ExecutorService pool = Executors.newFixedThreadPool(hosts.size());
            CountDownLatch go = new CountDownLatch(1);
            for (String host : hosts) {
                pool.submit(() -> {
                    go.await();
                    wording.on(new Event.UndoResult(host, task, UndoStatus.UNDONE, ""));
                    return null;
                });
            }
            go.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        wording.on(new Event.Recap("r", "unwound", java.util.Map.of(), List.of(), "j"));

        List<String> lines = List.copyOf(console.lines);
        assertThat(lines).startsWith("Initiating rollback because of upgrade failure. upgradeErr = task 'x' failed",
                "Initiating rollback of MKE to version: 3.8.5");
        assertThat(lines).last().isEqualTo("Rollback to MKE version 3.8.5 completed successfully: every node is back where it started.");
        assertThat(lines.stream().filter(l -> l.startsWith("Step ") || l.endsWith(" Completed"))).containsExactly(
                "Step 1 of 2: [Rollback Upgrade Tasks]", "[Rollback Upgrade Tasks] Completed",
                "Step 2 of 2: [Rollback Pre Upgrade Tasks]", "[Rollback Pre Upgrade Tasks] Completed");
        int step2 = lines.indexOf("Step 2 of 2: [Rollback Pre Upgrade Tasks]");
        int step1Done = lines.indexOf("[Rollback Upgrade Tasks] Completed");
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("Quiesce MKE 3")) {
                assertThat(i).as("%s comes in step 2: %s", lines.get(i), lines).isGreaterThan(step2);
            } else if (lines.get(i).contains("k0s workers")) {
                assertThat(i).as("%s comes in step 1: %s", lines.get(i), lines).isLessThan(step1Done);
            }
        }
    }

    @Test
    void aRollbackBeforeTheVersionWasFoundSaysMke3AndAnIncompleteOneNamesItsOpenStep() {
        SlowConsole console = new SlowConsole();
        RollbackWording wording = new RollbackWording(console, Set.of(), Optional::empty);
        wording.on(new Event.UnwindStarted("interrupted", 1));
        wording.on(new Event.UndoResult("h", "a task", UndoStatus.FAILED, "boom"));
        wording.on(new Event.Recap("r", "unwind_incomplete", java.util.Map.of(), List.of(), "j"));

        assertThat(console.lines).doesNotContain("Initiating rollback of MKE to version: ")
                .noneMatch(l -> l.contains("completed successfully"))
                .contains("[Rollback Upgrade Tasks] did not complete: the journal names what is left (unwind rollback finishes it)");
    }
}
