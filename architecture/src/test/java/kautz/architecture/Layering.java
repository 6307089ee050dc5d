package kautz.architecture;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package layering of docs/ARCHITECTURE.md as rules over compiled classes. A layer may use the layers it
 * names and itself; a package in no layer is an error, so a new package has to be placed (here and in the
 * document) before it builds.
 */
final class Layering {
    private Layering() {}

    /** Runtime module, to become its own module "kautz-isa": the vocabulary shared by compiler and engines. */
    static final String[] FOUNDATION = {"kautz.diag..", "kautz.util..", "kautz.ports.."};
    static final String[] ISA = {"kautz.isa.."};
    /** The engine interface and the reference interpreter: plain Java, the compiler checks programs with it. */
    static final String[] REFERENCE = {"kautz.sim.."};
    /** Runtime module, to become "kautz-engines": the JIT (ASM), the registry and the device models. */
    static final String[] ENGINES = {"kautz.jit..", "kautz.engines..", "kautz.device.."};

    /** Compiler module, from the data every stage shares up to the checker of whole compilations. */
    static final String[] NETWORKS = {"kautz.network..", "kautz.mapped..", "kautz.load.."};
    static final String[] FRONT_ENDS = {"kautz.grammar..", "kautz.lang..", "kautz.netlist..", "kautz.frontend.."};
    static final String[] SYNTHESIS = {"kautz.opt..", "kautz.target..", "kautz.mapping..", "kautz.schedule.."};
    static final String[] FLOW = {"kautz.flow.."};
    static final String[] VERIFY = {"kautz.verify.."};

    static final String[] CLI = {"kautz.cli.."};
    /** The Java library API (module cli), which the Python package drives. */
    static final String[] API = {"kautz.api.."};
    static final String[] BENCH = {"kautz.bench.."};
    static final String[] SWEEP = {"kautz.sweep.."};

    /** Every package is its own slice; no chain of dependencies may lead from a package back to itself. */
    static final ArchRule NO_CYCLES = slices().matching("kautz.(**)").should().beFreeOfCycles();

    static final ArchRule LAYERS = layers();

    private static LayeredArchitecture layers() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Foundation").definedBy(FOUNDATION)
                .layer("Isa").definedBy(ISA)
                .layer("Reference").definedBy(REFERENCE)
                .layer("Engines").definedBy(ENGINES)
                .layer("Networks").definedBy(NETWORKS)
                .layer("FrontEnds").definedBy(FRONT_ENDS)
                .layer("Synthesis").definedBy(SYNTHESIS)
                .layer("Flow").definedBy(FLOW)
                .layer("Verify").definedBy(VERIFY)
                .layer("Cli").definedBy(CLI)
                .layer("Api").definedBy(API)
                .layer("Bench").definedBy(BENCH)
                .layer("Sweep").definedBy(SWEEP)

                .whereLayer("Foundation").mayNotAccessAnyLayer()
                .whereLayer("Isa").mayOnlyAccessLayers("Foundation")
                .whereLayer("Reference").mayOnlyAccessLayers("Foundation", "Isa")
                .whereLayer("Engines").mayOnlyAccessLayers("Foundation", "Isa", "Reference")
                // The compiler uses the ISA and the reference interpreter, never the JIT or the device models.
                .whereLayer("Networks").mayOnlyAccessLayers("Foundation")
                .whereLayer("FrontEnds").mayOnlyAccessLayers("Foundation", "Networks")
                .whereLayer("Synthesis").mayOnlyAccessLayers("Foundation", "Isa", "Networks")
                .whereLayer("Flow").mayOnlyAccessLayers("Foundation", "Isa", "Reference", "Networks", "Synthesis")
                .whereLayer("Verify").mayOnlyAccessLayers("Foundation", "Isa", "Reference", "Networks", "Synthesis", "Flow")
                // The tools use everything below them; the sweep drives the command line's compile.
                .whereLayer("Cli").mayOnlyAccessLayers("Foundation", "Isa", "Reference", "Engines", "Networks",
                        "FrontEnds", "Synthesis", "Flow", "Verify")
                .whereLayer("Api").mayOnlyAccessLayers("Foundation", "Isa", "Reference", "Engines", "Networks",
                        "FrontEnds", "Synthesis", "Flow", "Verify", "Cli")
                .whereLayer("Bench").mayOnlyAccessLayers("Foundation", "Isa", "Reference", "Engines", "Networks",
                        "FrontEnds", "Synthesis", "Flow", "Verify")
                .whereLayer("Sweep").mayOnlyAccessLayers("Foundation", "Isa", "Reference", "Engines", "Networks",
                        "FrontEnds", "Synthesis", "Flow", "Verify", "Cli")
                .ensureAllClassesAreContainedInArchitecture();
    }

    /** Third-party libraries stay inside the packages that exist to wrap them. */
    static final ArchRule ASM_ONLY_IN_JIT = onlyIn("org.objectweb.asm..", "kautz.jit..");
    static final ArchRule ANTLR_ONLY_IN_PARSER = onlyIn("org.antlr..", "kautz.grammar..", "kautz.lang.parse..");
    static final ArchRule SAT4J_ONLY_IN_COMPILER = onlyIn("org.sat4j..", concat(NETWORKS, FRONT_ENDS, SYNTHESIS, FLOW, VERIFY));
    static final ArchRule PICOCLI_ONLY_IN_COMMANDS = onlyIn("picocli..", concat(CLI, SWEEP));
    static final ArchRule SPARK_ONLY_IN_SWEEP = onlyIn("org.apache.spark..", SWEEP);
    static final ArchRule JMH_ONLY_IN_BENCH = onlyIn("org.openjdk.jmh..", BENCH);

    private static ArchRule onlyIn(String library, String... packages) {
        return noClasses().that().resideOutsideOfPackages(packages)
                .should().dependOnClassesThat().resideInAPackage(library)
                .because(library + " is used only in " + String.join(", ", packages));
    }

    private static String[] concat(String[]... groups) {
        return java.util.Arrays.stream(groups).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }
}
