package dev.unwind.lab.ucp;

import java.time.Duration;

/** A fault the fake API injects into the next request to a path. */
public sealed interface Fault permits Fault.Status, Fault.Stall {

    /** Answer with this HTTP status and a JSON error body. */
    record Status(int code) implements Fault {
    }

    /** Hold the answer this long (longer than a client's timeout makes a timeout). */
    record Stall(Duration duration) implements Fault {
    }
}
