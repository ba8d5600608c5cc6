package dev.unwind.run;

/** The controller's own environment does not let a run start (it has not changed anything yet). */
public final class RunRefused extends RuntimeException {
    public RunRefused(String why) {
        super(why);
    }
}
