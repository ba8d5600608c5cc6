package dev.unwind.module.mke;

import dev.unwind.mke.config.Category;
import dev.unwind.mke.config.Conversion;
import dev.unwind.mke.config.ConversionOptions;
import dev.unwind.mke.config.Mke3Toml;
import dev.unwind.mke.config.Mke3ToMke4Converter;
import dev.unwind.mke.config.OfflineConversion;
import dev.unwind.mke.config.ReportEntry;
import dev.unwind.module.ArgSpec;
import dev.unwind.module.ArgType;
import dev.unwind.module.Args;
import dev.unwind.module.Module;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.ModuleSpec;
import dev.unwind.module.Outcome;
import dev.unwind.module.Undo;
import dev.unwind.module.UndoKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code mke_config}: converts the MKE 3 configuration to mke4.yaml and writes it with the compatibility
 * report into a folder on the controller. Fails when settings would not be carried over, unless
 * {@code force}. Runs on the controller whatever the task's host: it reads and writes local files only.
 */
public final class MkeConfigModule implements Module {
    static final List<String> FILES = List.of("mke3.toml", "mke4.yaml", "compatibility-report.txt", "compatibility-report.json");

    private static final ModuleSpec SPEC = ModuleSpec.of("mke_config",
                    "Convert an MKE 3 configuration (TOML) to an MKE 4k MkeConfig and write the compatibility report.",
                    UndoKind.AUTOMATIC,
                    ArgSpec.optional("src", ArgType.STR, null, "the MKE 3 TOML on the controller"),
                    ArgSpec.optional("toml", ArgType.STR, null, "the MKE 3 TOML itself (mke3_facts' config_toml)").asSecret(),
                    ArgSpec.required("dest", ArgType.STR, "the folder on the controller for mke3.toml, mke4.yaml and the report"),
                    ArgSpec.optional("external_address", ArgType.STR, null, "spec.apiServer.externalAddress"),
                    ArgSpec.optional("version", ArgType.STR, ConversionOptions.DEFAULT_VERSION, "spec.version"),
                    ArgSpec.optional("hosts", ArgType.LIST, null, "spec.hosts entries"),
                    ArgSpec.optional("ldap", ArgType.DICT, null, "MKE 3's LDAP settings (mke3_facts' ldap)"),
                    ArgSpec.optional("force", ArgType.BOOL, false, "go on when settings would not be carried over"))
            .returns(Map.of("mke4_yaml", "path of the written mke4.yaml",
                    "needs_confirmation", "true when some settings are not carried over",
                    "not_carried_over", "the settings that are not, each {setting, category, detail}",
                    "counts", "settings per report category",
                    "metallb_pools", "MetalLB pools to recreate after the upgrade ({name, addresses})",
                    "summary", "the Upgrade Summary's Configuration file section"))
            .checkMode("predicts exactly: converts, compares with the files in dest, writes nothing");

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) {
        if (args.has("src") == args.has("toml")) {
            return Outcome.failed("mke_config needs exactly one of src (a file) and toml (the text)");
        }
        Mke3Toml toml = args.has("src")
                ? Mke3Toml.read(ctx.localFile(args.str("src")))
                : Mke3Toml.parse("mke3_facts config_toml", args.str("toml").getBytes(StandardCharsets.UTF_8));
        String secret = toml.root().path("auth").path("external_identity_provider").path("clientSecret").asText("");
        if (!secret.isEmpty()) {
            ctx.secrets().add(secret);
        }
        Object bindPassword = args.dict("ldap").get("readerPassword");
        if (bindPassword instanceof String bp && !bp.isEmpty()) {
            ctx.secrets().add(bp);
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> hosts = args.raw("hosts") instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
        Conversion c = new Mke3ToMke4Converter().convert(toml,
                new ConversionOptions(args.str("version"), args.str("external_address"), hosts,
                        args.has("ldap") ? args.dict("ldap") : null));

        Path dest = Path.of(args.str("dest"));
        Map<String, Object> result = result(c, dest);
        if (c.report().needsConfirmation() && !args.bool("force")) {
            // the report the message sends the operator to is written, as the run's log is: it is what the operator
            // reads, and the refusal changed nothing (the configuration is not written: nothing is upgraded)
            if (!ctx.check()) {
                OfflineConversion.writePrivate(dest.resolve("compatibility-report.txt"), c.report().toText());
                OfflineConversion.writePrivate(dest.resolve("compatibility-report.json"), c.report().toJson());
            }
            return Outcome.failed(c.report().needingConfirmation().size() + " MKE 3 settings would not be carried over: "
                    + String.join(", ", c.report().needingConfirmation().stream().map(ReportEntry::setting).toList())
                    + ". Read the compatibility report" + (ctx.check() ? "" : " (" + dest.resolve("compatibility-report.txt") + ")")
                    + "; rerun with --force to upgrade without them.", result);
        }
        Map<String, String> contents = new LinkedHashMap<>();
        contents.put("mke3.toml", toml.text());
        contents.put("mke4.yaml", c.yaml());
        contents.put("compatibility-report.txt", c.report().toText());
        contents.put("compatibility-report.json", c.report().toJson());
        boolean same = contents.entrySet().stream().allMatch(e -> sameContent(dest.resolve(e.getKey()), e.getValue()));
        if (same) {
            return Outcome.ok("mke4.yaml and the compatibility report are up to date in " + dest, result);
        }
        if (!ctx.check()) {
            contents.forEach((name, text) -> OfflineConversion.writePrivate(dest.resolve(name), text));
            ctx.log().info("wrote mke4.yaml and the compatibility report to " + dest);
        }
        return Outcome.changed("mke4.yaml and the compatibility report written to " + dest, result, null,
                Undo.none("the converted configuration and report stay in the output folder for the operator;"
                        + " they change nothing on the cluster"));
    }

    private static boolean sameContent(Path file, String text) {
        try {
            return Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text);
        } catch (IOException e) {
            return false;
        }
    }

    private static Map<String, Object> result(Conversion c, Path dest) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("mke4_yaml", dest.resolve("mke4.yaml").toString());
        r.put("report", dest.resolve("compatibility-report.txt").toString());
        r.put("needs_confirmation", c.report().needsConfirmation());
        List<Map<String, Object>> open = new ArrayList<>();
        for (ReportEntry e : c.report().needingConfirmation()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("setting", e.setting());
            m.put("category", e.category().name().toLowerCase());
            m.put("detail", e.detail());
            open.add(m);
        }
        r.put("not_carried_over", open);
        Map<String, Object> counts = new LinkedHashMap<>();
        for (Category cat : Category.values()) {
            counts.put(cat.name().toLowerCase(), c.report().in(cat).size());
        }
        r.put("counts", counts);
        r.put("metallb_pools", c.report().metallbPools().stream()
                .map(p -> Map.<String, Object>of("name", p.name(), "addresses", p.addresses())).toList());
        r.put("summary", c.report().summaryText());
        return r;
    }
}
