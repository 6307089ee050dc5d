package kautz.sim;

import kautz.diag.UserError;
import kautz.engines.Engines;
import kautz.isa.Assembler;
import kautz.isa.Program;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class EnginesTest {
    private static final Program XOR = Assembler.parse(InterpreterTest.XOR, "xor.kasm");

    @Test
    void autoPicksTheInterpreterForSmallRunsAndTheJitForLargeOnes() {
        long ops = XOR.ops().size();
        long breakEven = (Engines.AUTO_JIT_ROW_OPS + ops - 1) / ops;
        assertEquals("interp", Engines.select("auto", XOR, 1024).name());
        assertEquals("interp", Engines.select("auto", XOR, breakEven - 1).name());
        assertEquals("jit", Engines.select("auto", XOR, breakEven).name());
        assertEquals("auto", Engines.DEFAULT);
    }

    @Test
    void anExplicitNameIsKeptWhateverTheSize() {
        assertEquals("jit", Engines.select("jit", XOR, 1).name());
        assertEquals("interp", Engines.select("interp", XOR, Long.MAX_VALUE / 64).name());
    }

    @Test
    void unknownNamesAreRejectedWithTheKnownOnes() {
        UserError e = assertThrows(UserError.class, () -> Engines.check("fast"));
        assertEquals("--engine: unknown engine 'fast' (known: auto, interp, jit)", e.getMessage());
        Engines.check("auto");
        assertThrows(UserError.class, () -> Engines.select("fast", XOR, 1));
    }
}
