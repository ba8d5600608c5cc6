package dev.unwind.playbook;

import java.util.Arrays;
import java.util.Optional;

/**
 * A task's loop: {@code loop:}, or one of Ansible's {@code with_*} loops, with what {@code loop_control} says.
 *
 * @param with    which loop: how its terms become items ({@link LoopItems})
 * @param terms   as written: a list, a mapping, a text, or a {@code ${...}} text that renders to one of them
 * @param control the loop_control keys
 */
public record Loop(With with, Object terms, LoopControl control) {

    /** {@code loop} takes a list as it is; each {@code with_*} is Ansible's lookup of the same name over its terms. */
    public enum With {
        LOOP(Keyword.LOOP),
        /** Items that are lists are spread one level. */
        ITEMS(Keyword.WITH_ITEMS),
        LIST(Keyword.WITH_LIST),
        /** One item {key, value} per entry. */
        DICT(Keyword.WITH_DICT),
        /** The controller's files matching a pattern, beside the playbook or under its files/. */
        FILEGLOB(Keyword.WITH_FILEGLOB),
        /** The first controller file of a list that exists (files, paths, skip). */
        FIRST_FOUND(Keyword.WITH_FIRST_FOUND),
        /** Numbers as text: "start=1 end=5 stride=1 format=%d", or "[start-]end[/stride][:format]". */
        SEQUENCE(Keyword.WITH_SEQUENCE),
        /** Lists zipped: [1, 2], [a, b] give [1, a], [2, b]; the shorter filled with nothing. */
        TOGETHER(Keyword.WITH_TOGETHER),
        /** Every combination of the lists' items, in order. */
        NESTED(Keyword.WITH_NESTED),
        /** Each element of a list of mappings with each item of one of its lists: [element, item]. */
        SUBELEMENTS(Keyword.WITH_SUBELEMENTS);

        private final Keyword keyword;

        With(Keyword keyword) {
            this.keyword = keyword;
        }

        /** As written in YAML: {@code with_dict}. */
        public String key() {
            return keyword.key();
        }

        public static Optional<With> of(String key) {
            return Arrays.stream(values()).filter(w -> w.key().equals(key)).findFirst();
        }
    }
}
