package kautz.jit;

import com.google.common.primitives.ImmutableIntArray;
import kautz.isa.IoBit;
import kautz.isa.MicroOp;
import kautz.isa.Program;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns a {@link Program} into the bytes of a class implementing {@link JitCode}: straight-line code over
 * the state array, one static method per {@link ChunkPlan.Chunk}. Each op becomes the few long operations
 * of its physical semantics, e.g. {@code nor d, a, b} is {@code d = d & ~(a | b)}; multi-level levels are
 * known statically in straight-line code, so {@code prog} emits nothing and {@code sense} stores constants.
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

    byte[] generate() {
        ChunkPlan plan = new ChunkPlan(program, options.chunkBytes());
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
        Map<Integer, Integer> levels = new HashMap<>();
        int n = plan.chunks.size();
        for (int c = 0; c < n; c++) chunk(cw, c, plan.chunks.get(c), written, levels);
        int groups = (n + CHUNKS_PER_DISPATCH - 1) / CHUNKS_PER_DISPATCH;
        for (int g = 0; g < groups; g++) dispatch(cw, g, g * CHUNKS_PER_DISPATCH, Math.min(n, (g + 1) * CHUNKS_PER_DISPATCH));
        run(cw, groups);
        cw.visitEnd();
        return cw.toByteArray();
    }

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

    private void chunk(ClassWriter cw, int index, ChunkPlan.Chunk chunk, BitSet written, Map<Integer, Integer> levels) {
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
        for (int i = chunk.from(); i < chunk.to(); i++) op(mv, cells, program.ops().get(i), levels);
        cells.epilogue();
        if (!perWord) {
            mv.visitIincInsn(3, 1);
            mv.visitVarInsn(ILOAD, 4); mv.visitVarInsn(ILOAD, 2); mv.visitInsn(IADD); mv.visitVarInsn(ISTORE, 4);
            mv.visitJumpInsn(GOTO, top);
            mv.visitLabel(done);
        }
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        for (int i = chunk.from(); i < chunk.to(); i++) {
            ImmutableIntArray t = ChunkPlan.writes(program.ops().get(i));
            for (int k = 0; k < t.length(); k++) written.set(t.get(k));
        }
    }

    private static void op(MethodVisitor mv, Cells c, MicroOp op, Map<Integer, Integer> levels) {
        ImmutableIntArray x = op.operands();
        switch (op.opcode()) {
            case INIT0, FALSE, INIT1 -> {
                for (int k = 0; k < x.length(); k++) {
                    c.beginStore(x.get(k));
                    constant(mv, op.opcode() != kautz.isa.Opcode.INIT1 ? 0 : -1L);
                    c.endStore(x.get(k));
                }
            }
            case NOR, NAND -> { // d := d & ~(a | b | …)   /   d := d & ~(a & b & …)
                int d = x.get(0);
                c.beginStore(d);
                c.load(d);
                fold(mv, c, x, 1, x.length(), op.opcode() == kautz.isa.Opcode.NOR ? LOR : LAND);
                not(mv);
                mv.visitInsn(LAND);
                c.endStore(d);
            }
            case OR, AND -> { // d := d | (a | b | …)   /   d := d | (a & b & …)
                int d = x.get(0);
                c.beginStore(d);
                c.load(d);
                fold(mv, c, x, 1, x.length(), op.opcode() == kautz.isa.Opcode.OR ? LOR : LAND);
                mv.visitInsn(LOR);
                c.endStore(d);
            }
            case IMP -> { // q := ~p | q
                int q = x.get(1);
                c.beginStore(q);
                c.load(x.get(0));
                not(mv);
                c.load(q);
                mv.visitInsn(LOR);
                c.endStore(q);
            }
            case MIN3 -> { // d := d & ~maj(a, b, e), maj = (a & b) | (e & (a | b))
                int d = x.get(0), a = x.get(1), b = x.get(2), e = x.get(3);
                c.beginStore(d);
                c.load(d);
                c.load(a); c.load(b); mv.visitInsn(LAND);
                c.load(e); c.load(a); c.load(b); mv.visitInsn(LOR); mv.visitInsn(LAND);
                mv.visitInsn(LOR);
                not(mv);
                mv.visitInsn(LAND);
                c.endStore(d);
            }
            case PROG -> levels.put(x.get(0), op.level());
            case SENSE -> {
                int level = levels.getOrDefault(x.get(x.length() - 1), 0);
                for (int k = 0; k < x.length() - 1; k++) {
                    c.beginStore(x.get(k));
                    constant(mv, k < 31 && (level >>> k & 1) != 0 ? -1L : 0L);
                    c.endStore(x.get(k));
                }
            }
        }
    }

    private static void fold(MethodVisitor mv, Cells c, ImmutableIntArray x, int from, int to, int insn) {
        c.load(x.get(from));
        for (int k = from + 1; k < to; k++) {
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
