package kautz.flow;

import kautz.isa.Program;
import kautz.load.Design;
import kautz.mapped.MappedNetwork;
import kautz.target.GateFamily;

import java.util.Optional;

/**
 * What the flow produced, every stage kept so commands can report on any of them.
 *
 * @param design    the loaded design (its {@code network} is the reference for checking)
 * @param family    the gate family compiled for
 * @param mapped    the gate-level network that was scheduled
 * @param asMapped  true when {@code mapped} is the netlist as read, not the mapper's output
 * @param scheduler the scheduler's name
 * @param program   the micro-op program
 * @param resynthesis the pass that rebuilt the network because the program did not fit the row (the program
 *                  computes the source's function by a different structure), or "" when none did
 * @param derivation  how {@code mapped} was derived from the source, when the compilation was asked to record it
 *                  ({@link Flow#compileRecorded}); empty otherwise, as it keeps every intermediate network
 */
public record Compiled(Design design, GateFamily family, MappedNetwork mapped, boolean asMapped,
                       String scheduler, Program program, String resynthesis, Optional<Derivation> derivation) {
    public boolean resynthesised() { return !resynthesis.isEmpty(); }

    /** The same compilation for another (equal) design object. */
    public Compiled withDesign(Design d) { return new Compiled(d, family, mapped, asMapped, scheduler, program, resynthesis, derivation); }
}
