package kautz.api;

import java.math.BigInteger;
import java.util.Map;

/**
 * What a run gave: each output port's value per row, and the report of {@code kautz run --json}
 * ({@code mismatches} counts rows that differ from the reference evaluation).
 *
 * @param outputs the ports of at most 64 bits, as unsigned {@code long}s (a 64-bit value above
 *                {@code Long.MAX_VALUE} reads as negative: {@link Long#toUnsignedString(long)})
 * @param values  every port, of any width, as non-negative {@code BigInteger}s
 */
public record RunResult(Map<String, long[]> outputs, Map<String, BigInteger[]> values, Map<String, Object> report, String reportJson) {
    public long mismatches() { return ((Number) report.get("mismatches")).longValue(); }
}
