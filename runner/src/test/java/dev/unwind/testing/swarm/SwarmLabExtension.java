package dev.unwind.testing.swarm;

import dev.unwind.lab.swarm.SwarmLab;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Holds a {@link SwarmLab} for a test class: starts it before the first test, always stops it after the last, and
 * skips the class, with the reason, when no Docker engine answers.
 *
 * <pre>{@code
 * static final SwarmLab lab = SwarmLab.managers(3).workers(2);
 * @RegisterExtension static final SwarmLabExtension up = new SwarmLabExtension(lab);
 * }</pre>
 */
public final class SwarmLabExtension implements BeforeAllCallback, AfterAllCallback, ExecutionCondition {
    private final SwarmLab lab;

    public SwarmLabExtension(SwarmLab lab) {
        this.lab = lab;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return SwarmLab.dockerAvailable()
                ? ConditionEvaluationResult.enabled("a Docker engine answers")
                : ConditionEvaluationResult.disabled("SwarmLab: no Docker engine answers; start dockerd as /work/shared/LAB.md "
                        + "says (CI's .ci/run does) to run the real-node tests");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        lab.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        lab.close();
    }
}
