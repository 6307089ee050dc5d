package kautz.cli;

import kautz.flow.FlowCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A command line used for many runs prints, for each, exactly what a fresh {@link Main#run} prints. */
class CliSessionTest {
    @TempDir Path dir;

    @Test
    void optionsOfOneRunNeverLeakIntoTheNext() throws Exception {
        String f = Files.writeString(dir.resolve("m.kz"), """
                kernel add(a: u<3>, b: u<3>) -> (y: u<4>) { y = u<4>(a) + u<4>(b); }
                kernel x(a: u<3>, b: u<3>) -> (y: u<3>) { y = a ^ b; }
                """).toString();
        String o = "--opt";
        String kasm = dir.resolve("m.kasm").toString();
        List<List<String>> runs = List.of(
                List.of("run", f, "--kernel", "x", "--inputs", "a=5,b=3", "--scheduler", "topo", o, "none"),
                List.of("run", f, "--rows", "16", "--json", o, "none"),  // no --kernel, no --inputs: the defaults again
                List.of("run", f, "--device", "hfo2-1t1r", "--runs", "2", "--rows", "8", "--seed", "4", "--json", "--scheduler", "simpler", o, "none"),
                List.of("run", f, "--rows", "8", "--json", "--scheduler", "simpler", o, "none"),  // no device now
                List.of("compile", f, "--row-size", "min", "--init", "single", "--json", o, "none"),
                List.of("compile", f, "--json", o, "none"),
                List.of("compile", f, "--target", "magic", "--format", "simpler", o, "none"),
                List.of("compile", f, "--json", o, "none"),
                List.of("run", f, "--row-size", "5", "--json", o, "none"),  // fails: row too small
                List.of("run", f, "--nonsense"),                             // usage error
                List.of("run", dir.resolve("missing.kz").toString()),
                List.of("compile", f, "--kernel", "x", "-o", kasm, o, "none"),
                List.of("sim", kasm, "--rows", "4", "--json"),
                List.of("run", f, "--help"),
                List.of("run", f, "--json", "--rows", "8", o, "none"));
        CliSession session = new CliSession(FlowCompiler.DIRECT);
        List<Integer> codes = new ArrayList<>();
        for (List<String> args : runs) {
            String[] a = args.toArray(String[]::new);
            StringWriter out = new StringWriter(), err = new StringWriter();
            int code = session.run(a, new PrintWriter(out), new PrintWriter(err));
            assertEquals(CliRun.of(a), new CliRun(code, out.toString(), err.toString()), args.toString());
            codes.add(code);
        }
        assertEquals(List.of(0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 1, 0, 0, 0, 0), codes);
    }
}
