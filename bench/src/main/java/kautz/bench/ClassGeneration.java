package kautz.bench;

import kautz.isa.Program;
import kautz.isa.RandomPrograms;
import kautz.jit.JitEngine;
import kautz.sim.Executable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/** Time to generate, define (verify, link) and instantiate the JIT class for a program of N ops. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ClassGeneration {
    /** A {@link RandomPrograms#chain} of that many NOR gates (plus one bulk init per 1000), or an EPFL circuit by name. */
    @Param({"200000", "sin"})
    public String program;

    private Program p;

    @Setup
    public void setup() {
        p = program.chars().allMatch(Character::isDigit)
                ? RandomPrograms.chain(Integer.parseInt(program), 1)
                : BenchPrograms.epfl(program).program();
    }

    @Benchmark
    public Executable generateAndLoad() {
        return new JitEngine().prepare(p);
    }
}
