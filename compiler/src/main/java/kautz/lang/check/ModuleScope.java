package kautz.lang.check;

import kautz.lang.ast.ConstDecl;
import kautz.lang.ast.FnDecl;
import kautz.lang.ast.MemDecl;
import kautz.lang.ast.SourceModule;

import java.util.Map;

/**
 * The module-level names visible inside one module: its own constants, functions and mems, plus the
 * constants and functions of the modules it imports (not their imports).
 */
public record ModuleScope(SourceModule module, Map<String, Owned<ConstDecl>> consts, Map<String, Owned<FnDecl>> fns,
                          Map<String, MemDecl> mems) {
    public ModuleScope {
        consts = Map.copyOf(consts);
        fns = Map.copyOf(fns);
        mems = Map.copyOf(mems);
    }
}
