package kautz.api;

import java.util.Map;

/**
 * What a run gave: each output port's value per row (unsigned, at most 64 bits), and the report of
 * {@code kautz run --json} ({@code mismatches} counts rows that differ from the reference evaluation).
 */
public record RunResult(Map<String, long[]> outputs, Map<String, Object> report, String reportJson) {
    public long mismatches() { return ((Number) report.get("mismatches")).longValue(); }
}
