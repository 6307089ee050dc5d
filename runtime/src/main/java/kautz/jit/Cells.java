package kautz.jit;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How generated code reaches a cell's value. A cell kept in a local may hold its value's complement
 * (tracked statically, the code being straight-line), so that a NOT costs nothing and a NOR one
 * operation; {@link #load} gives the value itself, and stores to the state array always hold values.
 */
abstract class Cells implements Opcodes {
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

    /** Every access goes to the state array; reads of cells never written yet are the constant 0. */
    static final class ArrayCells extends Cells {
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

    /** A chunk's cells in local variables (registers after C2): each live-in loaded once, each live-out stored once. */
    static final class LocalCells extends Cells {
        private final MethodVisitor mv;
        private final Address address;
        /** The local variable holding each cell's value now. */
        private final Map<Integer, Integer> slot = new HashMap<>();
        /** Local variables free for reuse (two slots per long: the first's index). */
        private final java.util.TreeSet<Integer> freeLocals = new java.util.TreeSet<>();
        private int nextLocal;
        /** Per cell, the last op of the chunk that reads or writes it: after that op its local is free. */
        private final Map<Integer, Integer> lastAccess = new HashMap<>();
        private final Map<Integer, List<Integer>> freeAfter = new HashMap<>();

        /** Live-in cells not loaded yet, with their state slot; -1 for a cell never written (it reads as 0). */
        private final Map<Integer, Integer> pendingLoads = new HashMap<>();
        /** Per live-out cell, the op that writes it for the last time in the chunk: its value is stored there. */
        private final Map<Integer, Integer> finalWrite = new HashMap<>();
        /** Per live-out cell, its state slot. */
        private final Map<Integer, Integer> storeSlot = new HashMap<>();
        private int op = -1;

        /**
         * A live-in cell is loaded where it is first read and a live-out cell stored where it is last written,
         * not all at the start and the end of the chunk: fewer values live at once, so fewer register spills.
         * {@code loadSlots} and {@code storeSlots} (parallel to the chunk's loads and stores) say where in the
         * word's state they are ({@link StateLayout}). A cell's local is reused once the cell's last access in the
         * chunk is done: C2 does not care (it renames values anyway), but with fewer than 128 longs live a local
         * is addressed with one byte instead of three (wide), so a method holds about 30% more ops under
         * HotSpot's 8000-byte compile limit.
         */
        LocalCells(MethodVisitor mv, Alu alu, Address address, int firstSlot, ChunkPlan.Chunk chunk, List<JitOp> ops, boolean complements,
                   int[] loadSlots, int[] storeSlots) {
            super(alu, complements);
            this.mv = mv;
            this.address = address;
            nextLocal = firstSlot;
            for (int i = chunk.from(); i < chunk.to(); i++) {
                JitOp o = ops.get(i);
                for (int k = 0; k < o.sources().length(); k++) lastAccess.put(o.sources().get(k), i);
                lastAccess.put(o.dest(), i);
            }
            lastAccess.forEach((cell, i) -> freeAfter.computeIfAbsent(i, x -> new java.util.ArrayList<>()).add(cell));
            for (int k = 0; k < chunk.loads().length; k++) pendingLoads.put(chunk.loads()[k], chunk.loadIsZero()[k] ? -1 : loadSlots[k]);
            for (int k = 0; k < chunk.stores().length; k++) storeSlot.put(chunk.stores()[k], storeSlots[k]);
            for (int i = chunk.from(); i < chunk.to(); i++) if (storeSlot.containsKey(ops.get(i).dest())) finalWrite.put(ops.get(i).dest(), i);
        }

        @Override void prologue() {}
        @Override void epilogue() {}

        @Override
        void at(int opIndex) {
            for (int cell : freeAfter.getOrDefault(op, List.of())) {
                Integer local = slot.remove(cell);
                if (local != null) freeLocals.add(local);
            }
            op = opIndex;
        }

        /** The cell's local, taking the lowest free one if it has none. */
        private int local(int cell) {
            return slot.computeIfAbsent(cell, c -> {
                Integer free = freeLocals.pollFirst();
                if (free != null) return free;
                nextLocal += 2;
                return nextLocal - 2;
            });
        }

        @Override
        void pushRaw(int cell) {
            Integer pending = pendingLoads.remove(cell);
            if (pending == null) {
                mv.visitVarInsn(LLOAD, slot.get(cell));
                return;
            }
            if (pending < 0) {
                mv.visitInsn(LCONST_0);
            } else {
                address.push(mv, pending);
                mv.visitInsn(LALOAD);
            }
            mv.visitInsn(DUP2);
            mv.visitVarInsn(LSTORE, local(cell));
        }

        @Override void beginStore(int cell) {}

        @Override
        void storeRaw(int cell, boolean complement) {
            pendingLoads.remove(cell); // written before read (cannot happen for a live-in, which is read first)
            mv.visitVarInsn(LSTORE, local(cell));
            setComplemented(cell, complement);
            if (Integer.valueOf(op).equals(finalWrite.get(cell))) {
                address.push(mv, storeSlot.get(cell));
                load(cell);
                mv.visitInsn(LASTORE);
            }
        }
    }

    /** Like {@link LocalCells}, with a vector of {@code lanes} words per local. */
    static final class VectorCells extends Cells {
        private final MethodVisitor mv;
        private final Alu.Vectors vectors;
        private final Address address;
        private final ChunkPlan.Chunk chunk;
        private final Map<Integer, Integer> slot = new HashMap<>();

        private final int[] loadSlots, storeSlots;

        VectorCells(MethodVisitor mv, Alu.Vectors alu, Address address, int firstSlot, ChunkPlan.Chunk chunk, boolean complements,
                    int[] loadSlots, int[] storeSlots) {
            super(alu, complements);
            this.loadSlots = loadSlots;
            this.storeSlots = storeSlots;
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
                    address.push(mv, loadSlots[k]);
                    vectors.fromArray();
                }
                mv.visitVarInsn(ASTORE, slot.get(cell));
            }
        }

        @Override
        void epilogue() {
            for (int k = 0; k < chunk.stores().length; k++) {
                load(chunk.stores()[k]);
                address.push(mv, storeSlots[k]);
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
