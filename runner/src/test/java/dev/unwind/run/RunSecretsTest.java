package dev.unwind.run;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RunSecretsTest {

    @Test
    void masksOnlyRegisteredValuesLongestFirst() {
        RunSecrets s = new RunSecrets();
        s.add("abc");
        s.add("abcdef");
        assertThat(s.redact("x abcdef y abc z")).isEqualTo("x ******** y ******** z");
        assertThat(s.redact("nothing here")).isEqualTo("nothing here");
    }

    @Test
    void aShortSecretIsMaskedOnlyWhereItIsTheWholeText() {
        RunSecrets s = new RunSecrets();
        s.add("42");
        s.add(" ");
        assertThat(s.redact("42\n")).isEqualTo("********");
        assertThat(s.redact("port 4242 in /tmp")).isEqualTo("port 4242 in /tmp");
    }
}
