package dev.unwind.mke.kube;

import java.util.Map;

/** What applying one object did, with what is needed to take it back. */
public sealed interface Change permits Change.Created, Change.Replaced, Change.Unchanged {

    ObjectRef ref();

    record Created(ObjectRef ref) implements Change {
    }

    /** @param previous the object as it was, to put back */
    record Replaced(ObjectRef ref, Map<String, Object> previous) implements Change {
    }

    record Unchanged(ObjectRef ref) implements Change {
    }
}
