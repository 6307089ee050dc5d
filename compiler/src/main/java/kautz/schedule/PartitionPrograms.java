package kautz.schedule;

import com.google.common.collect.ImmutableList;
import kautz.isa.IoBit;
import kautz.isa.MicroOp;
import kautz.isa.PartitionModel;
import kautz.isa.Partitions;
import kautz.isa.Program;
import com.google.common.primitives.ImmutableIntArray;

import java.util.List;

/** Builds the program of a partitioned schedule from its cycle lines. */
final class PartitionPrograms {
    private PartitionPrograms() {}

    static Program of(String kernel, String target, ScheduleOptions options, int[] widths,
                      ImmutableList<IoBit> inputs, ImmutableList<IoBit> outputs, List<List<MicroOp>> lines) {
        Partitions partitions = new Partitions(ImmutableIntArray.copyOf(widths));
        PartitionModel model = options.partitionCount() == 1 ? PartitionModel.UNLIMITED : options.model();
        return Program.ofCycles(kernel, target, partitions.rowSize(), options.init(), inputs, outputs, lines, false, partitions, model);
    }
}
