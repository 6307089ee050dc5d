package kautz.bench;

import kautz.isa.Program;
import kautz.jit.JitEngine;
import kautz.ports.BitPlanes;
import kautz.sim.Engine;
import kautz.engines.Engines;
import kautz.sim.Executable;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares engines and JIT variants on one circuit in rounds, each round running every one of them once, after
 * all are warm and HotSpot's compiler is idle: on a shared machine the load drifts within seconds, and
 * alternating spreads the drift over all of them alike, where timing one after the other does not. Prints each
 * one's median and minimum thread CPU time over the rounds and, for JIT classes, the machine code C2 made of
 * their chunk methods (jcmd Compiler.codelist). {@code --rounds N --circuit sin|arbiter --variants interp,jit,V…}
 */
final class InterleavedRounds {
    private static final Pattern CHUNK = Pattern.compile("^\\d+ 4 \\d+ kautz\\.jit\\.Generated/(0x\\w+)\\.c\\d+\\(.*\\[0x(\\w+), 0x\\w+ - 0x(\\w+)\\]");

    private InterleavedRounds() {}

    static void run(Program p, String circuit, List<String> variants, int rounds, int rows, StringBuilder sb) {
        long[][] in = BitPlanes.random(p.inputs().size(), rows, 7);
        List<Executable> xs = new ArrayList<>();
        for (String v : variants) {
            Engine e = v.equals("interp") || v.equals("jit") ? Engines.byName(v) : new JitEngine(JitVariants.options(v));
            xs.add(e.prepare(p));
        }
        long start = System.nanoTime();
        CpuTimer.medianMs(() -> { for (Executable x : xs) x.run(in, rows); }, 4, 1); // warm all: compiler idle and stable
        double warm = (System.nanoTime() - start) / 1e9;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[][] ms = new double[xs.size()][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < xs.size(); k++) {
                long s = threads.getCurrentThreadCpuTime();
                xs.get(k).run(in, rows);
                ms[k][r] = (threads.getCurrentThreadCpuTime() - s) / 1e6;
            }
        }
        Map<String, long[]> code = machineCode();
        sb.append(String.format(Locale.ROOT, "%nInterleaved rounds on %s (%d gates, %d rows): %d rounds after %.0f s of warm-up, thread CPU ms%n%n",
                circuit, p.stats().gates(), rows, rounds, warm));
        sb.append("| engine / variant | median ms | min ms | ns per word-gate (median) |\n|---|---|---|---|\n");
        double wordGates = p.stats().gates() * (double) BitPlanes.words(rows);
        for (int k = 0; k < xs.size(); k++) {
            double[] t = ms[k].clone();
            Arrays.sort(t);
            sb.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.3f |%n", variants.get(k), t[rounds / 2], t[0], t[rounds / 2] * 1e6 / wordGates));
        }
        if (!code.isEmpty()) {
            sb.append("\nC2 code of the generated classes' chunk methods (in the order the classes were made):\n\n| class | chunk methods | bytes |\n|---|---|---|\n");
            code.forEach((cls, c) -> sb.append(String.format(Locale.ROOT, "| %s | %d | %d |%n", cls, c[0], c[1])));
        }
    }

    /** Per generated class, the number of its chunk methods compiled by C2 and the size of their code. */
    private static Map<String, long[]> machineCode() {
        Map<String, long[]> out = new TreeMap<>();
        String list = CpuTimer.diagnostic("compilerCodelist");
        for (String line : list.lines().toList()) {
            Matcher m = CHUNK.matcher(line);
            if (!m.find()) continue;
            long[] c = out.computeIfAbsent(m.group(1), k -> new long[2]);
            c[0]++;
            c[1] += Long.parseLong(m.group(3), 16) - Long.parseLong(m.group(2), 16);
        }
        return out;
    }
}
