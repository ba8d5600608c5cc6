package dev.unwind.exec;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ctrl-C and SIGTERM: the first asks the run to stop scheduling and unwind; a later one, during the
 * unwind, asks whether to abandon it.
 */
public final class Interrupt {
    private final AtomicInteger count = new AtomicInteger();
    private volatile Runnable onRepeat = () -> { };

    public void signal() {
        if (count.incrementAndGet() > 1) {
            onRepeat.run();
        }
    }

    public boolean requested() {
        return count.get() > 0;
    }

    void onRepeat(Runnable r) {
        onRepeat = r;
    }
}
