package kautz.jit;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Where a state slot's current word is in the state array ({@link StateLayout}): pushes the array and the index. */
sealed interface Address extends Opcodes {
    void push(MethodVisitor mv, int slot);

    /** state[base + offset + slot]: a word's slots side by side, base in a local, offset selecting a word after it. */
    record Based(int baseSlot, int offset) implements Address {
        Based(int baseSlot) { this(baseSlot, 0); }

        @Override
        public void push(MethodVisitor mv, int slot) {
            mv.visitVarInsn(ALOAD, 0);
            mv.visitVarInsn(ILOAD, baseSlot);
            if (slot + offset != 0) {
                JitCompiler.pushInt(mv, slot + offset);
                mv.visitInsn(IADD);
            }
        }
    }

    /** state[slot * block + w]: a block's words of a slot side by side, w the loop's index in a local. */
    record Blocked(int wordSlot, int block) implements Address {
        @Override
        public void push(MethodVisitor mv, int slot) {
            mv.visitVarInsn(ALOAD, 0);
            if (slot != 0) JitCompiler.pushInt(mv, slot * block);
            mv.visitVarInsn(ILOAD, wordSlot);
            if (slot != 0) mv.visitInsn(IADD);
        }
    }
}
