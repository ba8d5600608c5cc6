package dev.unwind.module.system;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The decisions of the systemd module, from the unit's observed state (no systemd needed). */
class SystemdPlanTest {
    private static final UnitState RUNNING_ENABLED = UnitState.parse("LoadState=loaded\nActiveState=active\nUnitFileState=enabled\n");
    private static final UnitState STOPPED_DISABLED = UnitState.parse("UnitFileState=disabled\nActiveState=inactive\nLoadState=loaded\n");

    @Test
    void parsesSystemctlShowInAnyOrder() {
        assertThat(STOPPED_DISABLED).isEqualTo(new UnitState("loaded", "inactive", "disabled"));
        assertThat(UnitState.parse("LoadState=not-found\nActiveState=inactive\nUnitFileState=\n").found()).isFalse();
        assertThat(UnitState.parse("LoadState=loaded\nActiveState=active\nUnitFileState=static\n").enabled()).isTrue();
    }

    @Test
    void startingAndEnablingAStoppedUnitIsUndoneByStoppingAndDisablingIt() {
        SystemdPlan p = SystemdPlan.decide(STOPPED_DISABLED, "started", true);
        assertThat(p.verbs()).containsExactly("enable", "start");
        assertThat(p.undoArgs()).isEqualTo(Map.of("enabled", false, "state", "stopped"));
        SystemdPlan inverse = SystemdPlan.decide(new UnitState("loaded", "active", "enabled"), "stopped", false);
        assertThat(inverse.verbs()).containsExactly("disable", "stop");
    }

    @Test
    void aUnitAlreadyAsWantedNeedsNothing() {
        assertThat(SystemdPlan.decide(RUNNING_ENABLED, "started", true).changes()).isFalse();
        assertThat(SystemdPlan.decide(STOPPED_DISABLED, "stopped", false).changes()).isFalse();
        assertThat(SystemdPlan.decide(RUNNING_ENABLED, null, null).changes()).isFalse();
    }

    @Test
    void stoppingARunningUnitIsUndoneByStartingIt() {
        SystemdPlan p = SystemdPlan.decide(RUNNING_ENABLED, "stopped", null);
        assertThat(p.verbs()).isEqualTo(List.of("stop"));
        assertThat(p.undoArgs()).isEqualTo(Map.of("state", "started"));
    }

    @Test
    void restartAlwaysChangesAndNeedsAnUndoOnlyWhenTheUnitWasStopped() {
        assertThat(SystemdPlan.decide(RUNNING_ENABLED, "restarted", null).verbs()).containsExactly("restart");
        assertThat(SystemdPlan.decide(RUNNING_ENABLED, "restarted", null).undoArgs()).isEmpty();
        assertThat(SystemdPlan.decide(STOPPED_DISABLED, "restarted", null).undoArgs()).isEqualTo(Map.of("state", "stopped"));
        assertThat(SystemdPlan.decide(STOPPED_DISABLED, "reloaded", null).verbs()).containsExactly("start");
        assertThat(SystemdPlan.decide(RUNNING_ENABLED, "reloaded", null).verbs()).containsExactly("reload");
    }

    @Test
    void maskingComesLastAndIsUndoneByUnmaskingFirst() {
        SystemdPlan p = SystemdPlan.decide(RUNNING_ENABLED, "stopped", null, true);
        assertThat(p.verbs()).containsExactly("stop", "mask");
        assertThat(p.undoArgs()).isEqualTo(Map.of("state", "started", "masked", false));
        UnitState masked = UnitState.parse("LoadState=masked\nActiveState=inactive\nUnitFileState=masked\n");
        assertThat(masked.masked()).isTrue();
        SystemdPlan inverse = SystemdPlan.decide(masked, "started", null, false);
        assertThat(inverse.verbs()).containsExactly("unmask", "start");
        assertThat(SystemdPlan.decide(masked, null, null, true).changes()).isFalse();
    }
}
