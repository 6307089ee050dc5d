package kautz.flow;

import kautz.diag.UserError;
import kautz.isa.InitModel;
import kautz.lang.KautzCompiler;
import kautz.lang.elab.CompiledKernel;
import kautz.load.Design;
import kautz.frontend.DesignLoader;
import kautz.schedule.RowTooSmallException;
import kautz.schedule.Scheduler;
import kautz.schedule.Schedulers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompileCacheTest {
    @TempDir Path dir;

    private static final String ADD = """
            kernel add(a: u<4>, b: u<4>) -> (y: u<5>) { y = u<5>(a) + u<5>(b); }
            kernel sub(a: u<4>, b: u<4>) -> (y: u<4>) { y = a - b; }
            """;

    private static Design kz(String text, String kernel) {
        CompiledKernel k = KautzCompiler.compile("t.kz", text).kernel(kernel);
        return Design.ofNetwork(k.name(), k.network());
    }

    private static void assertSameCompilation(Compiled expected, Compiled actual) {
        assertEquals(expected.program(), actual.program());
        assertEquals(expected.mapped(), actual.mapped());
        assertEquals(expected.family(), actual.family());
        assertEquals(expected.scheduler(), actual.scheduler());
        assertEquals(expected.asMapped(), actual.asMapped());
    }

    @Test
    void aHitIsWhatTheFlowCompilesAndCarriesTheCallersDesign() {
        CompileCache cache = new CompileCache(8, 1_000_000);
        FlowOptions o = FlowOptions.defaults().withScheduler("simpler");
        Compiled first = cache.compile(kz(ADD, "add"), o);
        Design again = kz(ADD, "add");  // loaded afresh: another object, the same contents
        Compiled hit = cache.compile(again, o);
        assertSameCompilation(Flow.compile(again, o), hit);
        assertSame(again, hit.design());
        assertSame(first.program(), hit.program());
        assertEquals(new CompileCache.Stats(1, 1, 1, CompileCache.weight(first)), cache.stats());
    }

    @Test
    void seedFreeSchedulersShareOneProgramAcrossSeedsOthersDoNot() {
        CompileCache cache = new CompileCache(8, 1_000_000);
        Design d = kz(ADD, "add");
        for (long seed = 1; seed <= 5; seed++) cache.compile(d, FlowOptions.defaults().withScheduler("simpler").withSeed(seed));
        assertEquals(1, cache.stats().compiles());
        for (long seed = 1; seed <= 3; seed++) cache.compile(d, FlowOptions.defaults().withSeed(seed));  // live, the default, uses it
        assertEquals(4, cache.stats().compiles());
        assertEquals(4, cache.stats().hits());
    }

    /** The premise of the above: a scheduler that says it ignores the seed gives the same program for any seed. */
    @Test
    void schedulersThatIgnoreTheSeedGiveOneProgramForEverySeed() {
        for (Scheduler s : Schedulers.all()) {
            if (s.usesSeed()) continue;
            for (long net = 1; net <= 3; net++) {
                Design d = Design.ofNetwork("r", FlowTest.random(net, 6, 40));
                for (String rows : new String[] {null, "min"}) {
                    FlowOptions o = FlowOptions.defaults().withScheduler(s.name()).withRowSize(RowSize.parse(rows))
                            .withScript(FlowOptions.NO_SCRIPT);
                    Compiled base = Flow.compile(d, o.withSeed(1));
                    for (long seed : new long[] {2, -5}) {
                        assertEquals(base.program(), Flow.compile(d, o.withSeed(seed)).program(), s.name() + " net " + net + " seed " + seed);
                    }
                }
            }
        }
    }

    @Test
    void everyOptionThatChangesTheProgramIsPartOfTheKey() {
        CompileCache cache = new CompileCache(64, 10_000_000);
        Design d = kz(ADD, "add");
        FlowOptions o = FlowOptions.defaults().withScheduler("topo").withScript(FlowOptions.NO_SCRIPT);  // fast
        List<FlowOptions> variants = List.of(o, o.withTarget("magic"), o.withTarget("magic-nor-3"), o.withScheduler("simpler"),
                o.withRowSize(RowSize.of(40)), o.withRowSize(RowSize.min()), o.withInit(InitModel.SINGLE),
                o.withScript("strash; balance"), o.withRemap(true), o.withScheduler(null));
        for (FlowOptions v : variants) assertSameCompilation(Flow.compile(d, v), cache.compile(d, v));
        assertEquals(variants.size(), cache.stats().compiles());
        assertEquals(0, cache.stats().hits());
        // another kernel of the same file is another design
        Design sub = kz(ADD, "sub");
        assertSameCompilation(Flow.compile(sub, o), cache.compile(sub, o));
        assertEquals(variants.size() + 1, cache.stats().compiles());
    }

    @Test
    void anEditedSourceOrLocalImportIsCompiledAgain() throws Exception {
        Path lib = dir.resolve("lib.kz");
        Path main = dir.resolve("main.kz");
        Files.writeString(lib, "fn f(a: u<4>, b: u<4>) -> u<4> { return a & b; }\n");
        Files.writeString(main, "import lib;\nkernel k(a: u<4>, b: u<4>) -> (y: u<4>) { y = f(a, b); }\n");
        CompileCache cache = new CompileCache(8, 1_000_000);
        FlowOptions o = FlowOptions.defaults().withScheduler("simpler");
        Compiled and = cache.compile(DesignLoader.load(main, null), o);
        assertEquals(1, cache.stats().compiles());
        cache.compile(DesignLoader.load(main, null), o);
        assertEquals(1, cache.stats().hits());

        Files.writeString(lib, "fn f(a: u<4>, b: u<4>) -> u<4> { return a | b ^ a; }\n");  // same size, same path
        Design edited = DesignLoader.load(main, null);
        Compiled or = cache.compile(edited, o);
        assertEquals(2, cache.stats().compiles());
        assertSameCompilation(Flow.compile(edited, o), or);
        assertNotEquals(and.program(), or.program());

        Files.writeString(main, "import lib;\nkernel k(a: u<4>, b: u<4>) -> (y: u<4>) { y = f(b, a); }\n");
        cache.compile(DesignLoader.load(main, null), o);
        assertEquals(3, cache.stats().compiles());
    }

    @Test
    void failuresAreTheFlowsOwnAndNotKept() {
        CompileCache cache = new CompileCache(8, 1_000_000);
        Design d = kz(ADD, "add");
        FlowOptions tooSmall = FlowOptions.defaults().withScheduler("simpler").withRowSize(RowSize.of(12));
        String expected = assertThrows(RowTooSmallException.class, () -> Flow.compile(d, tooSmall)).getMessage();
        for (int i = 0; i < 2; i++) {
            assertEquals(expected, assertThrows(RowTooSmallException.class, () -> cache.compile(d, tooSmall)).getMessage());
        }
        assertEquals(2, cache.stats().compiles());
        assertEquals(0, cache.stats().entries());
        FlowOptions badBoth = FlowOptions.defaults().withScheduler("nope").withScript("nonsense");
        assertEquals(assertThrows(UserError.class, () -> Flow.compile(d, badBoth)).getMessage(),
                assertThrows(UserError.class, () -> cache.compile(d, badBoth)).getMessage());
    }

    @Test
    void theLeastRecentlyUsedProgramsGoBeyondTheBounds() {
        CompileCache cache = new CompileCache(2, 1_000_000);
        Design d = kz(ADD, "add");
        FlowOptions o = FlowOptions.defaults().withScheduler("topo").withScript(FlowOptions.NO_SCRIPT);
        FlowOptions a = o.withRowSize(RowSize.of(100)), b = o.withRowSize(RowSize.of(101)), c = o.withRowSize(RowSize.of(102));
        cache.compile(d, a);
        cache.compile(d, b);
        cache.compile(d, a);  // a is now the most recently used
        cache.compile(d, c);  // drops b
        assertEquals(2, cache.stats().entries());
        cache.compile(d, a);
        assertEquals(3, cache.stats().compiles());
        cache.compile(d, b);
        assertEquals(4, cache.stats().compiles());

        CompileCache tiny = new CompileCache(8, 10);  // no program is that small: nothing is kept
        tiny.compile(d, a);
        tiny.compile(d, a);
        assertEquals(new CompileCache.Stats(0, 2, 0, 0), tiny.stats());
    }

    @Test
    void threadsShareOneCompilationPerProgram() throws Exception {
        CompileCache cache = new CompileCache(8, 1_000_000);
        FlowOptions o = FlowOptions.defaults().withScript(FlowOptions.NO_SCRIPT);
        List<FlowOptions> options = List.of(o.withScheduler("simpler"), o.withScheduler("topo"), o.withScheduler("simpler").withInit(InitModel.SINGLE));
        List<Compiled> direct = new ArrayList<>();
        for (FlowOptions v : options) direct.add(Flow.compile(kz(ADD, "add"), v));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                int start = t;
                done.add(pool.submit(() -> {
                    Design mine = kz(ADD, "add");
                    for (int i = 0; i < 20; i++) {
                        int k = (start + i) % options.size();
                        assertSameCompilation(direct.get(k), cache.compile(mine, options.get(k).withSeed(i)));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(options.size(), cache.stats().compiles());
        assertEquals(6 * 20 - options.size(), cache.stats().hits());
        assertTrue(cache.stats().weight() > 0);
    }
}
