package kautz.cli;

import kautz.diag.UserError;
import kautz.opt.PassInfo;
import kautz.opt.Passes;
import kautz.opt.Scripts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;

/** {@code kautz passes [NAME]}: the optimisation passes, or one pass's help. */
@Command(name = "passes", mixinStandardHelpOptions = true,
        description = {"List the optimisation passes usable in 'kautz opt -p SCRIPT', or explain one pass and its options."})
public final class PassesCommand implements Runnable {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME", arity = "0..1", description = "a pass to explain")
    String name;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        if (name == null) {
            printList(out);
            return;
        }
        PassInfo p = Passes.find(name).orElseThrow(() -> new UserError("unknown pass '" + name + "' (see kautz passes)"));
        out.println(p.name() + ": " + p.summary());
        out.println();
        out.println(p.help().strip());
        if (!p.options().isEmpty()) {
            out.println();
            out.println("options (" + p.name() + "{key=value, ...}):");
            for (PassInfo.Option o : p.options()) out.printf("  %-10s %s (default %s)%n", o.key(), o.meaning(), o.defaultValue());
        }
    }

    static void printList(PrintWriter out) {
        for (PassInfo p : Passes.all()) out.printf("  %-10s %s%n", p.name(), p.summary());
        out.println();
        out.println("default script: " + Scripts.DEFAULT);
    }
}
