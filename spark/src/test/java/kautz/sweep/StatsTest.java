package kautz.sweep;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StatsTest {
    @Test
    void percentilesInterpolateLikeNumpy() {
        // numpy.percentile([1..10], [5, 50, 95]) = 1.45, 5.5, 9.55
        Stats s = Stats.of(new double[] {10, 9, 8, 7, 6, 5, 4, 3, 2, 1});
        assertEquals(10, s.n());
        assertEquals(5.5, s.mean(), 1e-12);
        assertEquals(1.45, s.p5(), 1e-12);
        assertEquals(5.5, s.p50(), 1e-12);
        assertEquals(9.55, s.p95(), 1e-12);
    }

    @Test
    void nonNumbersAreLeftOut() {
        Stats s = Stats.of(new double[] {Double.NaN, 4, Double.NaN});
        assertEquals(1, s.n());
        assertEquals(4, s.p5());
        assertEquals(0, Stats.of(new double[] {Double.NaN}).n());
        assertEquals(Double.NaN, Measures.number("unbounded"));
    }

    @Test
    void formatsCompactly() {
        assertEquals("12", Stats.format(12));
        assertEquals("0.25", Stats.format(0.25));
        assertEquals("12345700000", Stats.format(12345678901.5));
        assertEquals("2016320", Stats.format(2016320.5));
        assertEquals("", Stats.format(Double.NaN));
    }

    @Test
    void csvNumbersHaveOneFormatAndEveryDigit() {
        assertEquals("2016320.5", Stats.csv(2016320.5));
        assertEquals("1657887", Stats.csv(1657887));
        assertEquals("0.1", Stats.csv(0.1));
        assertEquals("0.00001", Stats.csv(1e-5));
        assertEquals("0.30000000000000004", Stats.csv(0.1 + 0.2), "full precision: it reads back as the same double");
        assertEquals("12345678901.5", Stats.csv(12345678901.5));
        assertEquals("", Stats.csv(Double.NaN));
        assertEquals("20163205", Stats.csv("2.0163205E7"));
        assertEquals("13", Stats.csv("13.0"));
        assertEquals("0", Stats.csv("0.0"));
        assertEquals("unbounded", Stats.csv("unbounded"));
    }
}
