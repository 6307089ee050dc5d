package kautz.lang.ast;

import java.util.List;

/** What functions and kernels share: a name, typed parameters, results and a body. */
public sealed interface Routine extends Node permits FnDecl, KernelDecl {
    String name();
    List<String> typeParams();
    List<Param> params();
    Results results();
    Block body();
}
