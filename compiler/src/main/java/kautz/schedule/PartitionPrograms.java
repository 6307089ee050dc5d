package kautz.schedule;

import com.google.common.collect.ImmutableList;
import kautz.isa.IoBit;
import kautz.isa.MicroOp;
import kautz.isa.Program;

import java.util.List;

/** Builds the program of a partitioned schedule from its cycle lines. */
final class PartitionPrograms {
    private PartitionPrograms() {}
    static int lastLines;
    static final java.util.Map<Program, Integer> LINES = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
    static long cycles(Program p) { return LINES.get(p); }

    static Program of(String kernel, String target, int rowSize, ScheduleOptions options, int[] widths,
                      ImmutableList<IoBit> inputs, ImmutableList<IoBit> outputs, List<List<MicroOp>> lines) {
        lastLines = lines.size();
        ImmutableList.Builder<MicroOp> ops = ImmutableList.builder();
        for (List<MicroOp> l : lines) ops.addAll(l);
        Program p = new Program(kernel, target, rowSize, options.init(), inputs, outputs, ops.build());
        LINES.put(p, lines.size());
        return p;
    }
}
