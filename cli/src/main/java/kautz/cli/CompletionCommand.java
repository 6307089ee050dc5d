package kautz.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kautz completion}: a bash (and zsh) completion script for every command and option, made by picocli. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        header = "Print a bash completion script for kautz's commands and options.",
        description = {
                "Print a bash completion script (zsh reads it too after `autoload bashcompinit; bashcompinit`) that",
                "completes kautz's commands, their options and the values of options with a fixed set of values.",
                "Load it for this shell with `source <(./kautz completion)`, or for every shell by writing it to",
                "~/.local/share/bash-completion/completions/kautz. It completes the name kautz; put the",
                "repository on the PATH (or alias kautz=./kautz) for ./kautz to use it."})
public final class CompletionCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().getOut().print(AutoComplete.bash("kautz", spec.root().commandLine()));
    }
}
