package kautz.device;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import kautz.diag.UsageError;
import kautz.diag.UserError;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The device presets: built-in ones under {@code devices/} on the class path (listed in
 * {@code devices/index.txt}), or a user's own file. A preset file is {@code key = value} lines with
 * {@code #} comments; keys are the {@link DevicePreset} fields. Every field the file leaves out is taken
 * from {@code devices/defaults.device} and listed in {@link DevicePreset#defaulted()}, so a preset always
 * says which of its numbers are published and which are defaults; a value the preset sets itself without a
 * source is written {@code key = value (default)} and listed too.
 */
public final class DevicePresets {
    /** The preset {@code run} uses when none is named. */
    public static final String DEFAULT = "hfo2-1t1r";

    private static final String DIR = "devices/";
    private static final String DEFAULT_MARK = "(default)";
    private static final int MAX_FILE_BYTES = 64 * 1024;
    private static final Set<String> TEXT_KEYS = Set.of("name", "title", "citation");
    private static final List<String> NUMBER_KEYS = List.of("states", "dynamicRange", "rOnOhm", "vSet", "vSetMax",
            "vReset", "vRead", "vLogic", "pulseNs", "readNs", "setEnergyPJ", "resetEnergyPJ", "enduranceCycles",
            "enduranceSpread", "c2cSigma", "readNoise", "driftNu", "driftT0S", "isppStepV", "adaptiveGain",
            "fixedStep", "verifyWindow", "pulseCap", "selectorNonlinearity");

    private DevicePresets() {}

    /** All built-in presets, in the order of {@code devices/index.txt}. */
    public static ImmutableList<DevicePreset> builtIn() {
        ImmutableList.Builder<DevicePreset> out = ImmutableList.builder();
        for (String n : builtInNames()) out.add(parse(DIR + n + ".device", resource(n + ".device")));
        return out.build();
    }

    /**
     * The built-in presets, then those of plugins: {@link DevicePresetProvider}s named in a jar's
     * {@code META-INF/services/kautz.device.DevicePresetProvider} (a built-in name wins).
     */
    public static ImmutableList<DevicePreset> all() {
        ImmutableList.Builder<DevicePreset> all = ImmutableList.<DevicePreset>builder().addAll(builtIn());
        for (DevicePresetProvider plugin : java.util.ServiceLoader.load(DevicePresetProvider.class)) all.add(plugin.preset());
        return all.build();
    }

    /** The names in {@code devices/index.txt}: each has its file NAME.device. */
    private static List<String> builtInNames() {
        List<String> names = new ArrayList<>();
        for (String line : resource("index.txt").split("\n")) {
            String n = line.strip();
            if (!n.isEmpty() && !n.startsWith("#")) names.add(n);
        }
        return names;
    }

    /** A built-in preset by name, or a preset file (any argument containing a path separator or ending in .device). */
    public static DevicePreset load(String nameOrFile) {
        if (nameOrFile.endsWith(".device") || nameOrFile.contains("/") || nameOrFile.contains(java.io.File.separator)) {
            Path p = Path.of(nameOrFile);
            try {
                if (!Files.exists(p)) throw new UserError(nameOrFile + ": no such device file");
                if (Files.size(p) > MAX_FILE_BYTES) throw new UserError(nameOrFile + ": a device file is at most " + MAX_FILE_BYTES + " bytes");
                return parse(nameOrFile, kautz.util.InputFiles.readUtf8(p));
            } catch (IOException e) {
                throw new UserError(nameOrFile + ": cannot read the device file (" + e.getMessage() + ")");
            }
        }
        if (builtInNames().contains(nameOrFile)) {
            // only the named file is parsed: a sweep loads a preset for every point
            DevicePreset d = parse(DIR + nameOrFile + ".device", resource(nameOrFile + ".device"));
            if (d.name().equals(nameOrFile)) return d;
        }
        for (DevicePreset d : all()) if (d.name().equals(nameOrFile)) return d;
        List<String> names = new ArrayList<>();
        for (DevicePreset d : all()) names.add(d.name());
        throw new UsageError("--device: no preset named '" + nameOrFile + "' (presets: " + String.join(", ", names)
                + "; or give a .device file)");
    }

    /** Parses a preset file; {@code file} names it in error messages. */
    public static DevicePreset parse(String file, String text) {
        Map<String, String> values = new LinkedHashMap<>(read(DIR + "defaults.device", resource("defaults.device")));
        Map<String, String> given = read(file, text);
        ImmutableSet.Builder<String> defaulted = ImmutableSet.builder();
        for (Map.Entry<String, String> e : given.entrySet()) {
            // "value (default)": a value the preset chose that its source does not give
            if (e.getValue().endsWith(DEFAULT_MARK)) {
                e.setValue(e.getValue().substring(0, e.getValue().length() - DEFAULT_MARK.length()).strip());
                defaulted.add(e.getKey());
            }
        }
        values.putAll(given);
        for (String k : List.of("name", "title", "citation")) {
            if (!given.containsKey(k)) throw new UserError(file + ": missing '" + k + " = …' (every preset names itself and its source)");
        }
        for (String k : NUMBER_KEYS) if (!given.containsKey(k)) defaulted.add(k);
        try {
            return new DevicePreset(values.get("name"), values.get("title"), values.get("citation"),
                    (int) number(file, values, "states"), number(file, values, "dynamicRange"),
                    number(file, values, "rOnOhm"), number(file, values, "vSet"), number(file, values, "vSetMax"),
                    number(file, values, "vReset"), number(file, values, "vRead"), number(file, values, "vLogic"),
                    number(file, values, "pulseNs"), number(file, values, "readNs"),
                    number(file, values, "setEnergyPJ"), number(file, values, "resetEnergyPJ"),
                    number(file, values, "enduranceCycles"), number(file, values, "enduranceSpread"),
                    number(file, values, "c2cSigma"), number(file, values, "readNoise"), number(file, values, "driftNu"),
                    number(file, values, "driftT0S"), number(file, values, "isppStepV"),
                    number(file, values, "adaptiveGain"), number(file, values, "fixedStep"),
                    number(file, values, "verifyWindow"), (int) number(file, values, "pulseCap"),
                    number(file, values, "selectorNonlinearity"), defaulted.build());
        } catch (IllegalArgumentException e) {
            throw new UserError(file + ": " + e.getMessage());
        }
    }

    private static double number(String file, Map<String, String> values, String key) {
        String v = values.get(key);
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw new UserError(file + ": " + key + " = '" + v + "' is not a finite number");
        }
    }

    private static Map<String, String> read(String file, String text) {
        Map<String, String> out = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            String body = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (body.isEmpty()) continue;
            int eq = body.indexOf('=');
            if (eq <= 0) throw UserError.at(file, i + 1, 1, "expected 'key = value'", line);
            String key = body.substring(0, eq).strip();
            String value = body.substring(eq + 1).strip();
            if (!TEXT_KEYS.contains(key) && !NUMBER_KEYS.contains(key)) {
                throw UserError.at(file, i + 1, line.indexOf(key) + 1, "unknown key '" + key + "'", line);
            }
            if (out.put(key, value) != null) throw UserError.at(file, i + 1, line.indexOf(key) + 1, "'" + key + "' is given twice", line);
        }
        return out;
    }

    private static String resource(String name) {
        try (InputStream in = DevicePresets.class.getClassLoader().getResourceAsStream(DIR + name)) {
            if (in == null) throw new IllegalStateException("missing built-in resource " + DIR + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
