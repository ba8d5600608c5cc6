package dev.unwind.testing;

import dev.unwind.cli.Cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One play run by ansible-playbook, and unwind's copy of it ready to run, each writing into its own folder (OUT in
 * the play). The play is written once: {@code (expr)} becomes {@code {{ expr }}} for Ansible and {@code ${expr}} for
 * unwind; where the two languages say a thing differently, {@code «jinja ¦ freemarker»} gives each its own
 * expression. Both run on local hosts (one {@code localhost} unless named) with the same command-line options; with
 * more than one, both output folders are made beforehand.
 */
public record SideBySide(String ansibleOut, Path byAnsible, Path byUnwind, Path inventory, Path unwindPlaybook,
                         List<String> options) {
    private static final Pattern BOTH = Pattern.compile("«([^«»¦]+?) ¦ ([^«»¦]+?)»");
    private static final Pattern SAME = Pattern.compile("\\(([a-z_.\\[\\]0-9]+)\\)");

    /** Runs unwind's copy with the same options. */
    public Cli.Result unwind(Cli cli) {
        List<String> args = new ArrayList<>(List.of("play", unwindPlaybook.toString(), "-i", inventory.toString()));
        args.addAll(options);
        return cli.run(args.toArray(String[]::new));
    }

    /** {@code play} on {@code localhost}, in {@code root} (whose files/ and vars/ both see), without options. */
    public static SideBySide of(Path root, String play) throws IOException, InterruptedException {
        return of(root, play, List.of("localhost"), List.of());
    }

    /** {@code play} on these local hosts (group {@code local}), both runs given {@code options}. */
    public static SideBySide of(Path root, String play, List<String> hosts, List<String> options)
            throws IOException, InterruptedException {
        Path byAnsible = root.resolve("by-ansible");
        Path byUnwind = root.resolve("by-unwind");
        Path inventory = root.resolve("hosts.ini");
        StringBuilder ini = new StringBuilder("[local]\n");
        for (String h : hosts) {
            ini.append(h).append(" ansible_connection=local unwind_lock_path=").append(root.resolve("lock-" + h)).append('\n');
        }
        Files.writeString(inventory, ini);
        if (hosts.size() > 1) {
            // hosts sharing this machine would race to make the one folder their own folders are in
            Files.createDirectories(byAnsible);
            Files.createDirectories(byUnwind);
        }
        Path jinja = root.resolve("ansible.yml");
        Files.writeString(jinja, forAnsible(play.replace("OUT", byAnsible.toString())));
        Path freemarker = root.resolve("unwind.yml");
        Files.writeString(freemarker, forUnwind(play.replace("OUT", byUnwind.toString())));
        List<String> args = new ArrayList<>(List.of("-i", inventory.toString(), jinja.toString()));
        args.addAll(options);
        String out = AnsiblePlaybook.run(root, root, args);
        return new SideBySide(out, byAnsible, byUnwind, inventory, freemarker, List.copyOf(options));
    }

    /** Ansible's copy of a text: {@code (expr)} as {@code {{ expr }}}, the Jinja side of each «jinja ¦ freemarker». */
    static String forAnsible(String text) {
        return written(text, 1, "{{ ", " }}");
    }

    /** unwind's copy of a text: {@code (expr)} as {@code ${expr}}, the FreeMarker side of each «jinja ¦ freemarker». */
    static String forUnwind(String text) {
        return written(text, 2, "${", "}");
    }

    /** The play in one language: {@code which} picks the side of each «jinja ¦ freemarker», taken as written. */
    private static String written(String play, int which, String open, String close) {
        Matcher both = BOTH.matcher(play);
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (both.find()) {
            out.append(same(play.substring(from, both.start()), open, close)).append(open).append(both.group(which)).append(close);
            from = both.end();
        }
        return out.append(same(play.substring(from), open, close)).toString();
    }

    private static String same(String text, String open, String close) {
        return SAME.matcher(text).replaceAll(Matcher.quoteReplacement(open) + "$1" + Matcher.quoteReplacement(close));
    }
}
