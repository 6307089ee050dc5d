package kautz.jit;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** The operations generated code applies to the values of cells: on longs (64 rows) or on vectors of longs. */
sealed interface Alu {
    void and();

    void or();

    void not();

    void constant(long v);

    /** On longs, 64 rows each. */
    record Longs(MethodVisitor mv) implements Alu, Opcodes {
        @Override public void and() { mv.visitInsn(LAND); }
        @Override public void or() { mv.visitInsn(LOR); }
        @Override public void not() { JitCompiler.constant(mv, -1L); mv.visitInsn(LXOR); }
        @Override public void constant(long v) { JitCompiler.constant(mv, v); }
    }

    /** jdk.incubator.vector's LongVector in the species of {@code lanes} longs. */
    record Vectors(MethodVisitor mv, int lanes) implements Alu, Opcodes {
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
}
