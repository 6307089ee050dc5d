package kautz.lang.elab;

import com.google.common.collect.ImmutableList;
import kautz.lang.ast.ConstDecl;
import kautz.lang.ast.Item;
import kautz.lang.ast.KernelDecl;
import kautz.lang.ast.MemDecl;
import kautz.lang.ast.SourceModule;
import kautz.lang.check.Owned;
import kautz.lang.check.Program;
import kautz.network.AigBuilder;

import java.math.BigInteger;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Elaborates checked kernels into logic networks: constants are evaluated, loops unrolled, functions
 * inlined with their width parameters bound, run-time {@code if}s turned into multiplexers. Widths,
 * ranges and compile-time-ness are checked here, where they are known. One instance per program; the
 * values of module constants and mem declarations are shared by its kernels.
 */
public final class Elaborator {
    private final Program program;
    private final Map<ConstDecl, BigInteger> constValues = new IdentityHashMap<>();
    private final Map<ConstDecl, Boolean> constInProgress = new IdentityHashMap<>();
    private final Map<String, MemInfo> mems = new LinkedHashMap<>();

    public Elaborator(Program program) {
        this.program = program;
        KernelElaboration scratch = new KernelElaboration(this, new AigBuilder(Limits.MAX_NODES));
        // every constant of the file is evaluated, used or not: a cyclic or invalid one is an error wherever it is
        for (Item it : program.main().items()) {
            if (it instanceof ConstDecl c) constValue(new Owned<>(c, program.main()), scratch);
        }
        long bits = 0;
        for (MemDecl d : program.main().mems()) {
            long levels = scratch.constInt(d.levels(), program.main(), "the number of levels");
            long cells = scratch.constInt(d.cells(), program.main(), "the number of cells");
            if (levels < 2) throw d.levels().pos().error("a multi-level cell needs at least 2 levels, got " + levels);
            if (cells < 1) throw d.cells().pos().error("a mem needs at least 1 cell, got " + cells);
            if (levels > (1L << 30)) throw d.levels().pos().error("too many levels: " + levels);
            bits += cells * (long) kautz.ports.MemCellId.bitsFor((int) levels);
            if (bits > Limits.MAX_MEM_BITS) {
                throw d.pos().error("the mems of this file hold more than " + Limits.MAX_MEM_BITS + " bits (the limit)");
            }
            mems.put(d.name(), new MemInfo(d.name(), (int) levels, (int) cells));
        }
    }

    public CompiledKernel kernel(KernelDecl k) {
        return new KernelElaboration(this, new AigBuilder(Limits.MAX_NODES)).kernel(k);
    }

    public ImmutableList<MemInfo> mems() { return ImmutableList.copyOf(mems.values()); }

    Program program() { return program; }

    Map<String, MemInfo> memInfos() { return mems; }

    /** The value of a module constant, evaluated once in its own module. */
    BigInteger constValue(Owned<ConstDecl> c, KernelElaboration with) {
        BigInteger v = constValues.get(c.decl());
        if (v != null) return v;
        if (constInProgress.put(c.decl(), Boolean.TRUE) != null) {
            throw c.decl().pos().error("constant '" + c.decl().name() + "' depends on itself");
        }
        try {
            v = with.constValueIn(c.decl().value(), c.module(), "constant '" + c.decl().name() + "'");
        } finally {
            constInProgress.remove(c.decl());
        }
        constValues.put(c.decl(), v);
        return v;
    }

    /** Whether a module is the main one (mems live only there). */
    boolean isMain(SourceModule m) { return m == program.main(); }
}
