package dev.unwind.playbook;

import java.util.List;

/** A task's explicit {@code undo:}: tasks to run (rendered when the task completes), or none, with the reason. */
public sealed interface UndoSpec permits UndoSpec.Tasks, UndoSpec.None {

    record Tasks(List<Task> tasks) implements UndoSpec {
        public Tasks {
            tasks = List.copyOf(tasks);
        }
    }

    record None(String reason) implements UndoSpec {
    }
}
