package dev.unwind.exec;

import dev.unwind.playbook.Loop;

/** The looped include a planned task belongs to: its tasks run together once per item ({@code id} numbers it in the play). */
record IncludeLoop(int id, Loop loop) {
}
