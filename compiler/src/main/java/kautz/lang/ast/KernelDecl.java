package kautz.lang.ast;

import java.util.List;

/** {@code kernel name(params) -> results { body }} — an entry point; parameters are inputs, results outputs. */
public record KernelDecl(Pos pos, String name, List<Param> params, Results results, Block body)
        implements Item, Routine {
    public KernelDecl { params = List.copyOf(params); }

    @Override
    public List<String> typeParams() { return List.of(); }
}
