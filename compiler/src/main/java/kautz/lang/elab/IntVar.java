package kautz.lang.elab;

import java.math.BigInteger;

/**
 * A compile-time {@code int} variable of one routine invocation. It remembers how deep in run-time
 * {@code if}s it was declared: assigning it deeper would make its value depend on run-time data.
 */
final class IntVar {
    final String name;
    final int runtimeIfDepth;
    BigInteger value;

    IntVar(String name, int runtimeIfDepth, BigInteger value) {
        this.name = name;
        this.runtimeIfDepth = runtimeIfDepth;
        this.value = value;
    }
}
