package dev.unwind.module.packages;

import dev.unwind.module.ModuleCall;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** apt-get -s and dpkg-query as Debian 12 prints them, and the undo computed from them (no host needed). */
class AptPlanTest {

    @Test
    void readsInstallsUpgradesRemovalsAndPurgesFromASimulation() {
        AptPlan p = AptPlan.parse("""
                NOTE: This is only a simulation!
                Inst unwind-hello (2.0 localhost [all])
                Inst unwind-extra (1.0 localhost [all])
                Inst libfoo:amd64 [1.0-1] (1.1-1 Debian:12.5/stable [amd64])
                Inst unwind-hello [1.0] (2.0 localhost, local-deb [all])
                Conf unwind-hello (2.0 localhost [all])
                Remv unwind-extra [1.0]
                Purg unwind-hello [1.0]
                Purg gone
                """);
        assertThat(p.steps()).containsExactly(
                new AptPlan.Step(AptPlan.Action.INSTALL, "unwind-hello", null, "2.0"),
                new AptPlan.Step(AptPlan.Action.INSTALL, "unwind-extra", null, "1.0"),
                new AptPlan.Step(AptPlan.Action.INSTALL, "libfoo", "1.0-1", "1.1-1"),
                new AptPlan.Step(AptPlan.Action.INSTALL, "unwind-hello", "1.0", "2.0"),
                new AptPlan.Step(AptPlan.Action.REMOVE, "unwind-extra", "1.0", null),
                new AptPlan.Step(AptPlan.Action.PURGE, "unwind-hello", "1.0", null),
                new AptPlan.Step(AptPlan.Action.PURGE, "gone", null, null));
        assertThat(AptPlan.parse("Reading package lists...\n0 upgraded, 0 newly installed\n").changes()).isFalse();
    }

    @Test
    void readsDpkgQueryStatuses() {
        Installed i = Installed.parse("unwind-hello\t1.0\tinstalled\nold\t0.9\tconfig-files\nlibc6:amd64\t2.36-9\tinstalled\n");
        assertThat(i.version("unwind-hello")).isEqualTo("1.0");
        assertThat(i.version("old")).isNull();
        assertThat(i.of("old").status()).isEqualTo(Installed.Status.CONFIG_FILES);
        assertThat(i.version("libc6")).isEqualTo("2.36-9");
        assertThat(i.of("never-heard-of").status()).isEqualTo(Installed.Status.NOT_INSTALLED);
    }

    @Test
    void theUndoPurgesWhatIsNewRemovesWhatHadConffilesAndReinstallsThePreviousVersions() {
        AptPlan p = AptPlan.parse("""
                Inst unwind-hello [1.0] (2.0 localhost [all])
                Inst unwind-extra (1.0 localhost [all])
                Inst was-removed (3.0 localhost [all])
                Remv other [4.2]
                """);
        Installed seen = Installed.parse("unwind-hello\t1.0\tinstalled\nwas-removed\t2.0\tconfig-files\nother\t4.2\tinstalled\n");
        ModuleCall undo = AptModule.inverse(p, seen, "/var/lib/unwind/debs/r1");
        assertThat(undo.module()).isEqualTo(RestorePackages.NAME);
        assertThat(undo.args().get("purge")).isEqualTo(List.of("unwind-extra"));
        assertThat(undo.args().get("remove")).isEqualTo(List.of("was-removed"));
        assertThat(undo.args().get("reinstall")).isEqualTo(List.of("unwind-hello=1.0", "other=4.2"));
        assertThat(undo.args().get("debs")).isEqualTo("/var/lib/unwind/debs/r1");
    }

    @Test
    void aPinIsANameAndAVersion() {
        assertThat(AptModule.PackageName.parse("nginx=1.22.1-9")).isEqualTo(new AptModule.PackageName("nginx", "1.22.1-9"));
        assertThat(AptModule.PackageName.parse(" curl ").spec()).isEqualTo("curl");
    }

    @Test
    void aPurgedPackageThatHadOnlyItsConffilesLeftIsInstalledAndRemovedAgain() {
        AptPlan p = AptPlan.parse("Purg unwind-hello\n");
        ModuleCall undo = AptModule.inverse(p, Installed.parse("unwind-hello\t1.0\tconfig-files\n"), "/d");
        assertThat(undo.args().get("config_files")).isEqualTo(List.of("unwind-hello=1.0"));
        assertThat(undo.args().get("purge")).isEqualTo(List.of());
    }
}
