package dev.unwind.module.control;

import dev.unwind.module.Outcome;
import dev.unwind.module.Status;
import dev.unwind.module.testing.TestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ControlModulesTest {
    @TempDir
    Path tmp;

    @Test
    void debugShowsAMessageOrAVariable() throws Exception {
        TestContext ctx = TestContext.in(tmp).withVar("mke3", Map.of("version", "3.8.1"));
        assertThat(ctx.run("debug", Map.of("msg", "hi")).result()).containsEntry("msg", "hi");
        assertThat(ctx.run("debug", Map.of()).msg()).isEqualTo("Hello world!");
        Outcome v = ctx.run("debug", Map.of("var", "mke3.version"));
        assertThat(v.status()).isEqualTo(Status.OK);
        assertThat(v.result()).containsEntry("mke3.version", "3.8.1");
        assertThat(ctx.run("debug", Map.of("var", "nope")).result()).containsEntry("nope", "VARIABLE IS NOT DEFINED!");
    }

    @Test
    void setFactReturnsTheFactsUnderAnsibleFacts() throws Exception {
        TestContext ctx = TestContext.in(tmp);
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("target", "4.1.0");
        args.put("nodes", List.of("a", "b"));
        Outcome o = ctx.run("set_fact", args);
        assertThat(o.status()).isEqualTo(Status.OK);
        assertThat(o.result()).containsEntry("ansible_facts", Map.of("target", "4.1.0", "nodes", List.of("a", "b")));
        assertThat(new SetFactModule().spec().openArgs()).isTrue();
        assertThat(ctx.run("set_fact", Map.of("bad-name", 1)).status()).isEqualTo(Status.FAILED);
    }

    @Test
    void assertEvaluatesEveryConditionAndNamesTheFirstFalseOne() throws Exception {
        TestContext ctx = TestContext.in(tmp).withVar("version", "3.8.1").withVar("nodes", 3);
        Outcome ok = ctx.run("assert", Map.of("that", List.of("version?starts_with(\"3.8\")", "nodes >= 3"),
                "success_msg", "ready"));
        assertThat(ok.status()).isEqualTo(Status.OK);
        assertThat(ok.msg()).isEqualTo("ready");
        Outcome bad = ctx.run("assert", Map.of("that", List.of("nodes >= 3", "nodes > 5"), "fail_msg", "too few nodes"));
        assertThat(bad.status()).isEqualTo(Status.FAILED);
        assertThat(bad.msg()).isEqualTo("too few nodes");
        assertThat(bad.result()).containsEntry("assertion", "nodes > 5").containsEntry("evaluated_to", false);
        Outcome single = ctx.run("assert", Map.of("that", "[1, 2]?seq_contains(2)", "msg", "m"));
        assertThat(single.status()).as(single.msg()).isEqualTo(Status.OK);
        Outcome broken = ctx.run("assert", Map.of("that", "undefined_var > 1"));
        assertThat(broken.status()).isEqualTo(Status.FAILED);
        assertThat(broken.msg()).contains("undefined_var");
    }

    @Test
    void failFailsWithItsMessage() throws Exception {
        TestContext ctx = TestContext.in(tmp);
        assertThat(ctx.run("fail", Map.of("msg", "stop here")).status()).isEqualTo(Status.FAILED);
        assertThat(ctx.run("fail", Map.of()).msg()).isEqualTo("Failed as requested from task");
        assertThat(ctx.checking().run("fail", Map.of()).status()).isEqualTo(Status.FAILED);
    }
}
