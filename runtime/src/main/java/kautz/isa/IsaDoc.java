package kautz.isa;

import kautz.util.AtomicFiles;

import java.nio.file.Path;

/**
 * Generates docs/isa.md from the {@link Opcode} table, so the documentation cannot drift from the code.
 * IsaDocTest fails when the committed file differs; regenerate with
 * {@code mvn -B -o -pl runtime test -Dtest=IsaDocTest -Dkautz.updateDocs=true}.
 */
public final class IsaDoc {
    private IsaDoc() {}

    public static void main(String[] args) {
        AtomicFiles.writeString(Path.of(args.length > 0 ? args[0] : "docs/isa.md"), markdown());
    }

    public static String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("<!-- GENERATED from kautz.isa.Opcode by kautz.isa.IsaDoc: do not edit by hand.\n")
          .append("     Regenerate: mvn -B -o -pl runtime test -Dtest=IsaDocTest -Dkautz.updateDocs=true -->\n\n");
        sb.append("# The Kautz micro-op ISA\n\n");
        sb.append("A program is compiled for one crossbar row of C cells (`.rowsize`); every micro-op acts on all\n")
          .append("active rows at once, so R rows process R independent data items. Cells hold 0 (HRS, high\n")
          .append("resistance) or 1 (LRS, low resistance).\n\n");
        sb.append("## Micro-ops\n\n");
        sb.append("| mnemonic | operands | semantics (per row) | output pre-state | kind | notes |\n");
        sb.append("|---|---|---|---|---|---|\n");
        for (Opcode o : Opcode.values()) {
            sb.append("| `").append(o.mnemonic()).append("` | `").append(o.syntax()).append("` (").append(o.arityPhrase())
              .append(o.minOperands() == 1 && o.maxOperands() == 1 ? " cell" : " cells").append(") | ")
              .append(o.semantics()).append(" | ")
              .append(o.requiredDestState() < 0 ? "—" : "must hold " + o.requiredDestState()).append(" | ")
              .append(o.kind().name().toLowerCase(java.util.Locale.ROOT)).append(" | ")
              .append(o.note()).append(" |\n");
        }
        sb.append("\nThe semantics are physical: a MAGIC gate only ever pulls its output cell one way (`d := d ∧ …`\n")
          .append("or `d := d ∨ …`), so a gate whose output cell does not hold the pre-state first gives a wrong\n")
          .append("answer, in simulation as on a chip. `kautz sim` warns about it (`kautz.isa.ProgramLint`).\n\n");
        sb.append(MEANING);
        sb.append("## Cycle conventions (`ProgramStats`)\n\n");
        sb.append("A program is a list of **cycle lines**: one line of `.kasm` is one cycle, and on an undivided row\n")
          .append("(no `.partitions` header) every line holds one op, as on the original machine.\n\n");
        sb.append("- `gates`: one per logic op (").append(mnemonics(Opcode.Kind.LOGIC)).append(").\n");
        sb.append("- `logicCycles`: one per cycle line that holds a logic op (on an undivided row, one per gate).\n");
        sb.append("- `initCycles`: the ops that set cells to a constant (").append(mnemonics(Opcode.Kind.INIT))
          .append("), counted by the init model (`.init`):\n")
          .append("  - `bulk` (SIMPLER): one cycle per line of init ops, any number of cells; the init lines before the\n")
          .append("    first line with another op are the initial setting T0 and cost nothing;\n")
          .append("  - `single` (AritPIM/PyPIM): one init op sets one cell in each partition it names per cycle, so a line\n")
          .append("    costs as many cycles as it sets cells in one partition (on an undivided row: one cycle per cell),\n")
          .append("    T0 included;\n")
          .append("  - `op` (MultPIM, PartitionPIM): an init op is an op like any other: its line is one cycle, whatever it\n")
          .append("    sets, none free.\n")
          .append("  A line that also holds a logic, prog or sense op costs at least one cycle, counted as that op's; init\n")
          .append("  cycles beyond it count as init cycles.\n");
        sb.append("- `programCycles`: lines of ").append(mnemonics(Opcode.Kind.PROGRAM)).append(" and ").append(mnemonics(Opcode.Kind.READ))
          .append(", one cycle each in the functional model (the device runtime counts the real write-verify pulses).\n");
        sb.append("- `cycles` = logic + init + program cycles.\n");
        sb.append("- `parallelism` = gates ÷ logic cycles: 1 on an undivided row, up to the number of partitions.\n");
        sb.append("- `cells`: the highest cell index used by an op, input or output, plus one.\n");
        sb.append("- `ioCycles`: one column write per input bit and one column read per output bit, counted apart\n")
          .append("  from `cycles`, as SIMPLER does.\n\n");
        sb.append(PARTITIONS);
        sb.append("## Inputs and outputs\n\n");
        sb.append("Each input bit is loaded into its cell before the first op; each output bit is read from its cell\n")
          .append("after the last op. Bits are named by the one convention of `kautz.ports.Ports`: bit `i` of port `a`\n")
          .append("is `a[i]` (a 1-bit port may be named plainly). By convention (SIMPLER) inputs occupy cells\n")
          .append("`0..I-1` and neither inputs nor computed outputs are overwritten.\n\n");
        sb.append("A program whose header says `.consume-inputs` (compiled with `--consume-inputs`) may overwrite an\n")
          .append("input cell after the last op that reads the input: the convention of the published serial IMPLY\n")
          .append("adders (Kvatinsky, Rohani, Karimi), not SIMPLER's. Its results are still compared with the reference\n")
          .append("computed from the original inputs, the lint does not flag its input writes, and running it twice on\n")
          .append("the same row is not meaningful (the second run reads what the first left in the input cells).\n\n");
        sb.append("""
                ## Cost conventions

                Counts are comparable with SIMPLER MAGIC (Ben-Hur et al., IEEE TCAD 2020) under the bulk model and
                with AritPIM/PyPIM under the single model:

                - every logic op is one cycle (a NOR2 or INV1 gate of a NOR-mapped netlist is one op); `buf` cells and
                  constants of a gate-level netlist are wires and cost nothing;
                - inputs occupy cells `0..I-1` and are never overwritten (unless `.consume-inputs`), and an output
                  cell is never overwritten once computed, so a program can run again on the same row;
                - `bulk`: the initial setting of all cells (T0) is not counted, each later re-initialisation cycle is;
                - `single`: each gate's output cell costs one init cycle before the gate, the first use included, so
                  a 9-NOR full adder costs 18 cycles a bit (a 32-bit ripple-carry adder: 18N+1 = 577);
                - loading the inputs and reading the outputs are counted apart, in `ioCycles`;
                - `cells` includes the input cells, so it is the smallest row the program runs in; `--row-size C`
                  limits it, `--row-size min` searches the smallest row (docs/schedulers.md).

                """);
        sb.append("## Functional engines (`kautz sim`, `--engine auto|interp|jit`)\n\n");
        sb.append("""
                `interp` runs one op at a time over all rows; `jit` compiles the program into a JVM class first (ASM).
                The default, `auto`, picks the interpreter for runs below 10^9 row-op evaluations (ops × rows), where
                the JIT's class generation and warm-up cost more than they save, and the JIT above (measured break-even
                in docs/PERFORMANCE.md, "Default engine"); reports name the engine that ran.

                """);
        sb.append("- A cell that is neither an input nor written before it is read holds **0 (HRS)** in every row:\n")
          .append("  the as-fabricated state. Both engines use this, so they agree bit for bit.\n")
          .append("- Multi-level cells are ideal in the functional engines: `prog c, L` stores level `L` in `c` for\n")
          .append("  every row (a separate level store: the cell's binary value is left as it was), and `sense d…, c`\n")
          .append("  writes bit `i` of the stored level (0 if `c` was never programmed) into `dᵢ`, overwriting\n")
          .append("  them. Write-verify pulses, noise and wear are the device runtime's business.\n\n");
        sb.append("## The `.kasm` text format\n\n");
        sb.append("```\n")
          .append("# full adder fragment            (# and // start comments)\n")
          .append(".kernel fa                       # kernel name\n")
          .append(".target magic-nor                # gate family (informational)\n")
          .append(".rowsize 16                      # cells in the row; every cell index is below it\n")
          .append(".init bulk                       # bulk, single or op\n")
          .append(".input a 0                       # input bit name and its cell, in port order\n")
          .append(".input b 1\n")
          .append(".output y 3                      # output bit name and the cell it is read from\n")
          .append("init1 2, 3\n")
          .append("nor 2, 0, 1                      # d first, then the inputs\n")
          .append("nor 3, 2                         # one input: NOT\n")
          .append(".end 3 ops                        # the last line: how many ops the program has\n")
          .append("```\n\n");
        sb.append("The header (`.kernel` and `.rowsize` required; `.target` defaults to `custom`, `.init` to `bulk`;\n")
          .append("`.partitions` and `.model` as in \"Partitions and parallel cycles\"; `.consume-inputs`, a line of its\n")
          .append("own, marks a program that may overwrite its input cells) comes before the first op. Each further line\n")
          .append("is one cycle: its ops separated by `|`. Names that are not one plain token (spaces, `#`, `\"`, `,`, `|`) are written in\n")
          .append("double quotes with backslash escapes. Each op is a mnemonic and its operands separated by commas\n")
          .append("(`prog c, L` takes a cell and a level). `kautz compile -o OUT.kasm` writes this form, and the\n")
          .append("disassembler also writes SIMPLER's and AritPIM's listings and the program as a netlist (`kautz.isa.ListingFormat`):\n\n");
        for (ListingFormat f : ListingFormat.values()) {
            sb.append("- `").append(f.label()).append("`: ").append(f.summary()).append('\n');
        }
        sb.append("\nA written program ends with `.end N ops`, so that a file cut short is noticed: reading a file\n")
          .append("without that line warns, and a count that differs from the ops above it is refused (after editing\n")
          .append("a program by hand, correct the count or delete the line). Nothing may follow it.\n");
        return sb.toString();
    }

    private static final String MEANING = """
            ## Where an op's meaning lives

            Each op's function is written once, in the table above (`kautz.isa.Opcode`): an init op's constant, and a
            logic op's **gate form** `d := d COMBINE [¬] FOLD(sources)` (`kautz.isa.GateForm`: FOLD is OR, AND or MAJ,
            COMBINE is AND or OR). A MAGIC-style gate only ever pulls its output one way, so it has this shape: `nor`
            is (OR, ¬, AND), `or` (OR, plain, OR), `nand` (AND, ¬, AND), `and` (AND, plain, OR), `imp` (OR over p, ¬,
            OR into q), `min3` (MAJ, ¬, AND). A bipolar cell switched from both terminals (RM3) reads its old value as
            one more operand of the fold: COMBINE is then OPERAND, `d := [¬] FOLD(sources, d)`, and a form may read
            some sources complemented (`negated`): `maj` is (MAJ over a, ¬b and d, plain, OPERAND). `GateForm.apply` evaluates a form over any
            `BooleanAlgebra`, and every engine derives the op from it: the interpreter and the device engine over
            64-row words (`GateForm.word`/`planes`, the same function written out for speed and checked against
            `apply`), the JIT over code that emits bytecode, the verifier's symbolic execution over AIG literals, the
            lint over three values (0, 1, unknown). The device engine adds only physics: a pulse's energy (inputs in
            series for an AND fold) and write-verify for `prog`.

            ### Adding an opcode

            1. Add its entry to `kautz.isa.Opcode`: mnemonic, operand counts, the output's pre-state, kind, and its
               gate form (a logic op) or constant (an init op). The interpreter, the JIT, the device engine, the
               symbolic execution and the lint follow from it; GateFormTest fails if one of them names a logic
               opcode instead.
               Its operands are "destination first, then the inputs" unless the entry says where the destination
               is (`destOperand`, as `imp` does); `MicroOp.dest()`/`sources()`, the random programs of the engine
               tests and the netlist listings (`ProgramNetlist`) follow from the entry too.
            2. Only if its function is not of the gate form's shape: add a fold or a combine to `GateForm` and give it
               its meaning in `GateForm.apply`, `word` and `planes` (the same file); the JIT's constant folding
               (`jit/JitOp.fold`) leaves a form it does not know alone.
            3. For the compiler to map gates to it, name the primitive it realises in
               `kautz.target.Families.primitiveOf` (and, for a family-file keyword, `FamilyFile.gate`).
            4. Regenerate this page (IsaDocTest).

            An op of an existing shape touches `Opcode.java`, `Families.java` and this generated page: three files
            (`OpcodeAdditionTest` adds one to a copy of the table and runs it on the interpreter and the JIT). `maj`
            (RM3) was a new shape: `GateForm.java` as well, and `FamilyFile.java` for its keyword.

            """;

    private static final String PARTITIONS = """
            ## Partitions and parallel cycles

            A row may be divided into **partitions**: runs of adjacent cells separated by isolation transistors
            (Gupta et al., 2018; formalised in PartitionPIM, Leitersdorf, Ronen and Kvatinsky, arXiv 2206.04200; used
            by MultPIM and AritPIM's bit-parallel algorithms). When the transistors between two partitions do not
            conduct, a gate in one does not disturb the other, so several gates run in one cycle.

            - `.partitions W1,W2,…,Wk` gives the widths, left to right, summing to `.rowsize`; `.partitions KxW` is
              K partitions of W cells. Without it the row is one partition.
            - `.model unlimited|standard|minimal` (default `unlimited`) says which ops may share a cycle.
            - **One line is one cycle.** Several ops on a line, separated by `|`, run in the same cycle. All of them
              read the cells as they were before the cycle.
            - An op **occupies** every partition from the lowest to the highest partition among its cells (inputs and
              outputs; for an init op, every cell it sets): the transistors between them conduct.

            Rules (`kautz.isa.PartitionRules`; every model has the rules of the ones before it):

            | model | rule | a cycle is legal when |
            |---|---|---|
            | unlimited | `overlap` | its ops occupy pairwise disjoint partition intervals |
            | standard | `opcode` | its ops have the same opcode, and its logic ops the same arity (an init op does not share a cycle with a gate; `init0` not with `init1`) |
            | standard | `inputs-split` | all inputs of each logic op lie in one partition |
            | standard | `index` | each operand position has the same index *within its partition* in every op |
            | standard | `direction` | every op's input partition lies on the same side of its output partition: left of it, the same, or right of it |
            | minimal | `distance` | every op has the same distance between its input and output partition |
            | minimal | `spacing` | the input partitions of its ops are evenly spaced (in any order on the line) |

            A cycle of init ops only is exempt from the index rules (`inputs-split` to `spacing`); so are `prog` and
            `sense`, which run one kind to a cycle. Under `unlimited` each partition does its own thing, init ops
            beside gates included (PartitionPIM's unlimited multiplier does so). These are the checks of the
            PartitionPIM simulators, with one difference: their `direction` check tells only "left of" from "not left
            of", Kautz tells all three apart as the model's definition does.

            `overlap` implies that no op of a cycle reads or writes a cell another op of the cycle writes (two such
            ops would share a partition). `kautz sim`, `run`, `trace` and `viz` refuse a program that breaks its
            model's rules, with one line naming the file's line (or the compiled cycle), the rule and the ops:

            ```
            kautz: mul.kasm:46: cycle breaks rule 'overlap' of the minimal model (the ops of a cycle occupy pairwise
            disjoint partition intervals): 'nor 11, 28' occupies partitions 1..2 and 'nor 26, 58' occupies partitions 2..4
            ```

            Because of the two conflict rules, running the ops of a legal cycle one after another, in line order, gives
            exactly the state of running them at once (no op sees another's write), so the interpreter, the JIT and the
            device engine execute the flat op list. The device engine charges each op its own energy and lets a cycle
            last as long as its slowest op (a `prog` beside gates takes its write-verify pulses). Wear levelling
            (`--wear-levelling`) is refused for a partitioned program: rotating the cells would move them across
            partition boundaries.

            `samples/csas_mul4.kasm` is a hand-partitioned 4-bit multiplier in MultPIM's carry-save add-shift style
            (NOT/NOR, `.init op`, legal under `minimal`): 155 cycles, 84 cells, 2.91 gates per logic cycle. The
            published PartitionPIM programs mean the same in Kautz: written out as `.kasm` from the authors'
            simulators (github.com/oleitersdorf/PartitionPIM, 32-bit NOT/NOR multipliers), each passes the rules of
            its model, multiplies correctly, and counts exactly the published cycles and cells: 995 and 379
            (unlimited), 1,219 and 382 (standard), 1,316 and 413 (minimal); each breaks the rules of the next
            stronger model (checked 2026-12-07, with the rules as first landed).

            `kautz trace` shows a partitioned program one cycle a line: the ops of the cycle side by side, each with
            the partitions it occupies (`P0-P2: nor 23, 1`), then what they wrote.

            The `--json` reports of `compile`, `run`, `bench` and `sim` carry `partitions` (how many),
            `partitionSpec` (the widths as written after `.partitions`), `model` and `parallelism`.

            Example, two NOT gates in one cycle in a row of four partitions of 8 cells (`.partitions 4x8`):

            ```
            init1 2 | init1 10
            nor 2, 0 | nor 10, 8
            ```

            """;

    private static String mnemonics(Opcode.Kind kind) {
        StringBuilder sb = new StringBuilder();
        for (Opcode o : Opcode.values()) {
            if (o.kind() == kind) sb.append(sb.length() == 0 ? "" : ", ").append('`').append(o.mnemonic()).append('`');
        }
        return sb.toString();
    }
}
