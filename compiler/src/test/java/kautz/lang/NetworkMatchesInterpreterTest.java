package kautz.lang;

import kautz.lang.ast.SourceText;
import kautz.lang.check.Program;
import kautz.lang.elab.CompiledKernel;
import kautz.lang.eval.Interpreter;
import kautz.network.AigSimulator;
import kautz.ports.BitPlanes;
import kautz.ports.Port;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Property test: for many random programs, the elaborated network (simulated 64 rows per word) and the
 * direct AST interpreter agree on every output for random inputs.
 */
@Tag("slow")
class NetworkMatchesInterpreterTest {
    private static final int PROGRAMS = 400;
    private static final int ROWS = 64;

    @Test
    void networkAgreesWithTheInterpreterOnRandomPrograms() {
        RandomPrograms gen = new RandomPrograms(20261129L);
        for (int p = 0; p < PROGRAMS; p++) {
            String source = gen.program();
            try {
                check(source, p);
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("program " + p + " failed: " + e + "\n" + source, e);
            }
        }
    }

    @Test
    void networkAgreesWithTheInterpreterOnRandomSignedPrograms() {
        RandomPrograms gen = new RandomPrograms(20261207L);
        for (int p = 0; p < PROGRAMS / 2; p++) {
            String source = gen.signedProgram();
            try {
                check(source, p);
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("signed program " + p + " failed: " + e + "\n" + source, e);
            }
        }
    }

    static void check(String source, long seed) {
        SourceText text = new SourceText("random.kz", source);
        CompiledKernel k = KautzCompiler.compile(text, null).kernel(null);
        Program program = KautzCompiler.check(text, null);
        long[][] in = BitPlanes.random(k.network().numInputs(), ROWS, seed);
        long[][] out = AigSimulator.simulate(k.network(), in);
        Interpreter interp = new Interpreter(program);
        for (int row = 0; row < ROWS; row++) {
            Map<String, BigInteger> inputs = new HashMap<>();
            for (Port port : k.inputs()) inputs.put(port.name(), BitPlanes.get(in, port, row));
            for (String param : new String[]{"a", "b", "c"}) inputs.putIfAbsent(param, BigInteger.ZERO);
            Map<String, BigInteger> want = interp.run(k.name(), inputs);
            for (Port port : k.outputs()) {
                BigInteger expected = want.getOrDefault(port.name(), inputs.get(port.name()));
                assertEquals(expected, BitPlanes.get(out, port, row), "output " + port.name() + " in row " + row + " for " + inputs);
            }
        }
    }
}
