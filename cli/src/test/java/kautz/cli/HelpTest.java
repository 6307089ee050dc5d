package kautz.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The help a new user reads: every subcommand's one-line summary is a whole sentence, every option says its
 * default (or that it is required, or a flag), {@code help X} works for every X, and {@code --version} is the
 * pom's version.
 */
class HelpTest {
    private static Map<String, CommandLine> subcommands() {
        return Main.commandLine().getSubcommands();
    }

    @Test
    void everySummaryIsOneWholeSentence() {
        List<String> bad = new ArrayList<>();
        subcommands().forEach((name, sub) -> {
            if (name.equals("help")) return; // picocli's own
            String summary = summary(sub.getCommandSpec());
            if (!summary.matches("[A-Z][^\\n]*\\.") || summary.length() > 90) bad.add(name + ": '" + summary + "'");
        });
        assertEquals(List.of(), bad, "summaries in the top-level --help must be whole sentences of at most 90 characters");
        CliRun top = CliRun.of("--help");
        assertEquals(0, top.code(), top.err());
        subcommands().forEach((name, sub) -> {
            if (!name.equals("help")) assertTrue(top.out().contains(summary(sub.getCommandSpec())), top.out());
        });
    }

    private static String summary(CommandSpec spec) {
        String[] header = spec.usageMessage().header();
        return header.length > 0 ? header[0] : spec.usageMessage().description()[0];
    }

    @Test
    void everyOptionNamesItsDefault() {
        List<String> bad = new ArrayList<>();
        subcommands().forEach((name, sub) -> {
            for (OptionSpec o : sub.getCommandSpec().options()) {
                if (o.usageHelp() || o.versionHelp() || o.hidden()) continue;
                String d = String.join(" ", o.description()).toLowerCase(java.util.Locale.ROOT);
                boolean flag = o.arity().max() == 0;
                if (!flag && !o.required() && !d.contains("default")) bad.add(name + " " + o.longestName());
            }
        });
        assertEquals(List.of(), bad, "options whose help does not name their default");
    }

    @Test
    void helpWorksForEveryCommand() {
        for (String name : subcommands().keySet()) {
            CliRun help = CliRun.of("help", name);
            assertEquals(0, help.code(), name + ": " + help.err());
            assertTrue(help.out().contains("Usage: kautz " + name), help.out());
            CliRun flag = CliRun.of(name, "--help");
            assertEquals(0, flag.code(), name + ": " + flag.err());
        }
    }

    @Test
    void aBadCommandLineIsOneLineAndExitCodeTwo() {
        String[][] cases = {
                {"frobnicate"}, {"sweep", "study.json"}, {"run", "--bogus", "../samples/add8.kz"}, {"run"},
                {"run", "../samples/add8.kz", "--rows", "many"}, {"compile", "../samples/add8.kz", "--schedular", "live"}};
        for (String[] args : cases) {
            CliRun r = CliRun.of(args);
            assertEquals(2, r.code(), String.join(" ", args));
            assertEquals("", r.out(), String.join(" ", args));
            assertEquals(1, r.err().lines().count(), String.join(" ", args) + ":\n" + r.err());
            assertTrue(r.err().startsWith("kautz: "), r.err());
        }
        String unknown = CliRun.of("frobnicate").err();
        assertTrue(unknown.startsWith("kautz: no command named 'frobnicate'") && unknown.endsWith("; kautz --help lists the commands\n"), unknown);
        assertEquals("kautz: sweep runs from the spark/ module's jar, which ./kautz sweep builds and starts; kautz --help lists the commands\n",
                CliRun.of("sweep").err());
        assertEquals("kautz: run: unknown option: '--bogus'; kautz help run lists its options\n", CliRun.of("run", "--bogus", "x.kz").err());
        String suggested = CliRun.of("compile", "x.kz", "--schedular", "live").err();
        assertTrue(suggested.contains("(did you mean ") && suggested.contains("--scheduler"), "picocli's suggestion kept: " + suggested);
    }

    @Test
    void versionIsThePomsVersion() throws IOException {
        Matcher m = Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL).matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(m.find());
        CliRun v = CliRun.of("--version");
        assertEquals(0, v.code(), v.err());
        assertEquals("kautz " + m.group(1) + "\n", v.out());
        assertEquals(v.out(), CliRun.of("run", "--version").out(), "every command says the same");
    }

    @Test
    void theDeprecatedSpellingStillWorksWithAWarning() {
        CliRun old = CliRun.of("synth-imply", "--function", "nand2", "--cells", "3", "--max-steps", "6", "--node-limit", "100000", "--destroy-inputs");
        CliRun now = CliRun.of("synth-imply", "--function", "nand2", "--cells", "3", "--max-steps", "6", "--node-limit", "100000", "--consume-inputs");
        assertEquals(0, old.code(), old.err());
        assertEquals(0, now.code(), now.err());
        assertEquals(now.out().replaceAll("[0-9.]+ s CPU", ""), old.out().replaceAll("[0-9.]+ s CPU", ""));
        assertEquals("kautz: warning: --destroy-inputs is deprecated; it is spelled --consume-inputs, as in run and compile\n", old.err());
        assertEquals("", now.err());
        assertTrue(!CliRun.of("synth-imply", "--help").out().contains("--destroy-inputs"), "the old spelling is not offered");
    }

    @Test
    void completionPrintsABashScriptForEveryCommand() {
        CliRun c = CliRun.of("completion");
        assertEquals(0, c.code(), c.err());
        assertTrue(c.out().contains("complete -F"), c.out());
        for (String name : subcommands().keySet()) assertTrue(c.out().contains(name), name);
        assertTrue(c.out().contains("--consume-inputs") && c.out().contains("--scheduler"), "options are completed too");
    }
}
