package kautz.sweep;

import kautz.cli.Main;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.Arrays;

/**
 * Entry point of {@code ./kautz sweep} and of the packaged jar under {@code spark-submit}: the Spark module's
 * own main, so the core tool never loads Spark. A leading {@code sweep} argument is accepted and dropped.
 */
public final class SweepMain {
    private SweepMain() {}

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        String[] rest = args.length > 0 && args[0].equals("sweep") ? Arrays.copyOfRange(args, 1, args.length) : args;
        CommandLine cl = new CommandLine(new SweepCommand());
        cl.setCommandName("kautz sweep");
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setUsageHelpWidth(110); // as the other commands (kautz.cli.Main)
        return Main.execute(cl, rest, out, err);
    }
}
