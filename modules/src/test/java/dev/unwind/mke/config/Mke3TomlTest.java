package dev.unwind.mke.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class Mke3TomlTest {
    private static final String DIR = "src/test/resources/mke3/";

    private static InvalidMke3Config problemWith(String file) {
        try {
            Mke3Toml toml = Mke3Toml.read(Path.of(DIR + file));
            new Mke3ToMke4Converter().convert(toml, ConversionOptions.defaults());
        } catch (InvalidMke3Config e) {
            return e;
        }
        throw new AssertionError(file + " was accepted");
    }

    @Test
    void anUnterminatedStringIsReportedAtItsLine() {
        InvalidMke3Config e = problemWith("broken-syntax.toml");
        assertThat(e.file()).isEqualTo(DIR + "broken-syntax.toml");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.problem()).startsWith("not valid TOML: ");
        assertThat(e.getMessage()).startsWith(DIR + "broken-syntax.toml:3:");
    }

    @Test
    void aSettingOfTheWrongTypeIsReportedAtItsKey() {
        InvalidMke3Config e = problemWith("wrong-type.toml");
        assertThat(e.line()).isEqualTo(6);
        assertThat(e.column()).isEqualTo(5);
        assertThat(e.problem()).isEqualTo("cluster_config.kubelet_max_pods must be an integer, found the string \"many\";"
                + " fix the value in the MKE 3 configuration");
    }

    @Test
    void anEmptyFileIsNotAConfiguration() {
        InvalidMke3Config e = problemWith("empty.toml");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(1);
        assertThat(e.problem()).contains("the file is empty");
    }

    @Test
    void aBinaryFileIsRefusedWhereTheFirstNulByteIs() {
        InvalidMke3Config e = problemWith("binary.toml");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(1);
        assertThat(e.problem()).contains("binary file");
    }

    @Test
    void aTomlFileWithoutClusterConfigIsNotAnMke3Configuration() {
        assertThatThrownBy(() -> Mke3Toml.parse("k0s.toml", "[spec]\nx = 1\n".getBytes()))
                .isInstanceOf(InvalidMke3Config.class).hasMessageContaining("k0s.toml:1:1: no [cluster_config] table");
    }

    @Test
    void aWrongTypeInsideAnArrayOfTablesPointsAtThatTable() {
        String toml = """
                [cluster_config]
                  [[cluster_config.metallb_config.metallb_ip_addr_pool]]
                    name = "a"
                  [cluster_config.metallb_config]
                    enabled = "yes"
                """;
        assertThatThrownBy(() -> new Mke3ToMke4Converter().convert(Mke3Toml.parse("m.toml", toml.getBytes()),
                ConversionOptions.defaults()))
                .isInstanceOf(InvalidMke3Config.class)
                .hasMessageContaining("cluster_config.metallb_config.enabled must be a boolean");
    }

    @Test
    void anAuthBackendOtherThanManagedOrLdapIsRefusedAtItsKey() {
        String toml = "[auth]\n  backend = \"saml\"\n[cluster_config]\n";
        assertThatThrownBy(() -> new Mke3ToMke4Converter().convert(Mke3Toml.parse("a.toml", toml.getBytes()),
                ConversionOptions.defaults()))
                .isInstanceOf(InvalidMke3Config.class).hasMessageStartingWith("a.toml:2:3: auth.backend must be");
    }

    @Test
    void theExceptionCarriesNoStackTrace() {
        assertThat(problemWith("empty.toml").getStackTrace()).isEmpty();
    }
}
