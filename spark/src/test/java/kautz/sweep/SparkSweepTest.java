package kautz.sweep;

import kautz.cli.Main;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A small study on Spark {@code local[2]}, run as a user runs it ({@code kautz sweep SPEC --master local[2]}):
 * every result row must equal what the kautz command prints for the same point when called directly.
 */
class SparkSweepTest {
    @TempDir Path dir;

    @Test
    @Tag("slow")
    void sweepOnLocalSparkMatchesDirectCalls() throws Exception {
        Fixtures.write(dir, "c/addmux.kz", Fixtures.KERNEL);
        Fixtures.write(dir, "c/x.kz", Fixtures.XOR);
        Path spec = Fixtures.write(dir, "s.json", """
                {"name": "small", "command": "compile", "files": ["c/*.kz"],
                 "axes": {"scheduler": ["topo", "simpler"], "row-size": [10, 30, "min"], "init": ["bulk", "single"]},
                 "measures": ["rowSize", "gates", "cycles", "initCycles", "cells"],
                 "charts": [{"kind": "lines", "x": "rowSize", "y": "cycles", "series": "scheduler", "panel": "file"}]}""");
        Path csv = dir.resolve("out/small.csv");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SweepMain.run(new String[] {"sweep", spec.toString(), "-o", csv.toString(), "--master", "local[2]", "--point-timeout", "600"},
                new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        assertTrue(err.toString().contains("on Spark local[2], 2 cores"), err.toString());
        assertTrue(err.toString().contains("24/24 points (100%)"), err.toString());

        List<List<String>> rows = Csv.parse("small.csv", Files.readString(csv));
        List<String> head = rows.get(0);
        assertEquals(2 * 2 * 3 * 2 + 1, rows.size());
        int errors = 0;
        for (List<String> row : rows.subList(1, rows.size())) {
            String file = row.get(head.indexOf("file"));
            List<String> args = new ArrayList<>(List.of("compile", dir.resolve(file).toString()));
            for (String axis : List.of("scheduler", "row-size", "init")) args.addAll(List.of("--" + axis, row.get(head.indexOf(axis))));
            args.add("--json");
            StringWriter o = new StringWriter();
            StringWriter e = new StringWriter();
            int c = Main.run(args.toArray(String[]::new), new PrintWriter(o), new PrintWriter(e));
            if (c != 0) {
                errors++;
                assertEquals("error", row.get(head.indexOf("status")));
                assertEquals(e.toString().strip().replaceFirst("^kautz: ", ""), row.get(head.indexOf("error")));
                continue;
            }
            assertEquals("ok", row.get(head.indexOf("status")), row.toString());
            Map<String, String> direct = Measures.extract(o.toString().strip(), List.of("rowSize", "gates", "cycles", "initCycles", "cells"));
            for (Map.Entry<String, String> m : direct.entrySet()) assertEquals(m.getValue(), row.get(head.indexOf(m.getKey())), args + " " + m.getKey());
        }
        assertTrue(errors >= 2 && errors < 24, "row size 10 fails for the 4-bit kernel, and only some points: " + errors);
        assertTrue(Files.readString(dir.resolve("out/small.lines-cycles.svg")).contains("<polyline"));
        assertTrue(out.toString().startsWith("sweep small: 24 points, " + errors + " errors"), out.toString());

        // Resuming a finished study runs nothing and leaves the results as they were.
        String before = Files.readString(csv);
        StringWriter err2 = new StringWriter();
        assertEquals(0, SweepMain.run(new String[] {spec.toString(), "-o", csv.toString(), "--resume", "--sequential"},
                new PrintWriter(new StringWriter()), new PrintWriter(err2)));
        assertTrue(err2.toString().contains("0 points to run (24 already done)"), err2.toString());
        assertEquals(before, Files.readString(csv));
    }

    @Test
    void aBadDescriptionIsOneLineAndExitOneBeforeSparkStarts() throws Exception {
        Path spec = Fixtures.write(dir, "bad.json", "{\"command\": \"compile\", \"files\": [\"missing.kz\"]}");
        StringWriter err = new StringWriter();
        assertEquals(1, SweepMain.run(new String[] {spec.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err)));
        assertTrue(err.toString().startsWith("kautz: " + spec + ":1:34: no file matches missing.kz"), err.toString());
    }
}
