package kautz.api;

import java.util.Map;

/**
 * A formal equivalence check, as {@code kautz verify} reports it.
 *
 * @param result     {@code equivalent}, {@code not equivalent} or {@code undecided}
 * @param report     the keys of {@code kautz verify --json} (a counterexample when not equivalent)
 * @param text       the human-readable report {@code kautz verify} prints
 */
public record Verification(String result, Map<String, Object> report, String reportJson, String text) {
    public boolean equivalent() { return result.equals("equivalent"); }
}
