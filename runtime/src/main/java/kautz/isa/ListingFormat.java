package kautz.isa;

import java.util.Locale;
import java.util.function.Function;

/** The text forms a program can be written in: .kasm, which reads back, two listings for reading, two netlists for checkers. */
public enum ListingFormat {
    KASM("kasm", "the Kautz assembly text, read back by the assembler", Disassembler::toKasm),
    SIMPLER("simpler", "SIMPLER MAGIC's execution sequence: Cycle3: n7(9)=nor2{a[0](0),b[0](1)}", SimplerListing::render),
    ARITPIM("aritpim", "AritPIM's cycle listing: T2: 97 = NOR(0, 32)", AritPimListing::render),
    BLIF("blif", "the program as a BLIF netlist, op by op (for `berkeley-abc -c \"cec SOURCE.aig PROG.blif\"`)", ProgramNetlist::blif),
    BENCH("bench", "the same netlist in ISCAS .bench form", ProgramNetlist::bench);

    private final String label;
    private final String summary;
    private final Function<Program, String> renderer;

    ListingFormat(String label, String summary, Function<Program, String> renderer) {
        this.label = label;
        this.summary = summary;
        this.renderer = renderer;
    }

    public String label() { return label; }
    public String summary() { return summary; }

    public String render(Program p) { return renderer.apply(p); }

    /** File name extensions that say this format: .kasm for the assembly, the label or .txt for a listing. */
    public java.util.Set<String> extensions() {
        return this == KASM ? java.util.Set.of("kasm") : java.util.Set.of(label, "txt");
    }

    /** The format with this label, or null. */
    public static ListingFormat byLabel(String label) {
        for (ListingFormat f : values()) if (f.label.equals(label.toLowerCase(Locale.ROOT))) return f;
        return null;
    }
}
