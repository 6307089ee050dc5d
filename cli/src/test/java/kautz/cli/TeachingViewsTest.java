package kautz.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** trace, --vcd and viz: the views a teacher shows a class. */
class TeachingViewsTest {
    private static final Path ADD8 = Path.of("..", "samples", "add8.kz");

    /** y = a XOR b from five NORs; cell 6 (the output) is never initialised. */
    private static final String XOR_UNINIT = SimCommandTest.XOR;

    private static CliRun kautz(String... args) { return CliRun.of(args); }

    @Test
    void traceShowsEveryOpAndChecksTheRowAgainstTheSource() {
        CliRun r = kautz("trace", ADD8.toString(), "--inputs", "a=5,b=7");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("kernel add (target magic-nor"), r.out());
        assertTrue(r.out().contains("row 0: a=5 b=7"), r.out());
        assertTrue(r.out().contains("outputs: sum=12  (matches the source)"), r.out());
        long opLines = r.out().lines().filter(l -> l.matches("\\s+\\d+\\s+\\d+\\s+(nor|init1|init0|or|and|nand).*")).count();
        assertTrue(opLines > 20, "one line per op: " + opLines);
    }

    @Test
    void traceOfAnUninitialisedOutputShowsTheWrongValueArise(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("xor.kasm");
        Files.writeString(f, XOR_UNINIT);
        CliRun r = kautz("trace", f.toString(), "--inputs", "a=1,b=0");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("nor 6, 5"), r.out());
        assertTrue(r.out().contains("c5=0"), "the NOT reads 0, so y should become 1 ...: " + r.out());
        assertTrue(r.out().contains("c6 0->0"), "... but its output cell held 0, so it stays 0: " + r.out());
        assertTrue(r.out().contains("outputs: y=0"), r.out());
    }

    @Test
    void vcdIsWellFormed(@TempDir Path dir) throws Exception {
        Path vcd = dir.resolve("add8.vcd");
        CliRun r = kautz("trace", ADD8.toString(), "--inputs", "a=5,b=7", "--vcd", vcd.toString());
        assertEquals(0, r.code(), r.err());
        byte[] bytes = Files.readAllBytes(vcd);
        assertFalse(bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF, "no byte-order mark");
        String text = new String(bytes, StandardCharsets.US_ASCII);
        List<String> lines = text.lines().toList();
        int defs = lines.indexOf("$enddefinitions $end");
        assertTrue(defs > 0);
        Set<String> ids = new HashSet<>();
        Pattern var = Pattern.compile("\\$var (wire|string|integer) (\\d+) (\\S+) (\\S+) \\$end");
        for (String l : lines.subList(0, defs)) {
            Matcher m = var.matcher(l);
            if (m.matches()) assertTrue(ids.add(m.group(3)), "identifiers are unique: " + l);
        }
        assertTrue(text.contains("$var wire 9 ") && text.contains(" out_sum $end"), "the sum port as a 9-bit vector");
        assertEquals("#0", lines.get(defs + 1));
        assertEquals("$dumpvars", lines.get(defs + 2));
        int times = 0;
        long lastTime = -1;
        for (String l : lines.subList(defs + 1, lines.size())) {
            if (l.startsWith("#")) {
                long t = Long.parseLong(l.substring(1));
                assertTrue(t > lastTime, "time increases");
                lastTime = t;
                times++;
            } else if (l.equals("$dumpvars") || l.equals("$end")) {
                continue;
            } else if (l.charAt(0) == 'b' || l.charAt(0) == 's') {
                String[] parts = l.split(" ");
                assertEquals(2, parts.length, l);
                assertTrue(ids.contains(parts[1]), "declared id: " + l);
                if (l.charAt(0) == 'b') assertTrue(parts[0].substring(1).matches("[01]+"), "vectors without 0b: " + l);
            } else {
                assertTrue(l.charAt(0) == '0' || l.charAt(0) == '1', l);
                assertTrue(ids.contains(l.substring(1)), "declared id: " + l);
            }
        }
        assertTrue(times > 20);
        // sum = 12 = 0b000001100 at the end
        assertTrue(text.contains("b000001100 "), "the final sum appears as a vector value");
    }

    @Test
    void simWritesTheSameWaveformAsTrace(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("xor.kasm");
        Files.writeString(f, XOR_UNINIT.replace("init1 2, 3, 4, 5", "init1 2, 3, 4, 5, 6"));
        Path a = dir.resolve("a.vcd"), b = dir.resolve("b.vcd");
        assertEquals(0, kautz("sim", f.toString(), "--inputs", "a=1,b=0", "--vcd", a.toString()).code());
        assertEquals(0, kautz("trace", f.toString(), "--inputs", "a=1,b=0", "--vcd", b.toString()).code());
        assertEquals(Files.readString(a), Files.readString(b));
        assertTrue(Files.readString(a).contains("b1 "), "y = 1 in the out_y vector");
    }

    @Test
    void runWritesTheSameWaveformAsTraceForASource(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("run.vcd"), b = dir.resolve("trace.vcd");
        assertEquals(0, kautz("run", ADD8.toString(), "--inputs", "a=5,b=7", "--vcd", a.toString()).code());
        assertEquals(0, kautz("trace", ADD8.toString(), "--inputs", "a=5,b=7", "--vcd", b.toString()).code());
        assertEquals(Files.readString(b), Files.readString(a));
        CliRun both = kautz("run", ADD8.toString(), "--inputs", "a=5,b=7", "--vcd", a.toString(), "--device", "hfo2-1t1r");
        assertEquals(2, both.code(), "two options that do not go together: a usage error");
        assertTrue(both.err().startsWith("kautz: --vcd shows"), both.err());
    }

    @Test
    void vizWritesOneSelfContainedPage(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("add8.html");
        CliRun r = kautz("viz", ADD8.toString(), "--inputs", "a=5,b=7", "-o", page.toString());
        assertEquals(0, r.code(), r.err());
        String html = Files.readString(page);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertFalse(Pattern.compile("(src|href)\\s*=|https?://|@import|url\\(").matcher(html).find(), "no external resources");
        assertTrue(html.contains("\"kernel\":\"add\""));
        assertTrue(html.contains("\"op\":\"nor "));
        CliRun missing = kautz("viz", ADD8.toString());
        assertEquals(2, missing.code(), "-o is required: a usage error");
    }

    @Test
    void vizPageRendersAndStepsInAHeadlessBrowser(@TempDir Path dir) throws Exception {
        String chromium = findChromium();
        Assumptions.assumeTrue(chromium != null, "no chromium on PATH: skipping the browser test (apt-get install chromium)");
        Path page = dir.resolve("add8.html");
        assertEquals(0, kautz("viz", ADD8.toString(), "--inputs", "a=5,b=7", "-o", page.toString()).code());
        String dom = browser(chromium, dir, "--dump-dom", page.toUri() + "#step=3");
        assertTrue(dom.contains("data-step=\"3\""), "the page opened at step 3: " + dom.substring(0, Math.min(400, dom.length())));
        Matcher m = Pattern.compile("class=\"cell (one|zero)").matcher(dom);
        int cells = 0;
        while (m.find()) cells++;
        assertTrue(cells > 20, "every cell rendered with its state: " + cells);
        assertTrue(dom.contains("step 3 of "), "status line");
        String end = browser(chromium, dir, "--dump-dom", page.toUri() + "#step=100000");
        assertTrue(end.contains("<td>out sum</td><td>12</td>"), "after the last op the page shows sum = 12");
        Path png = dir.resolve("shot.png");
        browser(chromium, dir, "--screenshot=" + png, "--window-size=1280,800", page.toUri() + "#step=12");
        assertTrue(Files.size(png) > 10_000, "a screenshot was taken");
        String docs = System.getProperty("kautz.updateScreenshot");
        if (docs != null) Files.copy(png, Path.of(docs), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void vizStepsAPartitionedProgramACycleAtATimeWithItsOpsSideBySide(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("add8p.html");
        CliRun r = kautz("viz", ADD8.toString(), "--inputs", "a=5,b=7", "--partitions", "4", "-o", page.toString());
        assertEquals(0, r.code(), r.err());
        String html = Files.readString(page);
        assertTrue(html.contains("\"parts\":[[0,"), "the partitions' starts and widths");
        Matcher side = Pattern.compile("\"ops\":\\[\\[\\d+,\\d+,\"[^\"]+\"\\],\\[").matcher(html);
        assertTrue(side.find(), "some cycle holds two ops, each with the partitions it occupies");
        String chromium = findChromium();
        Assumptions.assumeTrue(chromium != null, "no chromium on PATH: skipping the browser half (apt-get install chromium)");
        String dom = browser(chromium, dir, "--dump-dom", page.toUri() + "#step=2");
        assertTrue(dom.contains("cycle 2 of "), "the page steps by cycle");
        assertTrue(dom.contains("class=\"part act\""), "the partitions the cycle's ops occupy are marked");
        assertEquals(4, Pattern.compile("class=\"part( act)?\"").matcher(dom).results().count(), "one box per partition");
        String end = browser(chromium, dir, "--dump-dom", page.toUri() + "#step=100000");
        assertTrue(end.contains("<td>out sum</td><td>12</td>"), "after the last cycle the page shows sum = 12");
    }

    private static String findChromium() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : new String[]{"chromium", "chromium-browser", "google-chrome"}) {
                if (Files.isExecutable(Path.of(dir, name))) return Path.of(dir, name).toString();
            }
        }
        return null;
    }

    /** Runs headless Chromium with the flags that keep it off the network, bounded in time. */
    private static String browser(String chromium, Path dir, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + Files.createTempDirectory(dir, "chrome")));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish in 90 s");
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
