package kautz.verify;

import kautz.diag.UserError;
import kautz.isa.InitModel;
import kautz.isa.Program;
import kautz.mapped.MappedNetwork;
import kautz.mapping.TechnologyMapper;
import kautz.network.Aig;
import kautz.network.AigBuilder;
import kautz.network.Lit;
import kautz.schedule.ScheduleOptions;
import kautz.schedule.Scheduler;
import kautz.schedule.Schedulers;
import kautz.target.Families;
import kautz.target.GateFamily;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class EquivalenceCheckerTest {
    private static final CecOptions OPTIONS = CecOptions.defaults().withTimeout(Duration.ofSeconds(30));

    /** An n-bit adder; {@code alt} builds sum and carry from different identities, {@code bugAt} flips a carry term. */
    static Aig adder(int n, boolean alt, int bugAt) {
        AigBuilder b = new AigBuilder();
        int[] x = new int[n], y = new int[n];
        for (int i = 0; i < n; i++) x[i] = b.addInput("a[" + i + "]");
        for (int i = 0; i < n; i++) y[i] = b.addInput("b[" + i + "]");
        int c = Lit.FALSE;
        List<Integer> sum = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!alt) {
                int p = b.xor(x[i], y[i]);
                sum.add(b.xor(p, c));
                c = b.maj(x[i], y[i], c);
            } else {
                // a ^ b = (a | b) & ~(a & b); carry = (a & b) | (c & (a ^ b))
                int g = b.and(x[i], y[i]);
                int p = b.and(b.or(x[i], y[i]), Lit.not(g));
                sum.add(b.or(b.and(p, Lit.not(c)), b.and(Lit.not(p), c)));
                c = b.or(g, b.and(i == bugAt ? Lit.not(c) : c, p));
            }
        }
        // outputs deliberately in reverse order on the alternative side: matching is by name
        if (alt) {
            b.addOutput("cout", c);
            for (int i = n - 1; i >= 0; i--) b.addOutput("s[" + i + "]", sum.get(i));
        } else {
            for (int i = 0; i < n; i++) b.addOutput("s[" + i + "]", sum.get(i));
            b.addOutput("cout", c);
        }
        return b.build();
    }

    @Test
    void differentlyBuiltAddersAreEquivalent() {
        CecResult r = EquivalenceChecker.check(adder(64, false, -1), adder(64, true, -1), "A", "B", OPTIONS);
        CecResult.Equivalent eq = assertInstanceOf(CecResult.Equivalent.class, r);
        assertEquals(65, eq.stats().pairs());
    }

    @Test
    void aBugInOneCarryGivesARealCounterexample() {
        CecResult r = EquivalenceChecker.check(adder(32, false, -1), adder(32, true, 17), "A", "B", OPTIONS);
        CecResult.NotEquivalent ne = assertInstanceOf(CecResult.NotEquivalent.class, r);
        BigInteger a = BigInteger.ZERO, b = BigInteger.ZERO;
        for (int i = 0; i < 32; i++) {
            if (ne.inputs().get("a[" + i + "]")) a = a.setBit(i);
            if (ne.inputs().get("b[" + i + "]")) b = b.setBit(i);
        }
        BigInteger s = a.add(b);
        for (CecResult.Difference d : ne.outputs()) {
            int bit = d.output().equals("cout") ? 32 : Integer.parseInt(d.output().replaceAll("\\D", ""));
            assertEquals(s.testBit(bit), d.left(), "the left side is the correct adder: " + d);
            assertNotEquals(d.left(), d.right());
        }
    }

    @Test
    void aRareDifferenceNeedsTheSolver() {
        // y = AND of 40 inputs versus constant 0: random patterns almost never tell them apart
        AigBuilder b = new AigBuilder();
        for (int i = 0; i < 40; i++) b.addInput("x[" + i + "]");
        int acc = Lit.TRUE;
        for (int i = 0; i < 40; i++) acc = b.and(acc, b.input(i));
        b.addOutput("y", acc);
        AigBuilder z = new AigBuilder();
        for (int i = 0; i < 40; i++) z.addInput("x[" + i + "]");
        z.addOutput("y", Lit.FALSE);
        CecResult.NotEquivalent ne = assertInstanceOf(CecResult.NotEquivalent.class,
                EquivalenceChecker.check(b.build(), z.build(), "A", "B", OPTIONS));
        assertTrue(ne.inputs().values().stream().allMatch(v -> v));
    }

    @Test
    void outputsAreMatchedByNameAndAMissingOneIsAUserError() {
        AigBuilder b = new AigBuilder();
        b.addOutput("y", b.addInput("x"));
        AigBuilder c = new AigBuilder();
        c.addOutput("z", c.addInput("x"));
        UserError e = assertThrows(UserError.class, () -> EquivalenceChecker.check(b.build(), c.build(), "A", "B", OPTIONS));
        assertEquals("B has no output 'y' (A has it)", e.getMessage());
    }

    private static final ScheduleOptions QUICK = new ScheduleOptions(ScheduleOptions.UNLIMITED, InitModel.BULK, 1, Duration.ofMillis(200));

    @Test
    void everySchedulerAndFamilyCompilesRandomNetworksCorrectly() {
        for (long seed = 1; seed <= 1; seed++) {
            Aig aig = randomAig(seed, 12, 200, 10);
            for (GateFamily family : Families.builtIns()) {
                MappedNetwork mapped = TechnologyMapper.map(aig, family, "rnd");
                for (Scheduler s : Schedulers.all()) {
                    Program p;
                    try {
                        p = s.schedule(mapped, family, QUICK); // correctness, not quality: a short improvement budget
                    } catch (UserError | UnsupportedOperationException e) {
                        continue; // a scheduler may not support a family; it says so
                    }
                    CecResult r = EquivalenceChecker.check(aig, SymbolicExecution.network(p), "source", "program", OPTIONS);
                    assertInstanceOf(CecResult.Equivalent.class, r, family.name() + " / " + s.name() + " seed " + seed + ": " + r);
                }
            }
        }
    }

    static Aig randomAig(long seed, int inputs, int steps, int outputs) {
        SplittableRandom rnd = new SplittableRandom(seed);
        AigBuilder b = new AigBuilder();
        List<Integer> sigs = new ArrayList<>();
        for (int i = 0; i < inputs; i++) sigs.add(b.addInput("x[" + i + "]"));
        for (int s = 0; s < steps; s++) {
            int x = pick(rnd, sigs), y = pick(rnd, sigs), z = pick(rnd, sigs);
            sigs.add(switch (rnd.nextInt(4)) {
                case 0, 1 -> b.and(x, y);
                case 2 -> b.xor(x, y);
                default -> b.maj(x, y, z);
            });
        }
        for (int o = 0; o < outputs; o++) b.addOutput("y[" + o + "]", sigs.get(sigs.size() - 1 - o));
        return b.build();
    }

    private static int pick(SplittableRandom rnd, List<Integer> sigs) {
        int s = sigs.get(sigs.size() - 1 - rnd.nextInt(Math.min(sigs.size(), 16)));
        return rnd.nextBoolean() ? Lit.not(s) : s;
    }
}
