package kautz.jit;

import com.google.common.primitives.ImmutableIntArray;
import kautz.isa.IoBit;
import kautz.isa.Program;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link Program} into the bytes of a class implementing {@link JitCode}: straight-line code over
 * the state array, one static method per {@link ChunkPlan.Chunk} of {@link JitOp}s. Each op becomes the few
 * long operations of its physical semantics, e.g. {@code nor d, a, b} is {@code d = d & ~(a | b)}.
 */
final class JitCompiler implements Opcodes {
    static final String NAME = "kautz/jit/Generated";
    private static final int CHUNKS_PER_DISPATCH = 1000;

    private final Program program;
    private final JitOptions options;
    private final boolean perWord;

    JitCompiler(Program program, JitOptions options) {
        this.program = program;
        this.options = options;
        this.perWord = options.placement() == JitOptions.LoopPlacement.PER_WORD;
    }

    /** HotSpot compiles no method whose bytecode is longer (DontCompileHugeMethods, HugeMethodLimit). */
    static final int HUGE_METHOD = 8000;

    private int largestChunk;

    /** The bytecode length of the longest chunk method of the last class generated. */
    int largestChunk() { return largestChunk; }

    /**
     * The class bytes. The chunk plan estimates bytecode sizes; if a chunk still comes out longer than
     * HotSpot compiles, the class is generated again with a smaller budget.
     */
    byte[] generate() {
        int scratch = scratchCell(program);
        BitSet inputs = new BitSet(), outputs = new BitSet();
        for (IoBit b : program.inputs()) inputs.set(b.cell());
        for (IoBit b : program.outputs()) outputs.set(b.cell());
        List<JitOp> ops = JitOp.optimise(JitOp.lower(program, scratch), inputs, outputs, scratch + 1);
        int budget = options.chunkBytes();
        while (true) {
            byte[] bytes = generate(ops, budget);
            if (largestChunk < HUGE_METHOD || budget <= 200) return bytes;
            budget = Math.max(200, budget * 2 / 3);
        }
    }

    private byte[] generate(List<JitOp> ops, int chunkBytes) {
        largestChunk = 0;
        ChunkPlan plan = new ChunkPlan(program, ops, chunkBytes);
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
        for (int c = 0; c < n; c++) chunk(cw, c, plan.chunks.get(c), ops, written);
        int groups = (n + CHUNKS_PER_DISPATCH - 1) / CHUNKS_PER_DISPATCH;
        for (int g = 0; g < groups; g++) dispatch(cw, g, g * CHUNKS_PER_DISPATCH, Math.min(n, (g + 1) * CHUNKS_PER_DISPATCH));
        run(cw, groups);
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** The cell wide gates fold their inputs into: one past the program's cells (the state stride is cells + 1). */
    static int scratchCell(Program p) { return p.stats().cells(); }

    private String chunkDesc() { return perWord ? "([JI)V" : "([JII)V"; }

    /** run(state, words, stride): per word, or once when each chunk loops itself. */
    private void run(ClassWriter cw, int groups) {
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "run", "([JII)V", null, null);
        mv.visitCode();
        if (perWord) {
            // for (int w = 0, base = 0; w < words; w++, base += stride) d0(state, base); d1(...); ...
            Label top = new Label(), done = new Label();
            mv.visitInsn(ICONST_0); mv.visitVarInsn(ISTORE, 4);
            mv.visitInsn(ICONST_0); mv.visitVarInsn(ISTORE, 5);
            mv.visitLabel(top);
            mv.visitVarInsn(ILOAD, 4); mv.visitVarInsn(ILOAD, 2); mv.visitJumpInsn(IF_ICMPGE, done);
            for (int g = 0; g < groups; g++) {
                mv.visitVarInsn(ALOAD, 1); mv.visitVarInsn(ILOAD, 5);
                mv.visitMethodInsn(INVOKESTATIC, NAME, "d" + g, chunkDesc(), false);
            }
            mv.visitIincInsn(4, 1);
            mv.visitVarInsn(ILOAD, 5); mv.visitVarInsn(ILOAD, 3); mv.visitInsn(IADD); mv.visitVarInsn(ISTORE, 5);
            mv.visitJumpInsn(GOTO, top);
            mv.visitLabel(done);
        } else {
            for (int g = 0; g < groups; g++) {
                mv.visitVarInsn(ALOAD, 1); mv.visitVarInsn(ILOAD, 2); mv.visitVarInsn(ILOAD, 3);
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
            if (!perWord) mv.visitVarInsn(ILOAD, 2);
            mv.visitMethodInsn(INVOKESTATIC, NAME, "c" + c, chunkDesc(), false);
        }
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private void chunk(ClassWriter cw, int index, ChunkPlan.Chunk chunk, List<JitOp> ops, BitSet written) {
        MethodVisitor mv = cw.visitMethod(ACC_PRIVATE | ACC_STATIC, "c" + index, chunkDesc(), null, null);
        mv.visitCode();
        // locals: 0 state; per word: 1 base; per chunk: 1 words, 2 stride, 3 w, 4 base
        int baseSlot = perWord ? 1 : 4;
        int firstCellSlot = perWord ? 2 : 5;
        Label top = new Label(), done = new Label();
        if (!perWord) {
            mv.visitInsn(ICONST_0); mv.visitVarInsn(ISTORE, 3);
            mv.visitInsn(ICONST_0); mv.visitVarInsn(ISTORE, 4);
            mv.visitLabel(top);
            mv.visitVarInsn(ILOAD, 3); mv.visitVarInsn(ILOAD, 1); mv.visitJumpInsn(IF_ICMPGE, done);
        }
        Cells cells = options.cellsInLocals()
                ? new LocalCells(mv, baseSlot, firstCellSlot, chunk)
                : new ArrayCells(mv, baseSlot, written);
        cells.prologue();
        for (int i = chunk.from(); i < chunk.to(); i++) op(mv, cells, ops.get(i));
        cells.epilogue();
        if (!perWord) {
            mv.visitIincInsn(3, 1);
            mv.visitVarInsn(ILOAD, 4); mv.visitVarInsn(ILOAD, 2); mv.visitInsn(IADD); mv.visitVarInsn(ISTORE, 4);
            mv.visitJumpInsn(GOTO, top);
            mv.visitLabel(done);
        }
        Label end = new Label();
        mv.visitLabel(end);
        largestChunk = Math.max(largestChunk, end.getOffset() + 1);
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        for (int i = chunk.from(); i < chunk.to(); i++) written.set(ops.get(i).dest());
    }

    private static void op(MethodVisitor mv, Cells c, JitOp op) {
        ImmutableIntArray x = op.sources();
        int d = op.dest();
        c.beginStore(d);
        switch (op.kind()) {
            case SET -> constant(mv, op.constant());
            case NOR, NAND -> { // d & ~(a | b | …)   /   d & ~(a & b & …)
                fold(mv, c, x, op.kind() == JitOp.Kind.NOR ? LOR : LAND);
                not(mv);
                combine(mv, c, op, LAND);
            }
            case OR, AND -> { // d | (a | b | …)   /   d | (a & b & …)
                fold(mv, c, x, op.kind() == JitOp.Kind.OR ? LOR : LAND);
                combine(mv, c, op, LOR);
            }
            case FOLD_AND -> { // d & (a & b & …)
                fold(mv, c, x, LAND);
                combine(mv, c, op, LAND);
            }
            case IMP -> { // ~p | q
                c.load(x.get(0));
                not(mv);
                combine(mv, c, op, LOR);
            }
            case MIN3 -> { // d & ~maj(a, b, e), maj = (a & b) | (e & (a | b))
                int a = x.get(0), b = x.get(1), e = x.get(2);
                c.load(a); c.load(b); mv.visitInsn(LAND);
                c.load(e); c.load(a); c.load(b); mv.visitInsn(LOR); mv.visitInsn(LAND);
                mv.visitInsn(LOR);
                not(mv);
                combine(mv, c, op, LAND);
            }
        }
        c.endStore(d);
    }

    /** Combines the value on the stack with the destination's old value, unless the op is fresh. */
    private static void combine(MethodVisitor mv, Cells c, JitOp op, int insn) {
        if (op.fresh()) return;
        c.load(op.dest());
        mv.visitInsn(insn);
    }

    private static void fold(MethodVisitor mv, Cells c, ImmutableIntArray x, int insn) {
        c.load(x.get(0));
        for (int k = 1; k < x.length(); k++) {
            c.load(x.get(k));
            mv.visitInsn(insn);
        }
    }

    private static void not(MethodVisitor mv) {
        constant(mv, -1L);
        mv.visitInsn(LXOR);
    }

    static void constant(MethodVisitor mv, long v) {
        if (v == 0) mv.visitInsn(LCONST_0);
        else if (v == 1) mv.visitInsn(LCONST_1);
        else mv.visitLdcInsn(v);
    }

    static void pushInt(MethodVisitor mv, int v) {
        if (v >= -1 && v <= 5) mv.visitInsn(ICONST_0 + v);
        else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) mv.visitIntInsn(BIPUSH, v);
        else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) mv.visitIntInsn(SIPUSH, v);
        else mv.visitLdcInsn(v);
    }

    /** How generated code reaches a cell's value. */
    private interface Cells {
        void prologue();
        void epilogue();
        /** Pushes the cell's value. */
        void load(int cell);
        /** Before the value to store is pushed. */
        void beginStore(int cell);
        /** After the value is pushed. */
        void endStore(int cell);
    }

    /** state[base + cell], pushing the array and index. */
    private static void address(MethodVisitor mv, int baseSlot, int cell) {
        mv.visitVarInsn(ALOAD, 0);
        mv.visitVarInsn(ILOAD, baseSlot);
        if (cell != 0) {
            pushInt(mv, cell);
            mv.visitInsn(IADD);
        }
    }

    /** Every access goes to the state array; reads of cells never written yet are the constant 0. */
    private static final class ArrayCells implements Cells {
        private final MethodVisitor mv;
        private final int baseSlot;
        private final BitSet written;

        ArrayCells(MethodVisitor mv, int baseSlot, BitSet written) {
            this.mv = mv;
            this.baseSlot = baseSlot;
            this.written = (BitSet) written.clone();
        }

        @Override public void prologue() {}
        @Override public void epilogue() {}

        @Override
        public void load(int cell) {
            if (!written.get(cell)) {
                mv.visitInsn(LCONST_0);
                return;
            }
            address(mv, baseSlot, cell);
            mv.visitInsn(LALOAD);
        }

        @Override public void beginStore(int cell) { address(mv, baseSlot, cell); }

        @Override
        public void endStore(int cell) {
            mv.visitInsn(LASTORE);
            written.set(cell);
        }
    }

    /** A chunk's cells in local variables: live-ins loaded once, live-outs stored once. */
    private static final class LocalCells implements Cells {
        private final MethodVisitor mv;
        private final int baseSlot;
        private final ChunkPlan.Chunk chunk;
        private final Map<Integer, Integer> slot = new HashMap<>();

        LocalCells(MethodVisitor mv, int baseSlot, int firstSlot, ChunkPlan.Chunk chunk) {
            this.mv = mv;
            this.baseSlot = baseSlot;
            this.chunk = chunk;
            int s = firstSlot;
            for (int c : chunk.cells()) {
                slot.put(c, s);
                s += 2;
            }
        }

        @Override
        public void prologue() {
            for (int k = 0; k < chunk.loads().length; k++) {
                int cell = chunk.loads()[k];
                if (chunk.loadIsZero()[k]) {
                    mv.visitInsn(LCONST_0);
                } else {
                    address(mv, baseSlot, cell);
                    mv.visitInsn(LALOAD);
                }
                mv.visitVarInsn(LSTORE, slot.get(cell));
            }
        }

        @Override
        public void epilogue() {
            for (int cell : chunk.stores()) {
                address(mv, baseSlot, cell);
                mv.visitVarInsn(LLOAD, slot.get(cell));
                mv.visitInsn(LASTORE);
            }
        }

        @Override public void load(int cell) { mv.visitVarInsn(LLOAD, slot.get(cell)); }
        @Override public void beginStore(int cell) {}
        @Override public void endStore(int cell) { mv.visitVarInsn(LSTORE, slot.get(cell)); }
    }
}
