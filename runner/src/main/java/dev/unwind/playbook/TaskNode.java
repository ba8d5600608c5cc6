package dev.unwind.playbook;

import dev.unwind.input.Position;

/** An entry of a task list: a task, or a block grouping tasks. */
public sealed interface TaskNode permits Task, Block {

    Position position();

    String name();
}
