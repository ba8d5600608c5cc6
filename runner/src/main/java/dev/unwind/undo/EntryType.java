package dev.unwind.undo;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What a journal line records; see {@link Entry} for the fields each one sets. Written in lower case. */
public enum EntryType {
    RUN, LOCKED, STARTED, PREPARED, CHANGED, UNCHANGED, POINT_OF_NO_RETURN, UNDONE, UNDO_FAILED, END;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static EntryType of(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }

    /** A task's slot begins or advances, but has not ended. */
    public boolean opensSlot() {
        return this == STARTED || this == PREPARED;
    }

    /** A task's slot ended. */
    public boolean closesSlot() {
        return this == CHANGED || this == UNCHANGED;
    }
}
