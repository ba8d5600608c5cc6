package dev.unwind.report;

/** Receives the events of a run. Implementations must be thread-safe: hosts report in parallel. */
public interface Reporter extends AutoCloseable {

    void on(Event event);

    @Override
    default void close() {
    }

    static Reporter all(Reporter... reporters) {
        return new Reporter() {
            @Override
            public void on(Event event) {
                for (Reporter r : reporters) {
                    r.on(event);
                }
            }

            @Override
            public void close() {
                for (Reporter r : reporters) {
                    r.close();
                }
            }
        };
    }
}
