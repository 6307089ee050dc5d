package kautz.lang.elab;

import kautz.lang.ast.SourceModule;
import kautz.lang.ast.Routine;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One invocation of a routine (or a constant's evaluation): its scopes of locals and its return state. */
final class Frame {
    final SourceModule module;
    final Routine routine;                 // null while evaluating a module-level constant
    private final Deque<Map<String, Object>> scopes = new ArrayDeque<>(); // Variable, IntVar or BigInteger
    int runtimeIfDepth;
    boolean returned;
    int[] returnValue;

    Frame(SourceModule module, Routine routine) {
        this.module = module;
        this.routine = routine;
        push();
    }

    void push() { scopes.push(new HashMap<>()); }
    void pop() { scopes.pop(); }

    void define(String name, Object binding) { scopes.peek().put(name, binding); }

    /** A {@link Variable}, an {@link IntVar}, a {@link BigInteger} (loop variable, width parameter), or null. */
    Object lookup(String name) {
        for (Map<String, Object> s : scopes) {
            Object o = s.get(name);
            if (o != null) return o;
        }
        return null;
    }

    List<Variable> variables() {
        List<Variable> vs = new ArrayList<>();
        for (Map<String, Object> s : scopes) for (Object o : s.values()) if (o instanceof Variable v) vs.add(v);
        return vs;
    }
}
