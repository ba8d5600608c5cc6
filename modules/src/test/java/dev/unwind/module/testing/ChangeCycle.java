package dev.unwind.module.testing;

import dev.unwind.module.ConnectionException;
import dev.unwind.module.Outcome;
import dev.unwind.module.Status;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The life of a changing task, checked end to end on a real directory tree:
 * check mode predicts a change and touches nothing; the real run makes that change and returns the same
 * undo the prediction showed; a second run is ok; the undo puts the tree back byte for byte, mode and
 * owner included; undoing again changes nothing.
 */
public final class ChangeCycle {
    private ChangeCycle() {
    }

    /** Runs the cycle and returns the real run's outcome. */
    public static Outcome verify(TestContext ctx, Path area, String module, Map<String, Object> args) throws ConnectionException {
        TreeSnapshot before = TreeSnapshot.of(area);

        Outcome predicted = ctx.checking().run(module, args);
        assertThat(predicted.status()).as("check mode: %s", predicted.msg()).isEqualTo(Status.CHANGED);
        assertThat(TreeSnapshot.of(area)).as("check mode touches nothing").isEqualTo(before);

        Outcome real = ctx.run(module, args);
        assertThat(real.status()).as("real run: %s", real.msg()).isEqualTo(Status.CHANGED);
        assertThat(real.msg()).as("prediction says what the real run did").isEqualTo(predicted.msg());
        assertThat(real.undo()).as("the undo check mode shows is the one journaled").isEqualTo(predicted.undo());
        TreeSnapshot after = TreeSnapshot.of(area);
        assertThat(after).as("the real run changed the tree").isNotEqualTo(before);

        Outcome again = ctx.run(module, args);
        assertThat(again.status()).as("second run: %s", again.msg()).isEqualTo(Status.OK);
        assertThat(again.undo()).as("an ok task journals no undo").isNull();
        assertThat(ctx.checking().run(module, args).status()).as("check mode after the change").isEqualTo(Status.OK);

        List<Outcome> undone = ctx.undo(real);
        assertThat(undone).allSatisfy(o -> assertThat(o.status()).as(o.msg()).isIn(Status.CHANGED, Status.OK));
        assertThat(TreeSnapshot.of(area)).as("undo restores the exact prior state").isEqualTo(before);
        assertThat(ctx.undo(real)).as("undo twice: the second does nothing")
                .allSatisfy(o -> assertThat(o.status()).as(o.msg()).isEqualTo(Status.OK));
        return real;
    }
}
