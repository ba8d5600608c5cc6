/** The everyday modules together, as one playbook an operator would write, on real Debian nodes. */
package dev.unwind.everyday;
