package kautz.lang.ast;

import java.util.List;

/** A source file as read: its display name (a path or a stdlib resource) and its lines, for error messages. */
public record SourceText(String name, String text) {
    public String line(int n) {
        List<String> lines = text.lines().toList();
        return n >= 1 && n <= lines.size() ? lines.get(n - 1) : null;
    }

    @Override
    public String toString() { return name; }
}
