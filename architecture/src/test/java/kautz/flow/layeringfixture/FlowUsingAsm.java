package kautz.flow.layeringfixture;

import org.objectweb.asm.ClassWriter;

/** A compiler class that generates bytecode itself, for {@code LayeringRulesTest}. */
public final class FlowUsingAsm {
    public static byte[] empty() { return new ClassWriter(0).toByteArray(); }
}
