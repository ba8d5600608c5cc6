package dev.unwind.module.files;

import dev.unwind.module.Outcome;
import dev.unwind.module.Status;
import dev.unwind.module.testing.ChangeCycle;
import dev.unwind.module.testing.TestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LineInFileModuleTest {
    @TempDir
    Path tmp;
    TestContext ctx;
    Path area;
    Path conf;

    @BeforeEach
    void setUp() throws Exception {
        ctx = TestContext.in(tmp);
        area = Files.createDirectories(tmp.resolve("host"));
        conf = Files.writeString(area.resolve("sshd_config"), "Port 22\n#PermitRootLogin yes\nUsePAM yes\n");
    }

    private Map<String, Object> args(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        m.put("path", conf.toString());
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void replacesTheLineTheRegexpFinds() throws Exception {
        Outcome real = ChangeCycle.verify(ctx, area, "lineinfile", args("regexp", "^#?PermitRootLogin", "line", "PermitRootLogin no"));
        assertThat(real.msg()).isEqualTo(conf + ": line replaced");
        ctx.run("lineinfile", args("regexp", "^#?PermitRootLogin", "line", "PermitRootLogin no"));
        assertThat(Files.readString(conf)).isEqualTo("Port 22\nPermitRootLogin no\nUsePAM yes\n");
    }

    @Test
    void appendsAMissingLineAtTheEnd() throws Exception {
        ChangeCycle.verify(ctx, area, "lineinfile", args("line", "X11Forwarding no"));
        ctx.run("lineinfile", args("line", "X11Forwarding no"));
        assertThat(Files.readString(conf)).endsWith("UsePAM yes\nX11Forwarding no\n");
    }

    @Test
    void insertsAfterOrBeforeTheLastMatch() throws Exception {
        ctx.run("lineinfile", args("line", "AddressFamily inet", "insertafter", "^Port"));
        ctx.run("lineinfile", args("line", "# managed", "insertbefore", "BOF"));
        ctx.run("lineinfile", args("line", "Banner none", "insertbefore", "^UsePAM"));
        assertThat(Files.readString(conf)).isEqualTo("# managed\nPort 22\nAddressFamily inet\n#PermitRootLogin yes\nBanner none\nUsePAM yes\n");
    }

    @Test
    void backrefsRewriteTheMatchedLineAndLeaveTheFileAloneWithoutAMatch() throws Exception {
        ChangeCycle.verify(ctx, area, "lineinfile", args("regexp", "^(?P<key>Port) \\d+$", "line", "\\g<key> 2222", "backrefs", true));
        ctx.run("lineinfile", args("regexp", "^(Use)PAM (\\w+)$", "line", "\\1PAM no # was \\2", "backrefs", true));
        ctx.run("lineinfile", args("regexp", "^(?P<key>Port) \\d+$", "line", "\\g<key> 2222", "backrefs", true));
        assertThat(Files.readString(conf)).isEqualTo("Port 2222\n#PermitRootLogin yes\nUsePAM no # was yes\n");
        Outcome none = ctx.run("lineinfile", args("regexp", "^Nothing (.*)", "line", "x \\1", "backrefs", true));
        assertThat(none.status()).isEqualTo(Status.OK);
    }

    @Test
    void removesEveryMatchingLineAndUndoPutsThemBack() throws Exception {
        Outcome real = ChangeCycle.verify(ctx, area, "lineinfile", args("regexp", "yes$", "state", "absent"));
        assertThat(real.result()).containsEntry("found", 2);
        assertThat(real.msg()).isEqualTo(conf + ": 2 line(s) removed");
    }

    @Test
    void createsTheFileOnlyWhenAskedAndUndoRemovesIt() throws Exception {
        Path fresh = area.resolve("new.conf");
        Outcome refused = ctx.run("lineinfile", Map.of("path", fresh.toString(), "line", "a=1"));
        assertThat(refused.status()).isEqualTo(Status.FAILED);
        assertThat(ctx.checking().run("lineinfile", Map.of("path", fresh.toString(), "line", "a=1")).status()).isEqualTo(Status.FAILED);
        ChangeCycle.verify(ctx, area, "lineinfile", Map.of("path", fresh.toString(), "line", "a=1", "create", true, "mode", "0600"));
    }

    @Test
    void keepsAMissingFinalNewlineWhenEditingInTheMiddle() throws Exception {
        Files.writeString(conf, "a=1\nb=2");
        ctx.run("lineinfile", args("regexp", "^a=", "line", "a=9"));
        assertThat(Files.readString(conf)).isEqualTo("a=9\nb=2");
    }
}
