package dev.unwind.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unwind.input.InvalidInput;
import dev.unwind.inventory.vault.Vault;
import dev.unwind.inventory.vault.VaultCipher;
import dev.unwind.inventory.vault.VaultSecret;
import dev.unwind.inventory.vault.VaultValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each inventory rule with its expected values written out (no Ansible needed). */
class InventoryRulesTest {
    @TempDir
    Path dir;

    private Inventory load(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, content);
        return Inventory.load(List.of(f.toString()), null, null);
    }

    @Test
    void iniValuesAreTypedLikePythonLiterals() throws IOException {
        Inventory inv = load("hosts", "[g]\nh1 port=22 t=True y=yes l=\"[1, 2]\" m=\"{'a': 1}\" s='x' n=None f=1.5 z=010\n");
        Map<String, Object> v = inv.hostVars("h1");
        assertThat(v).containsEntry("port", 22L).containsEntry("t", true).containsEntry("y", "yes")
                .containsEntry("l", List.of(1L, 2L)).containsEntry("m", Map.of("a", 1L)).containsEntry("s", "x")
                .containsEntry("n", null).containsEntry("f", 1.5).containsEntry("z", "010");
    }

    @Test
    void groupVarsSectionKeepsSpacesAndTypes() throws IOException {
        Inventory inv = load("hosts", "[g]\nh\n[g:vars]\ngreeting = hello big world\nn = 5 # five\nq = 'quoted'\n");
        assertThat(inv.hostVars("h")).containsEntry("greeting", "hello big world").containsEntry("n", 5L)
                .containsEntry("q", "quoted");
    }

    @Test
    void rangesExpandWithPaddingStepsLettersAndSeveralPerName() {
        assertThat(HostRange.expand("www[01:05:2].x")).containsExactly("www01.x", "www03.x", "www05.x");
        assertThat(HostRange.expand("db-[a:c]")).containsExactly("db-a", "db-b", "db-c");
        assertThat(HostRange.expand("r[1:2]n[a:b]")).containsExactly("r1na", "r1nb", "r2na", "r2nb");
        assertThat(HostRange.expand("10.0.[0:1].[7:8]")).containsExactly("10.0.0.7", "10.0.0.8", "10.0.1.7", "10.0.1.8");
        assertThatThrownBy(() -> HostRange.expand("h[01:5]")).hasMessageContaining("equal-length");
        assertThatThrownBy(() -> HostRange.expand("h[1:]")).hasMessageContaining("end value");
    }

    @Test
    void addressesSplitPortsAndIpv6() {
        assertThat(HostAddress.parse("web:2222", false)).isEqualTo(new HostAddress("web", 2222));
        assertThat(HostAddress.parse("[::1]:22", false)).isEqualTo(new HostAddress("::1", 22));
        assertThat(HostAddress.parse("fe80::1", false)).isEqualTo(new HostAddress("fe80::1", null));
        assertThatThrownBy(() -> HostAddress.parse("bad host", false)).hasMessageContaining("Not a valid network hostname");
    }

    @Test
    void childGroupsWinOverParentsAndPriorityBreaksTies() throws IOException {
        Inventory inv = load("hosts", "[all:vars]\nv=all\n[parent:children]\nchild\n[child]\nh\n[parent:vars]\nv=parent\n"
                + "[child:vars]\nv=child\n[zz]\nh2\n[aa]\nh2\n[zz:vars]\nw=zz\nansible_group_priority=5\n[aa:vars]\nw=aa\n");
        assertThat(inv.hostVars("h")).containsEntry("v", "child");
        assertThat(inv.hostVars("h2")).containsEntry("w", "zz").doesNotContainKey("ansible_group_priority");
        assertThat(inv.groupNames("h")).containsExactly("child", "parent");
    }

    @Test
    void ungroupedHostsHaveUngroupedInGroupNamesLikeAnsible() throws IOException {
        Inventory inv = load("hosts", "lonely\n[g]\nmember\n");
        assertThat(inv.groupNames("lonely")).containsExactly("ungrouped");
        assertThat(inv.groups()).containsEntry("all", List.of("lonely", "member")).containsEntry("ungrouped", List.of("lonely"));
    }

    @Test
    void badInputNamesFileLineAndWhatIsWrong() throws IOException {
        assertThatThrownBy(() -> load("a", "[p:children]\nmissing\n"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("a:2:1").hasMessageContaining("undefined group: missing");
        assertThatThrownBy(() -> load("b", "[g:vars]\nx=1\n"))
                .hasMessageContaining("b:1:1").hasMessageContaining("not valid for undefined group: g");
        assertThatThrownBy(() -> load("c", "[g]\nh1 notakeyvalue\n"))
                .hasMessageContaining("c:2:4").hasMessageContaining("Expected key=value");
        assertThatThrownBy(() -> load("d", "[g]\nh[01:5]\n")).hasMessageContaining("d:2:1")
                .hasMessageContaining("equal-length");
        assertThatThrownBy(() -> load("e", "[a:children]\nb\n[b:children]\na\n[b]\n[a]\n"))
                .hasMessageContaining("recursive dependency loop");
        assertThatThrownBy(() -> load("f.yml", "g:\n  hosts: [a, b]\n")).hasMessageContaining("f.yml:2:10")
                .hasMessageContaining("requires a dictionary");
    }

    @Test
    void directoryReportsAndSkipsFilesThatAreNotInventories() throws IOException {
        Files.createDirectories(dir.resolve("inv"));
        Files.writeString(dir.resolve("inv/good"), "[g]\nh1\n");
        Files.writeString(dir.resolve("inv/junk"), "this is not an inventory\n");
        Inventory inv = Inventory.load(List.of(dir.resolve("inv").toString()), null, null);
        assertThat(inv.hosts("all")).containsExactly("h1");
        assertThat(inv.warnings()).anySatisfy(w -> assertThat(w).contains("junk"));
    }

    @Test
    void hostListWithCommaAndImplicitLocalhost() {
        Inventory inv = Inventory.load(List.of("web1,web2:2200"), null, null);
        assertThat(inv.hosts("all")).containsExactly("web1", "web2");
        assertThat(inv.hostVars("web2")).containsEntry("ansible_port", 2200);
        assertThat(inv.hosts("localhost")).containsExactly("localhost");
        assertThat(inv.hostVars("localhost")).containsEntry("ansible_connection", "local");
        assertThat(inv.hosts("all")).doesNotContain("localhost");
    }

    @Test
    void patternsResolveInAnsibleOrder() throws IOException {
        Inventory inv = load("hosts", "[web]\nw1\nw2\nw3\n[db]\nd1\n[prod]\nw2\nd1\n");
        assertThat(inv.hosts("web:&prod")).containsExactly("w2");
        assertThat(inv.hosts("web:!prod")).containsExactly("w1", "w3");
        assertThat(inv.hosts("!prod:web")).containsExactly("w1", "w3");
        assertThat(inv.hosts("db,web[0]")).containsExactly("d1", "w1");
        assertThat(inv.hosts("web[-1]")).containsExactly("w3");
        assertThat(inv.hosts("web[1:]")).containsExactly("w2", "w3");
        assertThat(inv.hosts("~w[13]")).containsExactly("w1", "w3");
        assertThat(inv.hosts("w*")).containsExactly("w1", "w2", "w3");
        assertThat(inv.limit(inv.hosts("all"), "prod")).containsExactly("w2", "d1");
    }

    @Test
    void groupAndHostVarsFilesBesideInventoryAndPlaybook() throws IOException {
        Files.createDirectories(dir.resolve("inv/group_vars/web"));
        Files.createDirectories(dir.resolve("inv/host_vars"));
        Files.createDirectories(dir.resolve("play/group_vars"));
        Files.writeString(dir.resolve("inv/hosts"), "[web]\nw1 v=inline\n");
        Files.writeString(dir.resolve("inv/group_vars/web/a.yml"), "g: a\nonly_a: 1\n");
        Files.writeString(dir.resolve("inv/group_vars/web/b.yml"), "g: b\n");
        Files.writeString(dir.resolve("inv/host_vars/w1.yml"), "v: host_vars\n");
        Files.writeString(dir.resolve("play/group_vars/web.yml"), "g: play\n");
        Inventory inv = Inventory.load(List.of(dir.resolve("inv/hosts").toString()), dir.resolve("play"), null);
        assertThat(inv.hostVars("w1")).containsEntry("g", "play").containsEntry("only_a", 1L)
                .containsEntry("v", "host_vars").containsEntry("inventory_hostname", "w1");
    }

    @Test
    void vaultedFilesAndValuesOpenWithThePassword() throws IOException {
        VaultSecret secret = VaultSecret.of("pw");
        String envelope = VaultCipher.encrypt("[g]\nh1 token=abc\n".getBytes(StandardCharsets.UTF_8), secret);
        Path f = dir.resolve("vaulted");
        Files.writeString(f, envelope);
        Inventory inv = Inventory.load(List.of(f.toString()), null, Vault.of(secret));
        assertThat(inv.hostVars("h1")).containsEntry("token", "abc");
        assertThatThrownBy(() -> Inventory.load(List.of(f.toString()), null, Vault.of(VaultSecret.of("wrong"))))
                .hasMessageContaining("HMAC");
        String inline = VaultCipher.encrypt("s3cret".getBytes(StandardCharsets.UTF_8), secret);
        Path y = dir.resolve("v.yml");
        Files.writeString(y, "g:\n  hosts:\n    h:\n      k: !vault |\n" + inline.lines().map(l -> "        " + l + "\n")
                .reduce("", String::concat));
        Inventory yi = Inventory.load(List.of(y.toString()), null, Vault.of(secret));
        assertThat(yi.hostVars("h")).containsEntry("k", "s3cret");
        assertThat(yi.rawHostVars("h").get("k")).isInstanceOf(VaultValue.class).hasToString("<vaulted value>");
        assertThat(secret.toString()).doesNotContain("pw");
    }

    @Test
    void yamlIsTypedLikePyYaml() throws IOException {
        Inventory inv = load("t.yml", "g:\n  hosts:\n    h:\n      a: yes\n      b: 0644\n      c: 1e3\n      d: 2001-12-14\n"
                + "      e: 1:20\n      f: 0o17\n      m: &m {x: 1}\n      n: {<<: *m, y: 2}\n");
        Map<String, Object> v = inv.hostVars("h");
        assertThat(v).containsEntry("a", true).containsEntry("b", 420L).containsEntry("c", "1e3")
                .containsEntry("e", 80L).containsEntry("f", "0o17").containsEntry("n", Map.of("x", 1L, "y", 2L));
        assertThat(v.get("d")).hasToString("2001-12-14");
    }
}
