package dev.unwind.module.accounts;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AccountEntriesTest {
    private static final String PASSWD = "root:x:0:0:root:/root:/bin/bash\nbin:x:2:2:bin:/bin:/usr/sbin/nologin\n"
            + "alice:x:1001:1001:Alice A,,,:/home/alice:/bin/bash\nbob:x:1002:1002::/home/bob:/bin/sh\n";
    private static final String GROUP = "root:x:0:\nadm:x:4:alice,bob\nalice:x:1001:\nbob:x:1002:\n";

    private static AccountTables tables() {
        return new AccountTables(Map.of(
                AccountFile.PASSWD, AccountText.parse(PASSWD.getBytes(StandardCharsets.UTF_8)),
                AccountFile.SHADOW, AccountText.parse("root:*:19000:0:99999:7:::\nalice:$6$salt$hash:19000:0:99999:7:::\n".getBytes()),
                AccountFile.GROUP, AccountText.parse(GROUP.getBytes(StandardCharsets.UTF_8)),
                AccountFile.GSHADOW, AccountText.parse("root:*::\nadm:*::alice,bob\nalice:!::\nbob:!::\n".getBytes())));
    }

    @Test
    void parsesPasswdAndGroupLines() {
        AccountTables t = tables();
        PasswdEntry a = t.user("alice").orElseThrow();
        assertThat(a.uid()).isEqualTo("1001");
        assertThat(a.comment()).isEqualTo("Alice A,,,");
        assertThat(a.home()).isEqualTo("/home/alice");
        assertThat(t.user("bob").orElseThrow().comment()).isEmpty();
        assertThat(t.memberOf("bob")).containsExactly("adm");
        assertThat(t.findGroup("1002").orElseThrow().name()).isEqualTo("bob");
        assertThat(t.shadowMentions("alice")).containsExactly("adm");
    }

    @Test
    void removedLinesGoBackWhereTheyWereAndTheFileIsByteForByteTheSame() {
        AccountTables t = tables();
        PriorEntries prior = PriorEntries.of(t, Set.of("alice"), Set.of("alice", "adm"));
        // what userdel does: the user's lines and private group go, and it leaves adm
        List<String> passwd = List.of("root:x:0:0:root:/root:/bin/bash", "bin:x:2:2:bin:/bin:/usr/sbin/nologin",
                "bob:x:1002:1002::/home/bob:/bin/sh", "carol:x:1003:1003::/home/carol:/bin/sh");
        List<String> group = List.of("root:x:0:", "adm:x:4:bob", "bob:x:1002:");
        PriorEntries back = PriorEntries.parse(prior.serialize());
        assertThat(back).isEqualTo(prior);
        for (PriorEntry e : back.of(AccountFile.PASSWD)) {
            passwd = e.applyTo(passwd);
        }
        for (PriorEntry e : back.of(AccountFile.GROUP)) {
            group = e.applyTo(group);
        }
        // carol, added meanwhile by someone else, stays
        assertThat(String.join("\n", passwd) + "\n").isEqualTo(PASSWD + "carol:x:1003:1003::/home/carol:/bin/sh\n");
        assertThat(String.join("\n", group) + "\n").isEqualTo(GROUP);
    }

    @Test
    void anAddedNameIsRemovedAndRestoringTwiceChangesNothing() {
        AccountTables t = tables();
        PriorEntries prior = PriorEntries.of(t, Set.of("dave"), Set.of("dave"));
        assertThat(prior.entries()).allMatch(PriorEntry::absent);
        List<String> passwd = List.of(PASSWD.split("\n"));
        List<String> added = new java.util.ArrayList<>(passwd);
        added.add("dave:x:1004:1004::/home/dave:/bin/sh");
        List<String> once = prior.of(AccountFile.PASSWD).get(0).applyTo(added);
        assertThat(once).isEqualTo(passwd);
        assertThat(prior.of(AccountFile.PASSWD).get(0).applyTo(once)).isEqualTo(passwd);
    }

    @Test
    void aFileWithoutItsLastNewlineRendersAsItWas() {
        AccountText t = AccountText.parse("a:x:1:\nb:x:2:".getBytes());
        assertThat(new String(t.render())).isEqualTo("a:x:1:\nb:x:2:");
        assertThat(t.nameBefore("b")).isEqualTo("a");
        assertThat(t.nameBefore("a")).isNull();
    }

    @Test
    void authorizedKeysKeepOtherLinesAndReplaceAKeyByItsBlob() {
        AuthorizedKeys k = AuthorizedKeys.parse("# mine\nssh-ed25519 AAAA1 old@host\nfrom=\"10.0.0.1\",no-pty ssh-rsa BBBB2 x\n");
        k.present(AuthorizedKeys.wanted("ssh-ed25519 AAAA1 new@host\nssh-ed25519 CCCC3", null, null), false);
        assertThat(k.render()).isEqualTo("# mine\nssh-ed25519 AAAA1 new@host\nfrom=\"10.0.0.1\",no-pty ssh-rsa BBBB2 x\n"
                + "ssh-ed25519 CCCC3\n");
        assertThat(AuthorizedKeys.parseKey("from=\"10.0.0.1\",no-pty ssh-rsa BBBB2 x").options()).isEqualTo("from=\"10.0.0.1\",no-pty");
        k.present(AuthorizedKeys.wanted("ssh-ed25519 CCCC3", "no-agent-forwarding", null), true);
        assertThat(k.render()).isEqualTo("no-agent-forwarding ssh-ed25519 CCCC3\n");
        k.absent(AuthorizedKeys.wanted("ssh-ed25519 CCCC3", null, null));
        assertThat(k.render()).isEmpty();
    }
}
