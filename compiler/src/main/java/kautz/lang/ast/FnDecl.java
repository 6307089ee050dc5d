package kautz.lang.ast;

import java.util.List;

/** {@code fn name<N…>(params) -> results { body }} — inlined at every call. */
public record FnDecl(Pos pos, String name, List<String> typeParams, List<Param> params, Results results, Block body)
        implements Item, Routine {
    public FnDecl {
        typeParams = List.copyOf(typeParams);
        params = List.copyOf(params);
    }
}
