package dev.unwind.playbook;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every playbook keyword unwind knows, and where each may be written: the one list of keywords. The loader refuses a
 * key that is not here, or that is here but written somewhere it does not belong (saying where it does).
 * Inheritance follows Ansible: a play's and a block's {@code become}, {@code become_user}, {@code when}, {@code vars}
 * and {@code tags} reach every task inside them. A key that is a keyword of another place and also a module's name
 * ({@code pause}, a loop_control key) is the module where the keyword does not belong.
 */
public enum Keyword {
    NAME(Place.PLAY, Place.BLOCK, Place.TASK, Place.INCLUDE, Place.UNDO_TASK, Place.ROLE, Place.IMPORT_PLAYBOOK),
    HOSTS(Place.PLAY),
    IMPORT_PLAYBOOK(Place.IMPORT_PLAYBOOK),
    VARS(Place.PLAY, Place.BLOCK, Place.TASK, Place.INCLUDE, Place.ROLE, Place.IMPORT_PLAYBOOK),
    VARS_FILES(Place.PLAY),
    VARS_PROMPT(Place.PLAY),
    GATHER_FACTS(Place.PLAY),
    REMOTE_USER(Place.PLAY),
    /** Ansible's older name of remote_user. */
    USER(Place.PLAY),
    CONNECTION(Place.PLAY),
    PORT(Place.PLAY),
    BECOME(Place.PLAY, Place.BLOCK, Place.TASK, Place.INCLUDE, Place.UNDO_TASK, Place.ROLE),
    BECOME_USER(Place.PLAY, Place.BLOCK, Place.TASK, Place.INCLUDE, Place.UNDO_TASK, Place.ROLE),
    BECOME_METHOD(Place.PLAY, Place.BLOCK, Place.TASK, Place.INCLUDE, Place.UNDO_TASK, Place.ROLE),
    SERIAL(Place.PLAY),
    /** linear, or free, which runs as linear: the same changes, each task waiting for every host (an undo needs the order). */
    STRATEGY(Place.PLAY),
    PRE_TASKS(Place.PLAY),
    ROLES(Place.PLAY),
    TASKS(Place.PLAY),
    POST_TASKS(Place.PLAY),
    HANDLERS(Place.PLAY),
    ON_FAILURE(Place.PLAY),
    ANY_ERRORS_FATAL(Place.PLAY, Place.BLOCK),
    MAX_FAIL_PERCENTAGE(Place.PLAY),
    /** Handlers notified before a failure run even so: with on_failure stop, the changes they answer stay. */
    FORCE_HANDLERS(Place.PLAY),
    TAGS(Place.PLAY, Place.BLOCK, Place.TASK, Place.INCLUDE, Place.ROLE, Place.IMPORT_PLAYBOOK),
    ENVIRONMENT(Place.PLAY, Place.BLOCK, Place.TASK, Place.INCLUDE, Place.ROLE),
    BLOCK(Place.BLOCK),
    RESCUE(Place.BLOCK),
    ALWAYS(Place.BLOCK),
    INCLUDE_TASKS(Place.INCLUDE),
    IMPORT_TASKS(Place.INCLUDE),
    INCLUDE_ROLE(Place.INCLUDE),
    IMPORT_ROLE(Place.INCLUDE),
    ROLE(Place.ROLE),
    WHEN(Place.BLOCK, Place.TASK, Place.INCLUDE, Place.ROLE, Place.IMPORT_PLAYBOOK),
    REGISTER(Place.TASK),
    LOOP(Place.TASK, Place.INCLUDE),
    WITH_ITEMS(Place.TASK, Place.INCLUDE),
    WITH_LIST(Place.TASK, Place.INCLUDE),
    WITH_DICT(Place.TASK, Place.INCLUDE),
    WITH_FILEGLOB(Place.TASK, Place.INCLUDE),
    WITH_FIRST_FOUND(Place.TASK, Place.INCLUDE),
    WITH_SEQUENCE(Place.TASK, Place.INCLUDE),
    WITH_TOGETHER(Place.TASK, Place.INCLUDE),
    WITH_NESTED(Place.TASK, Place.INCLUDE),
    WITH_SUBELEMENTS(Place.TASK, Place.INCLUDE),
    LOOP_CONTROL(Place.TASK, Place.INCLUDE),
    LOOP_VAR(Place.LOOP_CONTROL),
    INDEX_VAR(Place.LOOP_CONTROL),
    LABEL(Place.LOOP_CONTROL),
    PAUSE(Place.LOOP_CONTROL),
    EXTENDED(Place.LOOP_CONTROL),
    EXTENDED_ALLITEMS(Place.LOOP_CONTROL),
    UNTIL(Place.TASK),
    RETRIES(Place.TASK, Place.UNDO_TASK),
    DELAY(Place.TASK, Place.UNDO_TASK),
    CHANGED_WHEN(Place.TASK),
    FAILED_WHEN(Place.TASK),
    IGNORE_ERRORS(Place.TASK),
    CHECK_MODE(Place.TASK),
    NO_LOG(Place.TASK, Place.UNDO_TASK),
    UNDO(Place.TASK),
    REASON(Place.TASK),
    POINT_OF_NO_RETURN(Place.TASK),
    TIMEOUT(Place.TASK),
    NOTIFY(Place.TASK),
    DELEGATE_TO(Place.TASK),
    DELEGATE_FACTS(Place.TASK),
    LOCAL_ACTION(Place.TASK),
    RUN_ONCE(Place.TASK),
    THROTTLE(Place.TASK),
    LISTEN(Place.HANDLER),
    ARGS(Place.TASK, Place.UNDO_TASK, Place.INCLUDE);

    /** Where in a playbook a mapping of keywords stands. */
    public enum Place {
        PLAY("a play"), BLOCK("a block"), TASK("a task"), HANDLER("a handler"), INCLUDE("an include"),
        UNDO_TASK("an undo task"), ROLE("a role entry of 'roles:'"), IMPORT_PLAYBOOK("an import_playbook entry"),
        LOOP_CONTROL("loop_control");

        private final String label;

        Place(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Set<Place> places;

    Keyword(Place first, Place... more) {
        this.places = EnumSet.of(first, more);
    }

    /** As written in YAML: {@code gather_facts}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A handler is a task, with {@code listen} besides. */
    public boolean allowedIn(Place place) {
        return places.contains(place) || place == Place.HANDLER && places.contains(Place.TASK);
    }

    public static Optional<Keyword> of(String key) {
        return Arrays.stream(values()).filter(k -> k.key().equals(key)).findFirst();
    }

    /** The keys allowed in {@code place}, for "did you mean" suggestions. */
    public static Set<String> keysOf(Place place) {
        return Arrays.stream(values()).filter(k -> k.allowedIn(place)).map(Keyword::key).collect(Collectors.toSet());
    }

    /** Where this keyword belongs, for an error that says so ("a play or a block"). */
    public String whereItBelongs() {
        List<String> labels = Arrays.stream(Place.values()).filter(this::allowedIn).map(Place::label).toList();
        return labels.size() == 1 ? labels.get(0)
                : String.join(", ", labels.subList(0, labels.size() - 1)) + " or " + labels.get(labels.size() - 1);
    }
}
