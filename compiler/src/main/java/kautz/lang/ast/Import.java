package kautz.lang.ast;

import java.util.List;

/** {@code import std.arith;} — {@code path} is {@code [std, arith]}. */
public record Import(Pos pos, List<String> path) implements Item {
    public Import { path = List.copyOf(path); }

    public String dotted() { return String.join(".", path); }
}
