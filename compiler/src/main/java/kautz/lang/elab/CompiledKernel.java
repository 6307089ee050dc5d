package kautz.lang.elab;

import com.google.common.collect.ImmutableList;
import kautz.network.Aig;
import kautz.ports.MemCellId;
import kautz.ports.Port;
import kautz.ports.Ports;

/**
 * A kernel elaborated into its logic network. Ports group the network's bit-level names
 * ({@link Ports#group}); mem cells appear as ports named {@code @m[j]} among the inputs (cells sensed)
 * and the outputs (cells programmed), listed again in {@code memReads} / {@code memWrites}.
 */
public record CompiledKernel(String name, Aig network, ImmutableList<Port> inputs, ImmutableList<Port> outputs,
                             ImmutableList<MemCell> memReads, ImmutableList<MemCell> memWrites) {
    public static CompiledKernel of(String name, Aig network, ImmutableList<MemCell> reads, ImmutableList<MemCell> writes) {
        return new CompiledKernel(name, network, Ports.group(network.inputNames()), Ports.group(network.outputNames()),
                reads, writes);
    }

    /** Inputs the user supplies (kernel parameters), without mem cells. */
    public ImmutableList<Port> parameterInputs() {
        return inputs.stream().filter(p -> !MemCellId.isMemPort(p.name())).collect(ImmutableList.toImmutableList());
    }
}
