package kautz.jit;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Where a cell's current word is in the state array: pushes the array and the index. */
sealed interface Address extends Opcodes {
    void push(MethodVisitor mv, int cell);

    /** state[base + cell]: a word's cells side by side, base in a local. */
    record Based(int baseSlot) implements Address {
        @Override
        public void push(MethodVisitor mv, int cell) {
            mv.visitVarInsn(ALOAD, 0);
            mv.visitVarInsn(ILOAD, baseSlot);
            if (cell != 0) {
                JitCompiler.pushInt(mv, cell);
                mv.visitInsn(IADD);
            }
        }
    }

    /** state[cell * block + w]: a block's words of a cell side by side, w the loop's index in a local. */
    record Blocked(int wordSlot, int block) implements Address {
        @Override
        public void push(MethodVisitor mv, int cell) {
            mv.visitVarInsn(ALOAD, 0);
            if (cell != 0) JitCompiler.pushInt(mv, cell * block);
            mv.visitVarInsn(ILOAD, wordSlot);
            if (cell != 0) mv.visitInsn(IADD);
        }
    }
}
