package kautz.verify;

import kautz.flow.Compiled;
import kautz.flow.FlowOptions;
import kautz.mapped.MappedNetwork;
import kautz.mapping.TechnologyMapper;
import kautz.network.Aig;
import kautz.opt.Pipeline;
import kautz.verify.ProofChain.Stage;

import java.util.ArrayList;
import java.util.List;

/**
 * The stages a compilation went through, as networks for a {@link ProofChain}: the source, the network
 * after each optimisation pass (when the mapper was given the optimised network), the mapped network and
 * the program's symbolic network. The optimised network is recomputed (the flow keeps only the mapping);
 * if mapping it does not give exactly the mapping the flow kept, the flow mapped the source itself and the
 * chain goes straight from the source to the mapping.
 */
public final class CompilationChain {
    private CompilationChain() {}

    public static List<Stage> stages(Compiled c, FlowOptions options, String sourceName) {
        List<Stage> stages = new ArrayList<>();
        Aig source = c.design().network();
        stages.add(new Stage(sourceName, source));
        String script = options.script();
        if (!c.asMapped() && script != null && !script.isBlank() && !script.equals(FlowOptions.NO_SCRIPT)) {
            List<Stage> passes = new ArrayList<>();
            Aig optimised = Pipeline.parse(script).run(source,
                    step -> passes.add(new Stage("the network after `" + step.pass() + "`", step.after())));
            MappedNetwork remapped = TechnologyMapper.map(optimised, c.family(), c.design().name());
            if (remapped.equals(c.mapped())) stages.addAll(passes);
        }
        stages.add(new Stage("the network mapped to " + c.family().name(), MappedAig.of(c.mapped())));
        stages.add(new Stage("the program compiled for " + c.family().name(), SymbolicExecution.network(c.program())));
        return stages;
    }
}
