package dev.unwind.playbook;

/**
 * What {@code loop_control} says about a loop, Ansible's defaults where it says nothing.
 *
 * @param loopVar          the variable each item is bound to ({@code item})
 * @param indexVar         the variable holding the item's index (from 0), or null
 * @param label            what the console shows for an item instead of the item itself, or null
 * @param pause            seconds to wait between two items
 * @param extended         {@code ansible_loop} is set: index, index0, first, last, length, revindex(0), previtem, nextitem
 * @param extendedAllItems with {@code extended}, {@code ansible_loop.allitems} holds every item
 */
public record LoopControl(String loopVar, String indexVar, String label, double pause, boolean extended,
                          boolean extendedAllItems) {

    public static final LoopControl DEFAULT = new LoopControl("item", null, null, 0, false, true);
}
