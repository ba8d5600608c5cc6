package dev.unwind.mke.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DexObjectNameTest {
    @Test
    void matchesTheNameDexGivesThePasswordOfAdminAtExampleCom() {
        // the object name Dex's own Kubernetes storage shows for its example static user
        assertThat(DexObjectName.forEmail("admin@example.com")).isEqualTo("mfsg22loibsxqylnobwgkltdn5w4x4u44scceizf");
    }

    @Test
    void lowerCasesTheEmailFirst() {
        assertThat(DexObjectName.forEmail("Alice")).isEqualTo(DexObjectName.forEmail("alice"))
                .isEqualTo("mfwgsy3fzpzjzzeeeirsk");
    }
}
