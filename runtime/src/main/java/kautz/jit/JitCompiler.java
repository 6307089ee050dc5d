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

    /** per word: (state, base); per chunk: (state, words, stride); per block: (state, words). */
    private String chunkDesc() { return perWord || perBlock ? "([JI)V" : "([JII)V"; }

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

    private void chunk(ClassWriter cw, int index, ChunkPlan.Chunk chunk, List<JitOp> ops, BitSet written) {
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
        Alu alu = lanes > 0 ? new VectorAlu(mv, lanes) : new LongAlu(mv);
        boolean complements = options.complements();
        Cells cells = lanes > 0 ? new VectorCells(mv, (VectorAlu) alu, address, firstCellSlot, chunk, complements)
                : options.cellsInLocals() ? new LocalCells(mv, alu, address, firstCellSlot, chunk, ops, complements)
                : new ArrayCells(mv, alu, address, written, complements);
        cells.prologue();
        for (int i = chunk.from(); i < chunk.to(); i++) {
            cells.at(i);
            op(alu, cells, ops.get(i));
        }
        cells.epilogue();
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
        largestChunk = Math.max(largestChunk, end.getOffset() + 1);
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        for (int i = chunk.from(); i < chunk.to(); i++) written.set(ops.get(i).dest());
    }

    private static void op(Alu alu, Cells c, JitOp op) {
        ImmutableIntArray x = op.sources();
        int d = op.dest();
        c.beginStore(d);
        switch (op.kind()) {
            case SET -> alu.constant(op.constant());
            case NOR, NAND -> { // d & ~(a | b | …)   /   d & ~(a & b & …)
                if (op.kind() == JitOp.Kind.NOR && op.fresh() && c.tracksComplements) {
                    freshNor(alu, c, op);
                    return;
                }
                fold(alu, c, x, op.kind() == JitOp.Kind.NOR);
                alu.not();
                combine(alu, c, op, false);
            }
            case OR, AND -> { // d | (a | b | …)   /   d | (a & b & …)
                fold(alu, c, x, op.kind() == JitOp.Kind.OR);
                combine(alu, c, op, true);
            }
            case FOLD_AND -> { // d & (a & b & …)
                fold(alu, c, x, false);
                combine(alu, c, op, false);
            }
            case IMP -> { // ~p | q
                c.load(x.get(0));
                alu.not();
                combine(alu, c, op, true);
            }
            case MIN3 -> { // d & ~maj(a, b, e), maj = (a & b) | (e & (a | b))
                int a = x.get(0), b = x.get(1), e = x.get(2);
                c.load(a); c.load(b); alu.and();
                c.load(e); c.load(a); c.load(b); alu.or(); alu.and();
                alu.or();
                alu.not();
                combine(alu, c, op, false);
            }
        }
        c.endStore(d, false);
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

    /** Combines the value on the stack with the destination's old value (by OR or AND), unless the op is fresh. */
    private static void combine(Alu alu, Cells c, JitOp op, boolean or) {
        if (op.fresh()) return;
        c.load(op.dest());
        if (or) alu.or();
        else alu.and();
    }

    private static void fold(Alu alu, Cells c, ImmutableIntArray x, boolean or) {
        c.load(x.get(0));
        for (int k = 1; k < x.length(); k++) {
            c.load(x.get(k));
            if (or) alu.or();
            else alu.and();
        }
    }

    /** The operations on the values of cells: on longs (64 rows) or on vectors of longs. */
    private interface Alu {
        void and();
        void or();
        void not();
        void constant(long v);
    }

    private record LongAlu(MethodVisitor mv) implements Alu {
        @Override public void and() { mv.visitInsn(LAND); }
        @Override public void or() { mv.visitInsn(LOR); }
        @Override public void not() { JitCompiler.constant(mv, -1L); mv.visitInsn(LXOR); }
        @Override public void constant(long v) { JitCompiler.constant(mv, v); }
    }

    /** jdk.incubator.vector's LongVector in the species of {@code lanes} longs. */
    private record VectorAlu(MethodVisitor mv, int lanes) implements Alu {
        static final String VECTOR = "jdk/incubator/vector/LongVector";
        static final String SPECIES = "Ljdk/incubator/vector/VectorSpecies;";
        static final String BINARY = "(Ljdk/incubator/vector/Vector;)L" + VECTOR + ";";

        @Override public void and() { mv.visitMethodInsn(INVOKEVIRTUAL, VECTOR, "and", BINARY, false); }
        @Override public void or() { mv.visitMethodInsn(INVOKEVIRTUAL, VECTOR, "or", BINARY, false); }
        @Override public void not() { mv.visitMethodInsn(INVOKEVIRTUAL, VECTOR, "not", "()L" + VECTOR + ";", false); }

        @Override
        public void constant(long v) {
            species();
            JitCompiler.constant(mv, v);
            mv.visitMethodInsn(INVOKESTATIC, VECTOR, "broadcast", "(" + SPECIES + "J)L" + VECTOR + ";", false);
        }

        void species() { mv.visitFieldInsn(GETSTATIC, VECTOR, "SPECIES_" + lanes * 64, SPECIES); }

        /** Pushes the vector at the index on the stack (the array below it). */
        void fromArray() { mv.visitMethodInsn(INVOKESTATIC, VECTOR, "fromArray", "(" + SPECIES + "[JI)L" + VECTOR + ";", false); }

        /** Stores the vector below the array and index on the stack. */
        void intoArray() { mv.visitMethodInsn(INVOKEVIRTUAL, VECTOR, "intoArray", "([JI)V", false); }
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

    /**
     * How generated code reaches a cell's value. A cell kept in a local may hold its value's complement
     * (tracked statically, the code being straight-line), so that a NOT costs nothing and a NOR one
     * operation; {@link #load} gives the value itself, and stores to the state array always hold values.
     */
    private abstract static class Cells {
        final Alu alu;
        /** Whether fresh NORs may leave complements ({@link JitOptions#complements()}). */
        final boolean tracksComplements;
        private final BitSet complemented = new BitSet();

        Cells(Alu alu, boolean tracksComplements) {
            this.alu = alu;
            this.tracksComplements = tracksComplements;
        }

        abstract void prologue();
        abstract void epilogue();
        /** Pushes what the cell's place holds (its value, or the complement when {@link #complemented}). */
        abstract void pushRaw(int cell);
        /** Before the value to store is pushed. */
        abstract void beginStore(int cell);
        /** Stores the pushed value, or its complement when {@code complement}, in the cell's place. */
        abstract void storeRaw(int cell, boolean complement);

        final boolean complemented(int cell) { return complemented.get(cell); }

        final void setComplemented(int cell, boolean complement) { complemented.set(cell, complement); }

        /** Before the code of the op at this index in the program. */
        void at(int opIndex) {}

        /** Pushes the cell's value. */
        final void load(int cell) {
            pushRaw(cell);
            if (complemented(cell)) alu.not();
        }

        /** After the new value (its complement when {@code complement}) is pushed. */
        final void endStore(int cell, boolean complement) { storeRaw(cell, complement); }
    }

    /** Where a cell's current word is in the state array: pushes the array and the index. */
    private sealed interface Address {
        void push(MethodVisitor mv, int cell);

        /** state[base + cell]: a word's cells side by side, base in a local. */
        record Based(int baseSlot) implements Address {
            @Override
            public void push(MethodVisitor mv, int cell) {
                mv.visitVarInsn(ALOAD, 0);
                mv.visitVarInsn(ILOAD, baseSlot);
                if (cell != 0) {
                    pushInt(mv, cell);
                    mv.visitInsn(IADD);
                }
            }
        }

        /** state[cell * block + w]: a block's words of a cell side by side, w the loop's index in a local. */
        record Blocked(int wordSlot, int block) implements Address {
            @Override
            public void push(MethodVisitor mv, int cell) {
                mv.visitVarInsn(ALOAD, 0);
                if (cell != 0) pushInt(mv, cell * block);
                mv.visitVarInsn(ILOAD, wordSlot);
                if (cell != 0) mv.visitInsn(IADD);
            }
        }
    }

    /** Every access goes to the state array; reads of cells never written yet are the constant 0. */
    private static final class ArrayCells extends Cells {
        private final MethodVisitor mv;
        private final Address address;
        private final BitSet written;

        ArrayCells(MethodVisitor mv, Alu alu, Address address, BitSet written, boolean complements) {
            super(alu, complements);
            this.mv = mv;
            this.address = address;
            this.written = (BitSet) written.clone();
        }

        @Override void prologue() {}
        @Override void epilogue() {}

        @Override
        void pushRaw(int cell) {
            if (!written.get(cell)) {
                mv.visitInsn(LCONST_0);
                return;
            }
            address.push(mv, cell);
            mv.visitInsn(LALOAD);
        }

        @Override void beginStore(int cell) { address.push(mv, cell); }

        @Override
        void storeRaw(int cell, boolean complement) {
            if (complement) alu.not(); // the array holds values only
            mv.visitInsn(LASTORE);
            written.set(cell);
        }
    }

    /** A chunk's cells in local variables: live-ins loaded once, live-outs stored once. */
    private static final class LocalCells extends Cells {
        private final MethodVisitor mv;
        private final Address address;
        private final ChunkPlan.Chunk chunk;
        private final Map<Integer, Integer> slot = new HashMap<>();

        /** Live-in cells not loaded yet: 0 for a cell never written (it reads as 0), 1 for one in the array. */
        private final Map<Integer, Integer> pendingLoads = new HashMap<>();
        /** Per live-out cell, the op that writes it for the last time in the chunk: its value is stored there. */
        private final Map<Integer, Integer> finalWrite = new HashMap<>();
        private int op;

        /**
         * A live-in cell is loaded where it is first read and a live-out cell stored where it is last written,
         * not all at the start and the end of the chunk: fewer values live at once, so fewer register spills.
         */
        LocalCells(MethodVisitor mv, Alu alu, Address address, int firstSlot, ChunkPlan.Chunk chunk, List<JitOp> ops, boolean complements) {
            super(alu, complements);
            this.mv = mv;
            this.address = address;
            this.chunk = chunk;
            int s = firstSlot;
            for (int c : chunk.cells()) {
                slot.put(c, s);
                s += 2;
            }
            for (int k = 0; k < chunk.loads().length; k++) pendingLoads.put(chunk.loads()[k], chunk.loadIsZero()[k] ? 0 : 1);
            BitSet out = new BitSet();
            for (int c : chunk.stores()) out.set(c);
            for (int i = chunk.from(); i < chunk.to(); i++) if (out.get(ops.get(i).dest())) finalWrite.put(ops.get(i).dest(), i);
        }

        @Override void prologue() {}
        @Override void epilogue() {}
        @Override void at(int opIndex) { op = opIndex; }

        @Override
        void pushRaw(int cell) {
            Integer pending = pendingLoads.remove(cell);
            if (pending == null) {
                mv.visitVarInsn(LLOAD, slot.get(cell));
                return;
            }
            if (pending == 0) {
                mv.visitInsn(LCONST_0);
            } else {
                address.push(mv, cell);
                mv.visitInsn(LALOAD);
            }
            mv.visitInsn(DUP2);
            mv.visitVarInsn(LSTORE, slot.get(cell));
        }

        @Override void beginStore(int cell) {}

        @Override
        void storeRaw(int cell, boolean complement) {
            pendingLoads.remove(cell); // written before read (cannot happen for a live-in, which is read first)
            mv.visitVarInsn(LSTORE, slot.get(cell));
            setComplemented(cell, complement);
            if (Integer.valueOf(op).equals(finalWrite.get(cell))) {
                address.push(mv, cell);
                load(cell);
                mv.visitInsn(LASTORE);
            }
        }
    }

    /** Like {@link LocalCells}, with a vector of {@code lanes} words per local. */
    private static final class VectorCells extends Cells {
        private final MethodVisitor mv;
        private final VectorAlu vectors;
        private final Address address;
        private final ChunkPlan.Chunk chunk;
        private final Map<Integer, Integer> slot = new HashMap<>();

        VectorCells(MethodVisitor mv, VectorAlu alu, Address address, int firstSlot, ChunkPlan.Chunk chunk, boolean complements) {
            super(alu, complements);
            this.mv = mv;
            this.vectors = alu;
            this.address = address;
            this.chunk = chunk;
            int s = firstSlot;
            for (int c : chunk.cells()) slot.put(c, s++);
        }

        @Override
        void prologue() {
            for (int k = 0; k < chunk.loads().length; k++) {
                int cell = chunk.loads()[k];
                if (chunk.loadIsZero()[k]) {
                    vectors.constant(0);
                } else {
                    vectors.species();
                    address.push(mv, cell);
                    vectors.fromArray();
                }
                mv.visitVarInsn(ASTORE, slot.get(cell));
            }
        }

        @Override
        void epilogue() {
            for (int cell : chunk.stores()) {
                load(cell);
                address.push(mv, cell);
                vectors.intoArray();
            }
        }

        @Override void pushRaw(int cell) { mv.visitVarInsn(ALOAD, slot.get(cell)); }
        @Override void beginStore(int cell) {}

        @Override
        void storeRaw(int cell, boolean complement) {
            mv.visitVarInsn(ASTORE, slot.get(cell));
            setComplemented(cell, complement);
        }
    }
}
