package kautz.verify;

import kautz.network.Aig;
import kautz.network.AigBuilder;
import kautz.opt.CleanupPass;

/**
 * SAT sweeping of one network as an optimisation (ABC's {@code fraig}): every AND node proven equal (up to
 * complement) to an earlier node is merged into it, so the result has the same function and at most as
 * many ANDs. Proofs are those of the equivalence checker's sweeping (truth tables over small windows, then
 * SAT over bounded windows, as {@code options.strategy()} says); the budget is
 * {@code options.timeout()} of CPU time (and {@code options.wallLimit()}), after which nodes are only hashed.
 */
public final class Fraig {
    private Fraig() {}

    public static Aig reduce(Aig aig, CecOptions options) {
        Sweeper sweeper = new Sweeper(aig, options.strategy(), options.strategy().seed(), new StepCounter());
        sweeper.run(Budget.start(options));
        AigBuilder reduced = sweeper.reduced();
        for (int o = 0; o < aig.numOutputs(); o++) reduced.addOutput(aig.outputName(o), sweeper.reduce(aig.output(o)));
        return new CleanupPass().run(reduced.build()); // drops the merged nodes, now dangling
    }
}
