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
    /** R_off may be given instead of the dynamic range (not both). */
    private static final String R_OFF = "rOffOhm";
    private static final Set<String> TEXT_KEYS = Set.of("name", "title", "citation", "switching");
    private static final List<String> NUMBER_KEYS = List.of("states", "dynamicRange", "rOnOhm", "vSet", "vSetMax",
            "vReset", "vRead", "vLogic", "pulseNs", "readNs", "setEnergyPJ", "resetEnergyPJ", "enduranceCycles",
            "enduranceSpread", "c2cSigma", "readNoise", "driftNu", "driftT0S", "isppStepV", "adaptiveGain",
            "fixedStep", "verifyWindow", "pulseCap", "selectorNonlinearity", "vtOn", "vtOff", "kOnPerNs", "kOffPerNs",
            "alphaOn", "alphaOff", "rSigmaD2D", "rSigmaC2C", "vtSigma", "rAccessOhm", "rSelectorOhm", "rLineOhm",
            "rLoadOhm", "vCond", "relaxSigma", "retentionPerDecade", "retentionEaEV", "temperatureK", "readDisturb",
            "gateVoltageScale");

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

    /**
     * {@code base} with some values replaced: {@code spec} is {@code key=value[,key=value…]} over the keys of a
     * preset file (a sweep's axis over a device parameter). The result is checked like a file named
     * {@code where}; replaced values count as given, not as defaults.
     */
    public static DevicePreset withValues(DevicePreset base, String spec, String where) {
        Map<String, String> set = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) throw new UsageError(where + ": expected key=value, got '" + UserError.shown(part) + "'");
            String key = part.substring(0, eq).strip();
            if (!TEXT_KEYS.contains(key) && !NUMBER_KEYS.contains(key) || key.equals("name")) {
                throw new UsageError(where + ": '" + UserError.shown(key) + "' is not a preset value (keys: " + String.join(", ", NUMBER_KEYS) + ", switching)");
            }
            set.put(key, part.substring(eq + 1).strip());
        }
        StringBuilder text = new StringBuilder();
        for (var c : DevicePreset.class.getRecordComponents()) {
            String k = c.getName();
            if (k.equals("defaulted")) continue;
            Object v;
            try {
                v = c.getAccessor().invoke(base);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            String value = set.containsKey(k) ? set.get(k) : String.valueOf(v) + (base.isDefault(k) ? " " + DEFAULT_MARK : "");
            text.append(k).append(" = ").append(value.replace("\n", " ").replace("#", "")).append('\n');
        }
        try {
            return parse(where, text.toString());
        } catch (UserError e) {
            // the text is made here: its line numbers mean nothing to the user
            throw new UserError(e.getMessage().replaceFirst("^" + java.util.regex.Pattern.quote(where) + ":\\d+:\\d+: ", where + ": "));
        }
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
        if (given.containsKey(R_OFF)) {
            if (given.containsKey("dynamicRange")) throw at(file, text, given, R_OFF, "give rOffOhm or dynamicRange, not both");
            double rOff = number(file, text, given, R_OFF);
            double rOn = number(file, text, values, "rOnOhm");
            if (!(rOff > rOn)) throw at(file, text, given, R_OFF, "R_off (" + rOff + " ohm) must exceed R_on (" + rOn + " ohm)");
            values.put("dynamicRange", Double.toString(rOff / rOn));
            given.put("dynamicRange", values.get("dynamicRange"));
        }
        for (String k : NUMBER_KEYS) if (!given.containsKey(k)) defaulted.add(k);
        if (!given.containsKey("switching")) defaulted.add("switching");
        // defaults that follow the preset's own voltages: switching thresholds below its SET and RESET
        // amplitudes (v_on = 0.8·V_SET, v_off = V_RESET/6, as in defaults.device) and a SET ramp above V_SET
        double vSetGiven = number(file, text, values, "vSet"), vResetGiven = number(file, text, values, "vReset");
        if (!given.containsKey("vtOn")) values.put("vtOn", Double.toString(0.8 * vSetGiven));
        if (!given.containsKey("vtOff")) values.put("vtOff", Double.toString(vResetGiven / 6));
        if (!given.containsKey("vSetMax")) values.put("vSetMax", Double.toString(Math.max(number(file, text, values, "vSetMax"), 2 * vSetGiven)));
        java.util.function.ToDoubleFunction<String> num = k -> number(file, text, values, k);
        DevicePreset preset;
        try {
            preset = new DevicePreset(values.get("name"), values.get("title"), values.get("citation"),
                    (int) num.applyAsDouble("states"), num.applyAsDouble("dynamicRange"),
                    num.applyAsDouble("rOnOhm"), num.applyAsDouble("vSet"), num.applyAsDouble("vSetMax"),
                    num.applyAsDouble("vReset"), num.applyAsDouble("vRead"), num.applyAsDouble("vLogic"),
                    num.applyAsDouble("pulseNs"), num.applyAsDouble("readNs"),
                    num.applyAsDouble("setEnergyPJ"), num.applyAsDouble("resetEnergyPJ"),
                    num.applyAsDouble("enduranceCycles"), num.applyAsDouble("enduranceSpread"),
                    num.applyAsDouble("c2cSigma"), num.applyAsDouble("readNoise"), num.applyAsDouble("driftNu"),
                    num.applyAsDouble("driftT0S"), num.applyAsDouble("isppStepV"),
                    num.applyAsDouble("adaptiveGain"), num.applyAsDouble("fixedStep"),
                    num.applyAsDouble("verifyWindow"), (int) num.applyAsDouble("pulseCap"),
                    num.applyAsDouble("selectorNonlinearity"), switching(file, text, values),
                    num.applyAsDouble("vtOn"), num.applyAsDouble("vtOff"), num.applyAsDouble("kOnPerNs"),
                    num.applyAsDouble("kOffPerNs"), num.applyAsDouble("alphaOn"), num.applyAsDouble("alphaOff"),
                    num.applyAsDouble("rSigmaD2D"), num.applyAsDouble("rSigmaC2C"), num.applyAsDouble("vtSigma"),
                    num.applyAsDouble("rAccessOhm"), num.applyAsDouble("rSelectorOhm"), num.applyAsDouble("rLineOhm"),
                    num.applyAsDouble("rLoadOhm"), num.applyAsDouble("vCond"), num.applyAsDouble("relaxSigma"),
                    num.applyAsDouble("retentionPerDecade"), num.applyAsDouble("retentionEaEV"), num.applyAsDouble("temperatureK"),
                    num.applyAsDouble("readDisturb"), num.applyAsDouble("gateVoltageScale"), defaulted.build());
        } catch (DevicePreset.BadValue e) {
            throw at(file, text, given, e.key(), e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UserError(file + ": " + e.getMessage());
        }
        if (given.containsKey("vLogic") && !preset.isDefault("vLogic") && !inSomeWindow(preset)) {
            throw at(file, text, given, "vLogic", preset.vLogic() + " V lies outside the window of every gate on every array type"
                    + " (kautz devices --gate-window FILE lists them)");
        }
        return preset;
    }

    /** Whether the preset's logic voltage lies in some gate's window on some array type: else no gate could work. */
    private static boolean inSomeWindow(DevicePreset p) {
        for (ArrayType type : ArrayType.values()) {
            for (GateWindow w : GateWindows.of(p, type)) if (w.open() && w.contains(p.vLogic())) return true;
        }
        return false;
    }

    private static double number(String file, String text, Map<String, String> values, String key) {
        String v = values.get(key);
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw at(file, text, values, key, key + " = '" + UserError.shown(v) + "' is not a finite number");
        }
    }

    private static SwitchingModel switching(String file, String text, Map<String, String> values) {
        try {
            return SwitchingModel.parse(values.get("switching"));
        } catch (kautz.diag.UsageError e) {
            throw at(file, text, values, "switching", e.getMessage());
        }
    }

    /**
     * An error about {@code key}: at its line when the file gives it, else naming the key as a default (a rule
     * that a default breaks only together with the file's other values).
     */
    private static UserError at(String file, String text, Map<String, String> given, String key, String message) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            String body = hash >= 0 ? line.substring(0, hash) : line;
            int eq = body.indexOf('=');
            if (eq > 0 && body.substring(0, eq).strip().equals(key)) {
                return UserError.at(file, i + 1, line.indexOf(key) + 1, key + ": " + message, line);
            }
        }
        return new UserError(file + ": " + key + " (default " + given.getOrDefault(key, "?") + "): " + message);
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
            if (!TEXT_KEYS.contains(key) && !NUMBER_KEYS.contains(key) && !key.equals(R_OFF)) {
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
