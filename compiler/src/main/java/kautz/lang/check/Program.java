package kautz.lang.check;

import kautz.lang.ast.SourceModule;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** A main module with every module it imports (transitively), each with its resolved scope. */
public final class Program {
    private final SourceModule main;
    private final Map<SourceModule, ModuleScope> scopes;
    private final List<SourceModule> order;

    /** @param order the modules in load order (main first) */
    Program(SourceModule main, Map<SourceModule, ModuleScope> scopes, List<SourceModule> order) {
        this.main = main;
        this.scopes = new IdentityHashMap<>(scopes);
        this.order = List.copyOf(order);
    }

    public SourceModule main() { return main; }

    public ModuleScope scope(SourceModule m) {
        ModuleScope s = scopes.get(m);
        if (s == null) throw new IllegalArgumentException("module not part of this program: " + m.source().name());
        return s;
    }

    /** All modules, main first, then in the order they were imported. */
    public List<SourceModule> modules() { return order; }
}
