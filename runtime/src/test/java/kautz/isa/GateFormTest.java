package kautz.isa;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** Each opcode's function is written once, as its GateForm; the word forms agree with the generic one. */
class GateFormTest {
    @Test
    void theTableGivesEachLogicOpItsFunction() {
        // d, a, b, c as 4-bit words over all 16 rows of their truth table
        long d = 0xFF00, a = 0xF0F0, b = 0xCCCC, c = 0xAAAA;
        long mask = 0xFFFF;
        assertEquals(d & ~(a | b) & mask, run(Opcode.NOR, d, a, b));
        assertEquals((d | a | b) & mask, run(Opcode.OR, d, a, b));
        assertEquals(d & ~(a & b) & mask, run(Opcode.NAND, d, a, b));
        assertEquals((d | (a & b)) & mask, run(Opcode.AND, d, a, b));
        assertEquals((~a | d) & mask, run(Opcode.IMP, d, a));
        assertEquals(d & ~((a & b) | (a & c) | (b & c)) & mask, run(Opcode.MIN3, d, a, b, c));
        assertEquals(d & ~a & mask, run(Opcode.NOR, d, a));
        long nb = ~b;
        assertEquals(((a & nb) | (d & (a | nb))) & mask, run(Opcode.MAJ, d, a, b)); // RM3: maj(a, ¬b, d)
        for (Opcode oc : Opcode.values()) {
            assertEquals(oc.isLogic(), oc.gate() != null, oc.mnemonic());
            if (oc.gate() != null && !oc.gate().hasIdentity()) assertEquals(-1, oc.requiredDestState(), oc.mnemonic() + " reads its old value: no pre-state");
            if (oc.gate() != null && oc.requiredDestState() >= 0) assertEquals(oc.requiredDestState() == 1, oc.gate().identity(), oc.mnemonic());
        }
        assertEquals(1, Opcode.INIT1.constant());
        assertEquals(0, Opcode.INIT0.constant());
        assertEquals(0, Opcode.FALSE.constant());
    }

    private static long run(Opcode oc, long d, long... src) {
        List<Long> s = new ArrayList<>();
        for (long x : src) s.add(x);
        return oc.gate().apply(GateForm.WORDS, d, s) & 0xFFFF;
    }

    @Test
    void wordAndPlaneFormsAgreeWithTheGenericOneForEveryForm() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (GateForm.Fold fold : GateForm.Fold.values()) {
            for (boolean complemented : new boolean[] {false, true}) {
                for (GateForm.Combine combine : GateForm.Combine.values()) {
                  for (int negated : new int[] {0, 0b10, 0b101}) {
                    GateForm g = new GateForm(fold, complemented, combine, negated);
                    for (int k = 1; k <= 5; k++) {
                        if (fold == GateForm.Fold.MAJ && k != (combine == GateForm.Combine.OPERAND ? 2 : 3)) continue;
                        int words = 1 + rnd.nextInt(5);
                        long[][] src = new long[k][words];
                        long[] d = new long[words];
                        for (int w = 0; w < words; w++) {
                            d[w] = rnd.nextLong();
                            for (int s = 0; s < k; s++) src[s][w] = rnd.nextLong();
                        }
                        long[] planes = d.clone();
                        g.planes(planes, src, words);
                        for (int w = 0; w < words; w++) {
                            List<Long> s = new ArrayList<>();
                            for (int j = 0; j < k; j++) s.add(src[j][w]);
                            long expected = g.apply(GateForm.WORDS, d[w], s);
                            assertEquals(expected, g.word(d[w], src, w), g + " k=" + k);
                            assertEquals(expected, planes[w], g + " k=" + k + " (planes)");
                        }
                    }
                  }
                }
            }
        }
    }

    /**
     * Adding a logic opcode is one entry in the Opcode table: no engine names a logic opcode, so none needs a
     * change (docs/isa.md, "Adding an opcode"). Fails when an engine starts to special-case one.
     */
    @Test
    void noEngineNamesALogicOpcode() throws Exception {
        Pattern named = Pattern.compile("\\b(case|Opcode\\.)\\s*(NOR|OR|NAND|AND|IMP|MIN3|MAJ)\\b");
        Path main = Path.of("src", "main", "java", "kautz");
        for (String engine : List.of("sim/Interpreter.java", "jit/JitOp.java", "jit/JitCompiler.java", "device/DeviceSession.java",
                "device/LogicEnergy.java", "isa/ProgramLint.java", "isa/MicroOp.java", "../../../../../compiler/src/main/java/kautz/verify/OpSemantics.java",
                "../../../../../compiler/src/main/java/kautz/verify/SymbolicExecution.java")) {
            Path f = main.resolve(engine).normalize();
            assertTrue(Files.isRegularFile(f), f.toString());
            var m = named.matcher(Files.readString(f));
            assertFalse(m.find(), f + " names " + (m.hitEnd() ? "" : m.group()) + ": take the op's function from Opcode.gate() instead");
        }
    }
}
