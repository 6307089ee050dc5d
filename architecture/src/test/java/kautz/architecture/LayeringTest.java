package kautz.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The main classes of every module (runtime, compiler, cli, bench, spark) against {@link Layering}. */
@AnalyzeClasses(packages = "kautz", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
    @ArchTest static final ArchRule packagesAreFreeOfCycles = Layering.NO_CYCLES;
    @ArchTest static final ArchRule packagesFollowTheLayers = Layering.LAYERS;
    @ArchTest static final ArchRule asmOnlyInTheJit = Layering.ASM_ONLY_IN_JIT;
    @ArchTest static final ArchRule antlrOnlyInTheParser = Layering.ANTLR_ONLY_IN_PARSER;
    @ArchTest static final ArchRule sat4jOnlyInTheCompiler = Layering.SAT4J_ONLY_IN_COMPILER;
    @ArchTest static final ArchRule picocliOnlyInCommands = Layering.PICOCLI_ONLY_IN_COMMANDS;
    @ArchTest static final ArchRule sparkOnlyInTheSweep = Layering.SPARK_ONLY_IN_SWEEP;
    @ArchTest static final ArchRule jmhOnlyInBench = Layering.JMH_ONLY_IN_BENCH;
}
