package kautz.cli;

import kautz.diag.UserError;
import kautz.opt.PassInfo;
import kautz.opt.Passes;
import kautz.opt.Scripts;
import kautz.util.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** {@code kautz passes [NAME]}: the optimisation passes, or one pass's help. */
@Command(name = "passes", mixinStandardHelpOptions = true,
        header = "List the optimisation passes, or explain one.",
        description = {"List the optimisation passes usable in 'kautz opt -p SCRIPT', or explain one pass and its options."})
public final class PassesCommand implements Runnable {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME", arity = "0..1", description = "a pass to explain")
    String name;

    @Option(names = "--json", description = "print one JSON object (keys: docs/json.md) instead of text")
    boolean json;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        if (name == null) {
            if (json) out.println(listJson());
            else printList(out);
            return;
        }
        PassInfo p = Passes.find(name).orElseThrow(() -> new UserError("unknown pass '" + name + "' (see kautz passes)"));
        if (json) {
            List<Json> options = new ArrayList<>();
            for (PassInfo.Option o : p.options()) {
                options.add(new Json().put("key", o.key()).put("meaning", o.meaning()).put("default", o.defaultValue()));
            }
            out.println(new Json().put("name", p.name()).put("summary", p.summary()).put("help", p.help().strip()).put("options", options));
            return;
        }
        out.println(p.name() + ": " + p.summary());
        out.println();
        out.println(p.help().strip());
        if (!p.options().isEmpty()) {
            out.println();
            out.println("options (" + p.name() + "{key=value, ...}):");
            for (PassInfo.Option o : p.options()) out.printf("  %-10s %s (default %s)%n", o.key(), o.meaning(), o.defaultValue());
        }
    }

    /** Every pass with its summary, and the default script. */
    static Json listJson() {
        List<Json> passes = new ArrayList<>();
        for (PassInfo p : Passes.all()) passes.add(new Json().put("name", p.name()).put("summary", p.summary()));
        return new Json().put("passes", passes).put("defaultScript", Scripts.DEFAULT);
    }

    static void printList(PrintWriter out) {
        for (PassInfo p : Passes.all()) out.printf("  %-10s %s%n", p.name(), p.summary());
        out.println();
        out.println("default script: " + Scripts.DEFAULT);
    }
}
