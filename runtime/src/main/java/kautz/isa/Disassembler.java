package kautz.isa;

import kautz.util.AtomicFiles;

import java.nio.file.Path;

/**
 * Writes a {@link Program} as text: the {@code .kasm} form that {@link Assembler} reads back to an equal
 * program, or one of the listings researchers already read ({@link ListingFormat}).
 */
public final class Disassembler {
    private Disassembler() {}

    /** The .kasm text of a program. */
    public static String toKasm(Program p) {
        StringBuilder sb = new StringBuilder(64 + 16 * p.ops().size());
        ProgramStats s = p.stats();
        sb.append("# Kautz micro-op program (.kasm, see docs/isa.md)\n");
        sb.append("# gates ").append(s.gates()).append(", logic cycles ").append(s.logicCycles())
                .append(", init cycles ").append(s.initCycles()).append(", cycles ").append(s.cycles())
                .append(", cells ").append(s.cells()).append(", io cycles ").append(s.ioCycles());
        if (p.isParallel()) sb.append(", parallelism ").append(String.format(java.util.Locale.ROOT, "%.2f", s.parallelism()));
        sb.append('\n');
        sb.append(".kernel ").append(KasmNames.quote(p.kernel())).append('\n');
        sb.append(".target ").append(KasmNames.quote(p.target())).append('\n');
        sb.append(".rowsize ").append(p.rowSize()).append('\n');
        sb.append(".init ").append(p.initModel().label()).append('\n');
        if (!p.partitions().isSingle()) sb.append(".partitions ").append(p.partitions()).append('\n');
        if (!p.partitions().isSingle() || p.model() != PartitionModel.UNLIMITED) sb.append(".model ").append(p.model().label()).append('\n');
        if (p.consumesInputs()) sb.append(".consume-inputs\n");
        for (IoBit b : p.inputs()) sb.append(".input ").append(KasmNames.quote(b.name())).append(' ').append(b.cell()).append('\n');
        for (IoBit b : p.outputs()) sb.append(".output ").append(KasmNames.quote(b.name())).append(' ').append(b.cell()).append('\n');
        sb.append('\n');
        for (int c = 0; c < p.cycleCount(); c++) {
            for (int i = p.cycleStart(c); i < p.cycleEnd(c); i++) sb.append(i == p.cycleStart(c) ? "" : " | ").append(p.ops().get(i));
            sb.append('\n');
        }
        sb.append(".end ").append(p.ops().size()).append(" ops\n"); // a file cut short lacks it
        return sb.toString();
    }

    /** The program in the given format. */
    public static String render(Program p, ListingFormat format) {
        return format.render(p);
    }

    /** Writes the program to a file in the given format, atomically. */
    public static void write(Program p, ListingFormat format, Path file) {
        AtomicFiles.writeString(file, format.label() + " program text", format.extensions(), render(p, format));
    }
}
