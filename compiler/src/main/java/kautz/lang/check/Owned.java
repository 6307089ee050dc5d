package kautz.lang.check;

import kautz.lang.ast.SourceModule;

/** A declaration together with the module it was written in (its names resolve there). */
public record Owned<T>(T decl, SourceModule module) {}
