package kautz.cli;

import kautz.isa.Program;
import kautz.sim.RowTrace;
import kautz.sim.VcdWriter;
import kautz.util.AtomicFiles;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;

/** {@code --vcd OUT.vcd}: row 0 of a run as a waveform, shared by run, sim and trace. */
public final class VcdOption {
    @Option(names = "--vcd", paramLabel = "OUT.vcd",
            description = "write row 0's cells, ports and ops as a waveform (one time unit per op) for GTKWave or Surfer (default: none written)")
    Path vcd;

    boolean requested() { return vcd != null; }

    /** Writes row 0 of {@code inputPlanes} (in {@code program.inputs()} order) if --vcd was given. */
    void writeIfRequested(Program program, long[][] inputPlanes, PrintWriter err) {
        if (vcd == null) return;
        AtomicFiles.writeString(vcd, "a VCD waveform", java.util.Set.of("vcd"), VcdWriter.write(RowTrace.of(program, inputPlanes, 0)));
        err.println("kautz: wrote " + vcd);
    }
}
