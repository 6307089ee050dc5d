package kautz.lang.ast;

/** {@code name: type}, a parameter or a named result. */
public record Param(Pos pos, String name, TypeRef type) implements Node {}
