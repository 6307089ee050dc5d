package kautz.jit;

import com.google.common.primitives.ImmutableIntArray;
import kautz.isa.IoBit;
import kautz.isa.BooleanAlgebra;
import kautz.isa.GateForm;
import kautz.isa.Program;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Turns a {@link Program} into the bytes of a class implementing {@link JitCode}: straight-line code over
 * the state array, one static method per {@link ChunkPlan.Chunk} of {@link JitOp}s. Each op becomes the few
 * long operations of its physical semantics, e.g. {@code nor d, a, b} is {@code d = d & ~(a | b)}; where
 * {@link JitOp#optimise} knows d holds 1 it is {@code d = ~(a | b)}, and with cells in locals that may hold
 * complements ({@link Cells}) one OR or AND-NOT. The values go through an {@link Alu} (longs, or vectors of
 * longs for the measured jdk.incubator.vector alternative) and cells through {@link Cells}.
 */
final class JitCompiler implements Opcodes {
    static final String NAME = "kautz/jit/Generated";
    private static final int CHUNKS_PER_DISPATCH = 1000;

    private final Program program;
    private final JitOptions options;
    private final boolean perWord;
    private final boolean perBlock;
    /** Longs per vector when the code uses jdk.incubator.vector; 0 for code on longs. */
    private final int lanes;

    JitCompiler(Program program, JitOptions options) { this(program, options, 0); }

    /** @param lanes longs per vector for vector code (PER_BLOCK with cells in locals, blocks a multiple of it); 0: longs */
    JitCompiler(Program program, JitOptions options, int lanes) {
        if (lanes > 0 && (options.placement() != JitOptions.LoopPlacement.PER_BLOCK || !options.cellsInLocals() || options.blockWords() % lanes != 0)) {
            throw new IllegalArgumentException("vector code needs PER_BLOCK, cells in locals and blocks of whole vectors: " + options);
        }
        this.lanes = lanes;
        this.program = program;
        this.options = options;
        this.perWord = options.placement() == JitOptions.LoopPlacement.PER_WORD;
        this.perBlock = options.placement() == JitOptions.LoopPlacement.PER_BLOCK;
    }

    /** HotSpot compiles no method whose bytecode is longer (DontCompileHugeMethods, HugeMethodLimit). */
    static final int HUGE_METHOD = 8000;

    /** The bytecode length of each chunk method of the last class generated. */
    private int[] chunkSizes = new int[0];
    private StateLayout layout;

    /** Where the last class generated keeps its values, inputs and outputs in a word's state. */
    StateLayout layout() { return layout; }

    /** The bytecode length of the longest chunk method of the last class generated. */
    int largestChunk() { return java.util.Arrays.stream(chunkSizes).max().orElse(0); }

    /** The number of chunk methods of the last class generated. */
    int chunks() { return chunkSizes.length; }

    /**
     * The class bytes. The chunk plan estimates bytecode sizes; a chunk that still comes out longer than
     * HotSpot compiles is split in two and the class generated again (a few rounds at most: each halves it).
     */
    byte[] generate() {
        int scratch = scratchCell(program);
        BitSet inputs = new BitSet(), outputs = new BitSet();
        for (IoBit b : program.inputs()) inputs.set(b.cell());
        for (IoBit b : program.outputs()) outputs.set(b.cell());
        List<JitOp> ops = JitOp.optimise(JitOp.lower(program, scratch), inputs, outputs, scratch + 1);
        List<int[]> ranges = ChunkPlan.cut(ops, Math.max(200, options.chunkBytes() / interleaved()));
        while (true) {
            byte[] bytes = generate(ops, ranges);
            List<int[]> split = new ArrayList<>(ranges.size());
            for (int c = 0; c < ranges.size(); c++) {
                int[] r = ranges.get(c);
                if (chunkSizes[c] < HUGE_METHOD || r[1] - r[0] < 2) {
                    split.add(r);
                } else {
                    int mid = (r[0] + r[1]) >>> 1;
                    split.add(new int[]{r[0], mid});
                    split.add(new int[]{mid, r[1]});
                }
            }
            if (split.size() == ranges.size()) return bytes;
            ranges = split;
        }
    }

    private byte[] generate(List<JitOp> programOrder, List<int[]> ranges) {
        ChunkPlan plan = new ChunkPlan(program, programOrder, ranges, options.order() == JitOptions.OpOrder.LEVELS);
        chunkSizes = new int[ranges.size()];
        List<JitOp> ops = plan.ops;
        layout = options.cellsInLocals() && options.compactState() ? StateLayout.compact(program, plan) : StateLayout.identity(program, plan);
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected String getCommonSuperClass(String a, String b) { return "java/lang/Object"; } // only long[] occurs
        };
        cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, NAME, null, "java/lang/Object", new String[]{"kautz/jit/JitCode"});
        MethodVisitor init = cw.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        BitSet written = new BitSet();
        for (IoBit b : program.inputs()) written.set(b.cell());
        int n = plan.chunks.size();
        for (int c = 0; c < n; c++) chunk(cw, c, plan.chunks.get(c), ops, written, layout.loadSlots()[c], layout.storeSlots()[c]);
        int groups = (n + CHUNKS_PER_DISPATCH - 1) / CHUNKS_PER_DISPATCH;
        for (int g = 0; g < groups; g++) dispatch(cw, g, g * CHUNKS_PER_DISPATCH, Math.min(n, (g + 1) * CHUNKS_PER_DISPATCH));
        run(cw, groups);
        cw.visitEnd();
        return cw.toByteArray();
    }

    /**
     * Words each pass of a per-word chunk computes, op by op interleaved ({@link JitOptions#blockWords()}): the
     * words' chains are independent, so the CPU overlaps them. 1 for other placements and for the array.
     */
    private int interleaved() { return perWord && options.cellsInLocals() && lanes == 0 ? options.blockWords() : 1; }

    /** The cell wide gates fold their inputs into: one past the program's cells (the state stride is cells + 1). */
    static int scratchCell(Program p) { return p.stats().cells(); }

    /** per word: (state, base); per chunk: (state, words, stride); per block: (state, words). */
    private String chunkDesc() { return perWord || perBlock ? "([JI)V" : "([JII)V"; }

    /** run(state, words, stride): per word, or once when each chunk loops itself. */
    private void run(ClassWriter cw, int groups) {
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "run", "([JII)V", null, null);
        mv.visitCode();
        if (perWord) {
            // for (int w = 0, base = 0; w < words; w += k, base += k * stride) d0(state, base); d1(...); ...
            // (k words interleaved per pass: the state holds whole passes)
            Label top = new Label(), done = new Label();
            mv.visitInsn(ICONST_0); mv.visitVarInsn(ISTORE, 4);
            mv.visitInsn(ICONST_0); mv.visitVarInsn(ISTORE, 5);
            mv.visitLabel(top);
            mv.visitVarInsn(ILOAD, 4); mv.visitVarInsn(ILOAD, 2); mv.visitJumpInsn(IF_ICMPGE, done);
            for (int g = 0; g < groups; g++) {
                mv.visitVarInsn(ALOAD, 1); mv.visitVarInsn(ILOAD, 5);
                mv.visitMethodInsn(INVOKESTATIC, NAME, "d" + g, chunkDesc(), false);
            }
            mv.visitIincInsn(4, interleaved());
            mv.visitVarInsn(ILOAD, 5); mv.visitVarInsn(ILOAD, 3);
            if (interleaved() > 1) { pushInt(mv, interleaved()); mv.visitInsn(IMUL); }
            mv.visitInsn(IADD); mv.visitVarInsn(ISTORE, 5);
            mv.visitJumpInsn(GOTO, top);
            mv.visitLabel(done);
        } else {
            for (int g = 0; g < groups; g++) {
                mv.visitVarInsn(ALOAD, 1); mv.visitVarInsn(ILOAD, 2);
                if (!perBlock) mv.visitVarInsn(ILOAD, 3);
                mv.visitMethodInsn(INVOKESTATIC, NAME, "d" + g, chunkDesc(), false);
            }
        }
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** A method calling chunks [from, to): keeps every method small enough for the JIT compiler. */
    private void dispatch(ClassWriter cw, int g, int from, int to) {
        MethodVisitor mv = cw.visitMethod(ACC_PRIVATE | ACC_STATIC, "d" + g, chunkDesc(), null, null);
        mv.visitCode();
        for (int c = from; c < to; c++) {
            mv.visitVarInsn(ALOAD, 0); mv.visitVarInsn(ILOAD, 1);
            if (!perWord && !perBlock) mv.visitVarInsn(ILOAD, 2);
            mv.visitMethodInsn(INVOKESTATIC, NAME, "c" + c, chunkDesc(), false);
        }
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private void chunk(ClassWriter cw, int index, ChunkPlan.Chunk chunk, List<JitOp> ops, BitSet written, int[] loadSlots, int[] storeSlots) {
        MethodVisitor mv = cw.visitMethod(ACC_PRIVATE | ACC_STATIC, "c" + index, chunkDesc(), null, null);
        mv.visitCode();
        // locals: 0 state; per word: 1 base; per chunk: 1 words, 2 stride, 3 w, 4 base; per block: 1 words, 2 w
        Address address = perWord ? new Address.Based(1) : perBlock ? new Address.Blocked(2, options.blockWords()) : new Address.Based(4);
        int firstCellSlot = perWord ? 2 : perBlock ? 3 : 5;
        Label top = new Label(), done = new Label();
        if (!perWord) {
            mv.visitInsn(ICONST_0); mv.visitVarInsn(ISTORE, perBlock ? 2 : 3);
            if (!perBlock) { mv.visitInsn(ICONST_0); mv.visitVarInsn(ISTORE, 4); }
            mv.visitLabel(top);
            mv.visitVarInsn(ILOAD, perBlock ? 2 : 3); mv.visitVarInsn(ILOAD, 1); mv.visitJumpInsn(IF_ICMPGE, done);
        }
        Alu alu = lanes > 0 ? new Alu.Vectors(mv, lanes) : new Alu.Longs(mv);
        boolean complements = options.complements();
        int k = interleaved();
        Cells[] words = new Cells[k]; // word j of the pass: its state at base + j * stride, its own locals
        for (int j = 0; j < k; j++) {
            words[j] = lanes > 0 ? new Cells.VectorCells(mv, (Alu.Vectors) alu, address, firstCellSlot, chunk, complements, loadSlots, storeSlots)
                    : options.cellsInLocals() ? new Cells.LocalCells(mv, alu, perWord ? new Address.Based(1, j * layout.stride()) : address, firstCellSlot + 2 * j * chunk.cells().length,
                            chunk, ops, complements, loadSlots, storeSlots)
                    : new Cells.ArrayCells(mv, alu, address, written, complements);
        }
        for (Cells cells : words) cells.prologue();
        for (int i = chunk.from(); i < chunk.to(); i++) {
            for (Cells cells : words) {
                cells.at(i);
                op(alu, cells, ops.get(i));
            }
        }
        for (Cells cells : words) cells.epilogue();
        if (perBlock) {
            mv.visitIincInsn(2, Math.max(1, lanes));
            mv.visitJumpInsn(GOTO, top);
            mv.visitLabel(done);
        } else if (!perWord) {
            mv.visitIincInsn(3, 1);
            mv.visitVarInsn(ILOAD, 4); mv.visitVarInsn(ILOAD, 2); mv.visitInsn(IADD); mv.visitVarInsn(ISTORE, 4);
            mv.visitJumpInsn(GOTO, top);
            mv.visitLabel(done);
        }
        Label end = new Label();
        mv.visitLabel(end);
        chunkSizes[index] = end.getOffset() + 1;
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        for (int i = chunk.from(); i < chunk.to(); i++) written.set(ops.get(i).dest());
    }

    private static void op(Alu alu, Cells c, JitOp op) {
        ImmutableIntArray x = op.sources();
        int d = op.dest();
        c.beginStore(d);
        GateForm g = op.gate();
        if (g == null) {
            alu.constant(op.constant());
        } else if (op.fresh() && g.fold() == GateForm.Fold.OR && g.complemented() && g.negated() == 0 && c.tracksComplements) {
            freshNor(alu, c, op); // ~(a | b | …) on tracked complements
            return;
        } else {
            // The gate's function from the Opcode table, emitted: each value is code that pushes it.
            Emitting alg = new Emitting(alu);
            List<Emitting.Code> src = new ArrayList<>(x.length());
            for (int k = 0; k < x.length(); k++) src.add(load(c, x.get(k)));
            Emitting.Code value = op.fresh() ? g.inner(alg, src) : g.apply(alg, load(c, d), src);
            value.emit();
        }
        c.endStore(d, false);
    }

    private static Emitting.Code load(Cells c, int cell) { return () -> c.load(cell); }

    /** The Boolean algebra of emitted code: a value is code that pushes it on the stack, an operation emits its operands then itself. */
    private record Emitting(Alu alu) implements BooleanAlgebra<Emitting.Code> {
        interface Code { void emit(); }

        @Override public Code zero() { return () -> alu.constant(0); }
        @Override public Code one() { return () -> alu.constant(-1L); }
        @Override public Code not(Code a) { return () -> { a.emit(); alu.not(); }; }
        @Override public Code and(Code a, Code b) { return () -> { a.emit(); b.emit(); alu.and(); }; }
        @Override public Code or(Code a, Code b) { return () -> { a.emit(); b.emit(); alu.or(); }; }
    }

    /**
     * {@code d := ~(a | b | …)} computed on whichever of each source's value or complement its local holds,
     * leaving d's value or its complement, whichever costs fewer operations: a NOT is free (d takes a's local,
     * flipped); with every source plain, d holds {@code a | b | …}, the complement; otherwise d holds
     * {@code ~a & ~b & …} starting from a complemented source, and each plain source costs an and-not.
     */
    private static void freshNor(Alu alu, Cells c, JitOp op) {
        ImmutableIntArray x = op.sources();
        int first = -1;
        for (int k = 0; k < x.length() && first < 0; k++) if (c.complemented(x.get(k))) first = k;
        if (x.length() == 1) {
            c.pushRaw(x.get(0));
            c.endStore(op.dest(), first < 0);
        } else if (first < 0) {
            c.pushRaw(x.get(0));
            for (int k = 1; k < x.length(); k++) {
                c.pushRaw(x.get(k));
                alu.or();
            }
            c.endStore(op.dest(), true);
        } else {
            c.pushRaw(x.get(first));
            for (int k = 0; k < x.length(); k++) {
                if (k == first) continue;
                c.pushRaw(x.get(k));
                if (!c.complemented(x.get(k))) alu.not();
                alu.and();
            }
            c.endStore(op.dest(), false);
        }
    }

    /** Pushes a long constant in the shortest form. */
    static void constant(MethodVisitor mv, long v) {
        if (v == 0) mv.visitInsn(LCONST_0);
        else if (v == 1) mv.visitInsn(LCONST_1);
        else mv.visitLdcInsn(v);
    }

    /** Pushes an int constant in the shortest form. */
    static void pushInt(MethodVisitor mv, int v) {
        if (v >= -1 && v <= 5) mv.visitInsn(ICONST_0 + v);
        else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) mv.visitIntInsn(BIPUSH, v);
        else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) mv.visitIntInsn(SIPUSH, v);
        else mv.visitLdcInsn(v);
    }
}
