package kautz.sweep;

import kautz.diag.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpecParserTest {
    @TempDir Path dir;

    private SweepSpec parse(String json) throws IOException {
        Fixtures.write(dir, "c/addmux.kz", Fixtures.KERNEL);
        Fixtures.write(dir, "c/x.kz", Fixtures.XOR);
        return SpecParser.parse(dir.resolve("s.json"), json);
    }

    private String error(String json) {
        return assertThrows(UserError.class, () -> parse(json)).getMessage().replace(dir + "/", "");
    }

    @Test
    void readsAxesOptionsTrialsAndCharts() throws IOException {
        SweepSpec s = parse("""
                {"name": "demo", "description": "two kernels", "command": "compile", "files": ["c/*.kz"],
                 "axes": {"scheduler": ["topo", "simpler"], "row-size": {"from": 20, "to": 40, "step": 10}},
                 "options": {"init": "single", "remap": true},
                 "trials": {"count": 3, "seed": 10},
                 "measures": ["cycles", "cells"],
                 "charts": [{"kind": "lines", "x": "rowSize", "y": "cycles", "series": "scheduler", "panel": "file"}],
                 "output": "out/r.csv"}
                """.replace("\"rowSize\", \"y\"", "\"row-size\", \"y\""));
        assertEquals("demo", s.name());
        assertEquals("two kernels", s.description());
        assertEquals(List.of("c/addmux.kz", "c/x.kz"), s.files().stream().map(SweepSpec.InputFile::label).toList());
        assertEquals(List.of("topo", "simpler"), s.axes().get("scheduler"));
        assertEquals(List.of("20", "30", "40"), s.axes().get("row-size"));
        assertEquals(List.of("10", "11", "12"), s.axes().get("seed"));
        assertEquals("seed", s.trials());
        assertEquals("true", s.options().get("remap"));
        assertEquals(2 * 2 * 3 * 3, s.size());
        assertEquals(dir.resolve("out/r.csv"), s.output());
        assertEquals("cycles vs row-size", s.charts().get(0).title());
    }

    @Test
    void defaultsNameFromTheFileAndMeasuresFromTheReportSchema() throws IOException {
        SweepSpec s = parse("{\"command\": \"compile\", \"files\": [\"c/x.kz\"]}");
        assertEquals("s", s.name());
        assertEquals(SpecParser.DEFAULT_MEASURES, s.measures());
        assertNull(s.trials());
        assertEquals(1, s.size());
        assertNull(s.timeout());
        assertEquals(2.5, parse("{\"command\": \"compile\", \"files\": [\"c/x.kz\"], \"timeout\": 2.5}").timeout());
    }

    @Test
    void everyMistakeNamesItsPlace() {
        assertEquals("s.json:1:1: missing \"command\"", error("{\"files\": [\"c/x.kz\"]}"));
        assertEquals("s.json:1:13: \"launch\" is not a kautz command", error("{\"command\": \"launch\", \"files\": [\"c/x.kz\"]}"));
        assertTrue(error("{\"command\": \"compile\", \"files\": [\"c/x.kz\"], \"axes\": {\"row-sise\": [1]}}")
                .startsWith("s.json:1:54: kautz compile has no option --row-sise (it has "));
        assertEquals("s.json:1:66: --remap is a flag: its value is true or false, not a string",
                error("{\"command\": \"compile\", \"files\": [\"c/x.kz\"], \"options\": {\"remap\": \"yes\"}}"));
        assertTrue(error("{\"command\": \"compile\", \"files\": [\"c/nothing*.kz\"]}").startsWith("s.json:1:34: no file matches c/nothing*.kz"));
        assertEquals("s.json:1:45: unknown key \"axis\" (expected one of axes, charts, command, description, files, measures, name, options, output, timeout, trials)",
                error("{\"command\": \"compile\", \"files\": [\"c/x.kz\"], \"axis\": {}}"));
        assertEquals("s.json:1:76: axis scheduler lists topo twice",
                error("{\"command\": \"compile\", \"files\": [\"c/x.kz\"], \"axes\": {\"scheduler\": [\"topo\", \"topo\"]}}"));
        assertTrue(error("{\"command\": \"compile\", \"files\": [\"c/x.kz\"], \"options\": {\"json\": true}}").contains("cannot be set in a sweep"));
        assertEquals("s.json:1:55: trials set the seed: remove \"seed\" from the axes and options",
                error("{\"command\": \"compile\", \"files\": [\"c/x.kz\"], \"trials\": {\"count\": 2}, \"options\": {\"seed\": 1}}"));
        assertTrue(error("{\"command\": \"compile\", \"files\": [\"c/x.kz\"], \"charts\": [{\"kind\": \"lines\", \"x\": \"cells\", \"y\": \"energy\"}]}")
                .contains("y \"energy\" is not one of the measures"));
        assertTrue(error("{\"command\": \"compile\", \"files\": [\"c/x.kz\"], \"axes\": {\"seed\": {\"from\": 1, \"to\": 2000000}}}")
                .contains("more than 1000000 values"));
        assertEquals("s.json:1:56: timeout must be more than 0 and at most 31536000 seconds",
                error("{\"command\": \"compile\", \"files\": [\"c/x.kz\"], \"timeout\": 0}"));
        assertEquals("s.json:1:56: timeout must be a number of seconds, not a string",
                error("{\"command\": \"compile\", \"files\": [\"c/x.kz\"], \"timeout\": \"1m\"}"));
        assertTrue(error("{\"command\": \"compile\", \"files\": [\"c/x.kz\"], \"axes\": {\"seed\": {\"from\": 1, \"to\": 2000}, \"row-size\": {\"from\": 1, \"to\": 2000}}}")
                .contains("the study has 4000000 points"));
    }
}
