package kautz.flow;

import kautz.load.Design;

/**
 * Compiles a design: {@link Flow#compile} itself ({@link #DIRECT}), or a {@link CompileCache} in front of it.
 * {@code kautz run} and {@code compile} take one, so a sweep can share compiled programs between its points.
 */
@FunctionalInterface
public interface FlowCompiler {
    FlowCompiler DIRECT = Flow::compile;

    /** Exactly what {@link Flow#compile} returns (or throws) for the design and options. */
    Compiled compile(Design design, FlowOptions options);
}
