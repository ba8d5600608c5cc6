package dev.unwind.module.kernel;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** sysctl files read and rewritten as Ansible's sysctl does. */
class SysctlFileTest {
    private static final String CONF = """
            # kernel tuning
            net.core.somaxconn = 4096

            ; old style comment
            net.ipv4.ip_forward=0
            net.core.somaxconn=8192
            not a setting
            """;

    @Test
    void theLastLineOfAKeyCounts() {
        assertThat(SysctlFile.parse(CONF).values()).isEqualTo(Map.of("net.core.somaxconn", "8192", "net.ipv4.ip_forward", "0"));
    }

    @Test
    void settingAKeyRewritesSettingsAsKeyEqualsValueAndDropsRepeats() {
        assertThat(SysctlFile.parse(CONF).with("net.core.somaxconn", "1024").text()).isEqualTo("""
                # kernel tuning
                net.core.somaxconn=1024

                ; old style comment
                net.ipv4.ip_forward=0
                not a setting
                """);
        assertThat(SysctlFile.parse("").with("net.ipv4.ip_forward", "1").text()).isEqualTo("net.ipv4.ip_forward=1\n");
        assertThat(SysctlFile.parse("# no newline").with("a.b", "1").text()).isEqualTo("# no newline\na.b=1\n");
    }

    @Test
    void removingAKeyDropsEachOfItsLines() {
        assertThat(SysctlFile.parse(CONF).with("net.core.somaxconn", null).values()).isEqualTo(Map.of("net.ipv4.ip_forward", "0"));
    }

    @Test
    void valuesAreComparedAsTheKernelReadsThem() {
        assertThat(SysctlFile.normalize(true)).isEqualTo("1");
        assertThat(SysctlFile.normalize("no")).isEqualTo("0");
        assertThat(SysctlFile.normalize(" 1024 ")).isEqualTo("1024");
        assertThat(SysctlFile.same("4096\t131072  6291456", "4096 131072 6291456")).isTrue();
        assertThat(SysctlFile.same("1", null)).isFalse();
    }

    @Test
    void readsSysctlOutput() {
        assertThat(RuntimeValues.parse("net.core.somaxconn = 4096\nnet.ipv4.tcp_rmem = 4096\t131072\t6291456\n"))
                .isEqualTo(Map.of("net.core.somaxconn", "4096", "net.ipv4.tcp_rmem", "4096\t131072\t6291456"));
    }
}
