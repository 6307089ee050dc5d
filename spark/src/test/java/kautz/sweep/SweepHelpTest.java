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

    /** --partitions means the row's partitions here too (as on compile and run); Spark's own are --tasks. */
    @Test
    void partitionsAndModelMeanWhatTheyMeanOnCompile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Path spec = java.nio.file.Files.writeString(dir.resolve("s.json"), """
                {"name": "s", "command": "compile", "files": ["%s"], "axes": {"target": ["magic-nor", "felix"]}}
                """.formatted(java.nio.file.Path.of("..", "samples", "add8.kz").toAbsolutePath()));
        String[] dry = run(spec.toString(), "--dry-run", "--partitions", "4x32", "--model", "standard");
        assertEquals("0", dry[0], dry[2]);
        assertEquals(3, dry[1].lines().count(), dry[1]);
        assertTrue(dry[1].lines().limit(2).allMatch(l -> l.contains(" --partitions 4x32 --model standard ")), dry[1]);

        java.nio.file.Path axis = java.nio.file.Files.writeString(dir.resolve("a.json"),
                java.nio.file.Files.readString(spec).replace("\"target\"", "\"partitions\"").replace("\"magic-nor\", \"felix\"", "\"1\", \"4\""));
        String[] clash = run(axis.toString(), "--dry-run", "--partitions", "8");
        assertEquals("2", clash[0]);
        assertEquals("kautz: --partitions: " + axis + " varies partitions as an axis; leave out --partitions or the axis\n", clash[2]);
        String[] bogus = run(spec.toString(), "--bogus");
        assertEquals("2", bogus[0]);
        assertEquals("kautz: sweep: unknown option: '--bogus'; kautz help sweep lists its options\n", bogus[2], "one line, as every command's");
        String[] tasks = run(spec.toString(), "--tasks", "0", "-o", dir.resolve("r.csv").toString());
        assertEquals("2", tasks[0]);
        assertTrue(tasks[2].contains("--tasks must lie between 1 and "), tasks[2]);
    }
}
