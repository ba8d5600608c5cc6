package dev.unwind.playbook;

/**
 * A task's loop: {@code loop:}, or Ansible's {@code with_items} (which flattens one level of nested lists) and
 * {@code with_list} (which does not), with what {@code loop_control} says.
 *
 * @param items    a list, or a {@code ${...}} string that renders to one
 * @param flatten  {@code with_items}: items that are lists are spread one level
 * @param loopVar  the variable each item is bound to ({@code item} unless {@code loop_control.loop_var} says)
 * @param indexVar the variable holding the item's index, or null ({@code loop_control.index_var})
 * @param label    what the console shows for an item instead of the item itself, or null ({@code loop_control.label})
 */
public record Loop(Object items, boolean flatten, String loopVar, String indexVar, String label) {
}
