/** Inventories: hosts, groups and their variables, read from the files people already have. */
package dev.unwind.inventory;
