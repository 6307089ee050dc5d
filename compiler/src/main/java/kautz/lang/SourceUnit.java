package kautz.lang;

import com.google.common.collect.ImmutableList;
import kautz.diag.UserError;
import kautz.lang.elab.CompiledKernel;
import kautz.lang.elab.MemInfo;

/** A compiled source file: its kernels in source order and its mem declarations. */
public record SourceUnit(String file, ImmutableList<CompiledKernel> kernels, ImmutableList<MemInfo> mems) {
    /** The named kernel, or the first when {@code name} is null. */
    public CompiledKernel kernel(String name) {
        if (kernels.isEmpty()) throw new UserError(file + ": no kernel in this file (declare one with 'kernel name(…) -> … { … }')");
        if (name == null) return kernels.get(0);
        for (CompiledKernel k : kernels) if (k.name().equals(name)) return k;
        throw new UserError(file + ": no kernel named '" + name + "' (kernels: "
                + String.join(", ", kernels.stream().map(CompiledKernel::name).toList()) + ")");
    }
}
