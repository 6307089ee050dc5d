package kautz.diag;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ActivityTest {
    @Test
    void aStageOverTwoSecondsIsNamedThenEveryTenSeconds() {
        long[] now = {System.nanoTime()};
        StringWriter w = new StringWriter();
        Activity.Reporter r = new Activity.Reporter(new PrintWriter(w), () -> now[0]);
        r.tick();
        assertEquals("", w.toString(), "no stage, nothing to say");
        Activity.stage("scheduling k (9 gates)");
        now[0] = System.nanoTime() + 1_900_000_000L;
        r.tick();
        assertEquals("", w.toString(), "a short stage is silent");
        now[0] += 200_000_000L;
        r.tick();
        r.tick();
        assertEquals("kautz: scheduling k (9 gates) (2 s so far)\n", w.toString());
        now[0] += 10_000_000_000L;
        r.tick();
        assertEquals("kautz: scheduling k (9 gates) (2 s so far)\nkautz: scheduling k (9 gates) (12 s so far)\n", w.toString());
    }
}
