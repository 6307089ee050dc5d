package kautz.sweep;

import kautz.cli.Version;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code kautz sweep}'s help follows the rules of the other commands (kautz.cli.HelpTest): a one-sentence summary, every default named, the pom's version. */
class SweepHelpTest {
    private static String[] run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = SweepMain.run(args, new PrintWriter(out), new PrintWriter(err));
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void helpVersionAndDefaults() {
        String[] help = run("sweep", "--help");
        assertEquals("0", help[0], help[2]);
        assertTrue(help[1].startsWith("Run design-space sweeps and Monte Carlo studies on Apache Spark.\nUsage: kautz sweep"), help[1]);
        String[] version = run("--version");
        assertEquals("kautz " + Version.number() + "\n", version[1]);
        List<String> bad = new ArrayList<>();
        for (OptionSpec o : new CommandLine(new SweepCommand()).getCommandSpec().options()) {
            if (o.usageHelp() || o.versionHelp() || o.arity().max() == 0) continue;
            if (!String.join(" ", o.description()).contains("default")) bad.add(o.longestName());
        }
        assertEquals(List.of(), bad);
    }
}
