package kautz.api;

import com.google.common.collect.ImmutableList;
import kautz.flow.Compiled;
import kautz.flow.Reports;
import kautz.isa.Disassembler;
import kautz.isa.Program;
import kautz.ports.Port;
import kautz.ports.Ports;

import java.util.Map;

/**
 * A compiled design: the program, every stage before it ({@link #compiled()}), and the report of
 * {@code kautz compile --json}.
 *
 * @param source   the file, or {@code <source>} for source text
 * @param options  what it was compiled with
 * @param compiled the flow's result: design, mapped network, program
 */
public record Compilation(String source, Options options, Compiled compiled) {
    /** The kernel or module name. */
    public String name() { return compiled.design().name(); }

    public Program program() { return compiled.program(); }

    /** The keys of {@code kautz compile --json}. */
    public Map<String, Object> report() { return Reports.program(compiled).toMap(); }

    /** {@link #report()} as the JSON text {@code kautz compile --json} prints. */
    public String reportJson() { return Reports.program(compiled).toString(); }

    /** The program as {@code .kasm} text (reads back with {@code kautz sim}). */
    public String kasm() { return Disassembler.toKasm(compiled.program()); }

    /** The input ports (name and width), in the source's order. */
    public ImmutableList<Port> inputs() { return Ports.group(compiled.design().network().inputNames()); }

    /** The output ports, in the source's order. */
    public ImmutableList<Port> outputs() { return Ports.group(compiled.design().network().outputNames()); }
}
