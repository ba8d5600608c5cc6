package dev.unwind.undo;

/** How one change's undo ended, with the word the console and the JSON events print for it. */
public enum UndoStatus {
    UNDONE("undone"),
    FAILED("failed"),
    /** Not tried: a newer change on the same host was not undone, and this one may depend on it being undone. */
    LEFT("left");

    private final String word;

    UndoStatus(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}
