package dev.unwind.module.facts;

import dev.unwind.module.Outcome;
import dev.unwind.module.Status;
import dev.unwind.module.testing.TestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SetupModuleTest {
    @TempDir
    Path tmp;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> facts(Outcome o) {
        assertThat(o.status()).as(o.msg()).isEqualTo(Status.OK);
        return (Map<String, Object>) o.result().get("ansible_facts");
    }

    @Test
    void returnsTheEnginesFactsUnderAnsiblesNamesInCheckModeToo() throws Exception {
        TestContext ctx = TestContext.in(tmp);
        Map<String, Object> engine = (Map<String, Object>) Facts.gather(ctx.connection()).get("ansible_facts");
        for (TestContext c : List.of(ctx, ctx.checking())) {
            Map<String, Object> f = facts(c.run("setup", Map.of()));
            assertThat(f).containsKeys("ansible_kernel", "ansible_hostname", "ansible_memtotal_mb", "ansible_date_time");
            assertThat(f.get("ansible_kernel")).isEqualTo(engine.get("kernel"));
            assertThat(f).hasSameSizeAs(engine);
        }
    }

    @ParameterizedTest(name = "filter {0}")
    @CsvSource(delimiter = '|', value = {"ansible_kernel|ansible_kernel", "ansible_user_[gu]id|ansible_user_gid,ansible_user_uid",
            "ansible_*_mb|ansible_memfree_mb,ansible_memtotal_mb,ansible_swapfree_mb,ansible_swaptotal_mb", "nothing*|"})
    void filterKeepsTheFactsItsGlobsMatch(String filter, String expected) throws Exception {
        Map<String, Object> f = facts(TestContext.in(tmp).run("setup", Map.of("filter", filter)));
        assertThat(f.keySet()).containsExactlyInAnyOrderElementsOf(expected == null ? List.of() : List.of(expected.split(",")));
    }

    @Test
    void minLeavesOutHardwareAndOtherSubsetsAreNoted() throws Exception {
        TestContext ctx = TestContext.in(tmp);
        Map<String, Object> min = facts(ctx.run("setup", Map.of("gather_subset", "!all")));
        assertThat(min).containsKey("ansible_distribution").doesNotContainKeys("ansible_memtotal_mb", "ansible_mounts");
        Outcome noted = ctx.run("setup", Map.of("gather_subset", List.of("all", "!facter"), "filter", "ansible_kernel"));
        assertThat(noted.result()).containsEntry("notes", List.of("gather_subset !facter is ignored"));
        assertThat(facts(noted)).containsOnlyKeys("ansible_kernel");
    }
}
