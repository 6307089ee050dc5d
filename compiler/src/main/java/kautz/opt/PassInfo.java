package kautz.opt;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the registry knows about a pass: its script name, a one-line summary (for {@code kautz passes}),
 * longer help, the options it accepts, and how to create it from the options a script gives.
 */
public record PassInfo(String name, String summary, String help, List<Option> options,
                       Function<Map<String, String>, Pass> factory) {

    /** An option: its key, default value and meaning. */
    public record Option(String key, String defaultValue, String meaning) {}
}
