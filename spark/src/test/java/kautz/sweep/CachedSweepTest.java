package kautz.sweep;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A Monte Carlo study gives the same rows whether points share compiled programs (the default) or not. */
class CachedSweepTest {
    @TempDir Path dir;

    private String sweep(Path spec, Path csv, String... extra) {
        List<String> args = new ArrayList<>(List.of(spec.toString(), "-o", csv.toString(), "--sequential"));
        args.addAll(List.of(extra));
        StringWriter err = new StringWriter();
        assertEquals(0, SweepMain.run(args.toArray(String[]::new), new PrintWriter(new StringWriter()), new PrintWriter(err)), err.toString());
        return err.toString();
    }

    /** The CSV without its wall-time column. */
    private static List<List<String>> withoutSeconds(Path csv) throws Exception {
        List<List<String>> rows = Csv.parse(csv.toString(), Files.readString(csv));
        int s = rows.get(0).indexOf("seconds");
        assertTrue(s >= 0, rows.get(0).toString());
        List<List<String>> out = new ArrayList<>();
        for (List<String> r : rows) {
            List<String> c = new ArrayList<>(r);
            c.remove(s);
            out.add(c);
        }
        return out;
    }

    @Test
    void cachedAndUncachedStudiesGiveTheSameRows() throws Exception {
        Fixtures.write(dir, "k.kz", Fixtures.KERNEL);
        Path spec = Fixtures.write(dir, "mc.json", """
                {"name": "mc", "command": "run", "files": ["k.kz"],
                 "axes": {"device": ["hfo2-1t1r", "ito-bisno2-tin"], "row-size": [20, 10]},
                 "trials": {"count": 3, "seed": 5},
                 "options": {"scheduler": "simpler", "rows": 8, "runs": 3, "opt": "none"},
                 "measures": ["cycles", "lifetimeRuns", "maxCellWrites", "energyPJ", "firstMismatchRun"]}""");
        String cached = sweep(spec, dir.resolve("a/mc.csv"));
        String fresh = sweep(spec, dir.resolve("b/mc.csv"), "--no-cache");
        assertTrue(cached.contains("compilations served from the cache"), cached);
        assertFalse(fresh.contains("served from the cache"), fresh);
        List<List<String>> a = withoutSeconds(dir.resolve("a/mc.csv"));
        assertEquals(2 * 2 * 3 + 1, a.size());
        assertEquals(a, withoutSeconds(dir.resolve("b/mc.csv")));
        long errors = a.subList(1, a.size()).stream().filter(r -> r.contains("error")).count();
        assertEquals(6, errors, "row size 10 fails for every trial: " + a);
    }
}
