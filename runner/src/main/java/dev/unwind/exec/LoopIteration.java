package dev.unwind.exec;

import dev.unwind.playbook.LoopControl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One turn of a loop: its item, and the variables it binds as Ansible binds them (the item under its loop_var,
 * {@code ansible_loop_var}, the index under index_var with {@code ansible_index_var}, and {@code ansible_loop} when
 * extended). The item's registered result holds the same keys.
 */
record LoopIteration(List<Object> items, int index, LoopControl control) {

    static List<LoopIteration> over(List<Object> items, LoopControl control) {
        List<LoopIteration> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            out.add(new LoopIteration(items, i, control));
        }
        return out;
    }

    Object item() {
        return items.get(index);
    }

    Map<String, Object> bound() {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put(control.loopVar(), item());
        vars.put("ansible_loop_var", control.loopVar());
        if (control.indexVar() != null) {
            vars.put(control.indexVar(), index);
            vars.put("ansible_index_var", control.indexVar());
        }
        if (control.extended()) {
            vars.put("ansible_loop", extended());
        }
        return vars;
    }

    /** Ansible's {@code ansible_loop}: previtem only after the first item, nextitem only before the last. */
    private Map<String, Object> extended() {
        int length = items.size();
        Map<String, Object> loop = new LinkedHashMap<>();
        loop.put("index", index + 1);
        loop.put("index0", index);
        loop.put("first", index == 0);
        loop.put("last", index + 1 == length);
        loop.put("length", length);
        loop.put("revindex", length - index);
        loop.put("revindex0", length - index - 1);
        if (control.extendedAllItems()) {
            loop.put("allitems", items);
        }
        if (index + 1 < length) {
            loop.put("nextitem", items.get(index + 1));
        }
        if (index > 0) {
            loop.put("previtem", items.get(index - 1));
        }
        return loop;
    }
}
