package kautz.diag;

/**
 * A bad command line: a missing or extra argument, or an option whose value is wrong or does not fit the
 * rest. Shown as a {@link UserError} is, but the exit code is 2, as for the errors the option parser finds
 * itself ({@code --rows abc} and {@code --rows 0} end the same way).
 */
public class UsageError extends UserError {
    public UsageError(String message) { super(message); }
}
