package kautz.cli;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The golden harness, run through the CLI exactly as a user sees it.
 *
 * <ul>
 * <li>{@code samples/NAME.kz} and hand-written {@code samples/NAME.kasm} programs (sub-folders too): each
 *     {@code // $ CMD ARGS} header line runs {@code kautz CMD samples/NAME.kz ARGS};
 *     the transcript ({@code $ kautz …} line, then stdout) must equal {@code samples/NAME.expected}.
 *     {@code -Dgolden.update=true} rewrites the .expected files (review the diff!).</li>
 * <li>{@code corpus/FEATURE/*.kz} (test resources): {@code // $ CMD ARGS} followed by {@code // expect: LINE}
 *     lines (for {@code run}: its {@code port=value} lines, and any "mismatches" line must report 0; for other
 *     commands: all of stdout), or {@code // error: LINE:COL: MESSAGE} (exit 1, that one-line message, the
 *     source line and a caret on stderr; a message ending in … is a prefix).</li>
 * </ul>
 * A {@code run} or {@code sim} of a sample also runs on every functional engine, and the program a {@code run} of a
 * .kz sample compiles is proven equivalent to its source (the symbolic engine); hand-written .kasm samples have no
 * source to prove against.
 */
@Tag("slow")
class GoldenTest {
    private static final Path SAMPLES = Path.of("..", "samples");
    private static final Path CORPUS = Path.of("src", "test", "resources", "corpus");
    private static final Pattern COMMAND = Pattern.compile("^\\s*//\\s*\\$\\s*(\\S+)(.*)$");
    private static final Pattern EXPECT = Pattern.compile("^.*//\\s*expect:\\s?(.*)$");
    private static final Pattern PORT_VALUE = Pattern.compile("^[^ =]+=[0-9]+$");
    private static final Pattern ERROR = Pattern.compile("^.*//\\s*error:\\s*(\\d+):(\\d+):\\s*(.*)$");

    record Result(int code, String out, String err) {}

    static Result kautz(List<String> args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    private static List<String> args(String cmd, Path file, String rest) {
        List<String> a = new ArrayList<>();
        a.add(cmd);
        a.add(file.toString());
        if (!rest.isBlank()) a.addAll(Arrays.asList(rest.trim().split("\\s+")));
        return a;
    }

    private static Stream<Path> kzFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".kz")).sorted().toList().stream();
        }
    }

    private static Stream<Path> sampleFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".kz") || p.toString().endsWith(".kasm") && hasCommand(p)).sorted().toList().stream();
        }
    }

    /** A .kasm file in samples/ is a golden sample when it carries a {@code // $ …} line (others are data, e.g. for sweeps). */
    private static boolean hasCommand(Path p) {
        try {
            return Files.readAllLines(p, StandardCharsets.UTF_8).stream().anyMatch(l -> COMMAND.matcher(l).matches());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A {@code run} or {@code sim} that leaves the engine to the default runs again on each functional engine and must
     * print the same (the engine's name aside): the golden corpus holds on every engine, not only the default.
     */
    private static void sameOnEveryEngine(String cmd, Path file, String rest, String out) {
        if (!(cmd.equals("run") || cmd.equals("sim")) || rest.contains("--engine") || rest.contains("--device")) return;
        for (String engine : List.of("interp", "jit")) {
            Result r = kautz(args(cmd, file, rest + " --engine " + engine));
            assertEquals(0, r.code(), file + " on " + engine + ":\n" + r.err());
            assertEquals(withoutEngine(out), withoutEngine(r.out()), file + " " + cmd + rest + " on engine " + engine);
        }
    }

    /**
     * The same command on the device engine with the {@code ideal} preset, every gate evaluated as a circuit, must
     * compute the same bits: no mismatch against the reference, and the same port values as printed above.
     */
    private static void sameOnTheIdealDevice(String cmd, Path file, String rest, String out) {
        if (!(cmd.equals("run") || cmd.equals("sim")) || rest.contains("--engine") || rest.contains("--device")) return;
        Result r = kautz(args(cmd, file, rest + " --device ideal"));
        assertEquals(0, r.code(), file + " on the ideal device:\n" + r.err());
        String what = file + " " + cmd + rest + " --device ideal";
        if (rest.contains("--json")) {
            assertTrue(r.out().contains("\"mismatches\": 0"), what + ":\n" + r.out());
            assertEquals(jsonOutputs(out), jsonOutputs(r.out()), what);
        } else {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith("mismatches 0")), what + ":\n" + r.out());
            assertEquals(portValues(out), portValues(r.out()), what);
        }
    }

    private static final Pattern PORT_TOKEN = Pattern.compile("(?<=^|[\\s:])([A-Za-z_@][\\w@\\[\\]]*=[0-9]\\S*)");

    private static List<String> portValues(String out) {
        List<String> v = new ArrayList<>();
        Matcher m = PORT_TOKEN.matcher(out);
        while (m.find()) if (!m.group(1).startsWith("@")) v.add(m.group(1)); // mem cells: the device checks them (mismatches)
        return v;
    }

    private static String jsonOutputs(String out) {
        int at = out.indexOf("\"outputs\": {");
        return at < 0 ? "" : out.substring(at, out.indexOf('}', at) + 1);
    }

    /** Options of {@code run} that decide the compiled program, and whether each takes a value. */
    private static final java.util.Map<String, Boolean> COMPILE_OPTIONS = java.util.Map.ofEntries(
            java.util.Map.entry("--target", true), java.util.Map.entry("--init", true),
            java.util.Map.entry("--scheduler", true), java.util.Map.entry("--row-size", true),
            java.util.Map.entry("--partitions", true), java.util.Map.entry("--model", true),
            java.util.Map.entry("--opt", true), java.util.Map.entry("--consume-inputs", false),
            java.util.Map.entry("--remap", false), java.util.Map.entry("--exact", false));
    private static final java.util.Set<String> RUN_FLAGS = java.util.Set.of("--json", "--wear-levelling");

    /**
     * The symbolic engine's share of the golden corpus: the program a {@code run} of a .kz sample compiles is proven
     * equivalent to its source for every input ({@code kautz verify} executes it symbolically), once per kernel.
     */
    private static void provenSymbolically(String cmd, Path file, String rest) {
        if (!cmd.equals("run") || !file.toString().endsWith(".kz")) return;
        List<String> options = new ArrayList<>();
        List<String> kernels = new ArrayList<>();
        String[] t = rest.isBlank() ? new String[0] : rest.trim().split("\\s+");
        for (int i = 0; i < t.length; i++) {
            String[] kv = t[i].split("=", 2);
            String name = kv[0];
            boolean inline = kv.length == 2;
            boolean takesValue = COMPILE_OPTIONS.getOrDefault(name, !RUN_FLAGS.contains(name));
            String value = inline ? kv[1] : takesValue && i + 1 < t.length ? t[++i] : null;
            if (name.equals("--kernel") || name.equals("--top")) kernels.addAll(Arrays.asList(value.split(",")));
            else if (COMPILE_OPTIONS.containsKey(name)) {
                options.add(name);
                if (takesValue) options.add(value);
            }
        }
        if (kernels.isEmpty()) kernels.add(null);
        for (String kernel : kernels) {
            List<String> a = new ArrayList<>(List.of("verify", file.toString()));
            a.addAll(options);
            if (kernel != null) a.addAll(List.of("--top", kernel));
            Result r = kautz(a);
            assertEquals(0, r.code(), file + ": kautz " + String.join(" ", a) + " did not prove the program:\n" + r.out() + r.err());
        }
    }

    private static String withoutEngine(String out) {
        return out.replaceAll("\"engine\": \"[a-z]+\"", "\"engine\": _").replaceAll("on engine [a-z]+", "on engine _");
    }

    @TestFactory
    Stream<DynamicTest> samples() throws IOException {
        assertTrue(Files.isDirectory(SAMPLES), "samples/ must exist beside the modules");
        return sampleFiles(SAMPLES).map(file -> DynamicTest.dynamicTest(SAMPLES.relativize(file).toString(), () -> {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            StringBuilder transcript = new StringBuilder();
            int commands = 0;
            for (String line : lines) {
                Matcher m = COMMAND.matcher(line);
                if (!m.matches()) continue;
                commands++;
                Path shown = Path.of("samples").resolve(SAMPLES.relativize(file));
                Result r = kautz(args(m.group(1), file, m.group(2)));
                assertEquals(0, r.code(), file + ": kautz " + m.group(1) + m.group(2) + " failed:\n" + r.err());
                transcript.append("$ kautz ").append(m.group(1)).append(' ').append(shown).append(m.group(2).stripTrailing()).append('\n');
                transcript.append(r.out());
                sameOnEveryEngine(m.group(1), file, m.group(2), r.out());
                sameOnTheIdealDevice(m.group(1), file, m.group(2), r.out());
                provenSymbolically(m.group(1), file, m.group(2));
            }
            assertTrue(commands > 0, file + " has no '// $ run …' header line");
            Path expected = Path.of(file.toString().replaceAll("\\.(kz|kasm)$", ".expected"));
            if (Boolean.getBoolean("golden.update")) Files.writeString(expected, transcript.toString());
            assertTrue(Files.isRegularFile(expected), "missing " + expected);
            assertEquals(Files.readString(expected), transcript.toString(), file.toString());
        }));
    }

    @TestFactory
    Stream<DynamicTest> corpus() throws IOException {
        return kzFiles(CORPUS).map(file -> DynamicTest.dynamicTest(CORPUS.relativize(file).toString(), () -> {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            int checks = 0;
            for (int i = 0; i < lines.size(); i++) {
                Matcher err = ERROR.matcher(lines.get(i));
                if (err.matches()) {
                    checks++;
                    Result r = kautz(List.of("stats", file.toString()));
                    String want = file + ":" + err.group(1) + ":" + err.group(2) + ": " + err.group(3);
                    String[] errLines = r.err().split("\n");
                    assertEquals(1, r.code(), file + ": expected an error, got exit " + r.code() + "\n" + r.err());
                    if (want.endsWith("…")) {
                        String prefix = "kautz: " + want.substring(0, want.length() - 1);
                        assertTrue(errLines[0].startsWith(prefix), file + ": expected " + prefix + "…, got " + errLines[0]);
                    } else {
                        assertEquals("kautz: " + want, errLines[0], file.toString());
                    }
                    assertEquals(3, errLines.length, "message, source line and caret expected:\n" + r.err());
                    assertTrue(errLines[2].trim().equals("^"), "caret line: " + errLines[2]);
                    assertEquals(err.group(2).length() == 0 ? 0 : Integer.parseInt(err.group(2)) + 2,
                            errLines[2].length(), "caret column:\n" + r.err());
                    continue;
                }
                Matcher m = COMMAND.matcher(lines.get(i));
                if (!m.matches()) continue;
                checks++;
                List<String> expected = new ArrayList<>();
                while (i + 1 < lines.size() && EXPECT.matcher(lines.get(i + 1)).matches()) {
                    Matcher e = EXPECT.matcher(lines.get(++i));
                    e.matches();
                    expected.add(e.group(1));
                }
                Result r = kautz(args(m.group(1), file, m.group(2)));
                assertEquals(0, r.code(), file + ": kautz " + m.group(1) + m.group(2) + " failed:\n" + r.err());
                String got = r.out().stripTrailing();
                if (m.group(1).equals("run") && !m.group(2).contains("--json")) {
                    // run also prints the compiled program's counts: compare the port values, and require
                    // that the crossbar agreed with the reference evaluation on every row
                    got = r.out().lines().filter(l -> PORT_VALUE.matcher(l).matches()).collect(java.util.stream.Collectors.joining("\n"));
                    r.err().lines().filter(l -> l.startsWith("mismatches ")).forEach(l ->
                            assertTrue(l.startsWith("mismatches 0"), file + ": " + l));
                }
                assertEquals(String.join("\n", expected), got, file + ": kautz " + m.group(1) + m.group(2));
            }
            assertTrue(checks > 0, file + " has no '// $ …' or '// error:' line");
        }));
    }
}
