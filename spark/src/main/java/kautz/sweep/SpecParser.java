package kautz.sweep;

import kautz.cli.Main;
import kautz.diag.UserError;
import kautz.sweep.JsonValue.JArray;
import kautz.sweep.JsonValue.JBool;
import kautz.sweep.JsonValue.JNumber;
import kautz.sweep.JsonValue.JObject;
import kautz.sweep.JsonValue.JString;
import kautz.util.SharedBenchmarks;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a sweep description (docs/sweeps.md) and checks it against the real command line: every axis and
 * option must be an option of the chosen kautz command, so a typo fails before the first point runs.
 */
public final class SpecParser {
    /** Bounds a study: more points than this is almost certainly a mistake in the axes. */
    public static final long MAX_POINTS = 1_000_000;
    /** Bounds a point timeout (a year): a larger number is a mistake, and "no limit" is leaving it out. */
    public static final double MAX_SECONDS = 365 * 86400.0;
    /** The prefix that names the shared benchmarks folder ({@code ../shared/benchmarks}). */
    public static final String SHARED = "${shared}";

    private static final Set<String> TOP_KEYS = Set.of("name", "command", "files", "axes", "options", "trials",
            "measures", "charts", "output", "description", "timeout");
    /** Options a point may not set: the sweep adds {@code --json} itself, and points must not write files. */
    private static final Set<String> RESERVED = Set.of("json", "o", "output", "help", "h", "version", "V");
    /** The report keys (docs/json.md) collected when a description names no measures. */
    public static final List<String> DEFAULT_MEASURES = List.of("rowSize", "gates", "logicCycles", "initCycles", "cycles",
            "cells", "ioCycles", "mismatches", "energyPJ", "maxCellWrites");

    private final Path file;
    private final String text;

    private SpecParser(Path file, String text) {
        this.file = file;
        this.text = text;
    }

    public static SweepSpec read(Path file) {
        return parse(file, kautz.util.InputFiles.readUtf8(file));
    }

    public static SweepSpec parse(Path file, String text) {
        return new SpecParser(file, text).spec(JsonReader.parse(file.toString(), text));
    }

    private SweepSpec spec(JsonValue root) {
        JObject o = object(root, "the sweep description");
        for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
            if (!TOP_KEYS.contains(e.getKey())) {
                throw error(o.keyPositions().get(e.getKey()), "unknown key \"" + e.getKey() + "\" (expected one of " + String.join(", ", TOP_KEYS.stream().sorted().toList()) + ")");
            }
        }
        String stem = file.getFileName().toString().replaceFirst("\\.json$", "");
        String name = o.members().containsKey("name") ? string(o.members().get("name"), "name") : stem;
        String description = o.members().containsKey("description") ? string(o.members().get("description"), "description") : "";
        JsonValue commandValue = required(o, "command");
        String command = string(commandValue, "command");
        CommandLine sub = Main.commandLine().getSubcommands().get(command);
        if (sub == null || command.equals("help")) throw error(commandValue.pos(), "\"" + command + "\" is not a kautz command");
        if (sub.getCommandSpec().findOption("--json") == null) {
            throw error(commandValue.pos(), "kautz " + command + " has no --json report, so a sweep cannot collect from it");
        }

        List<SweepSpec.InputFile> files = files(required(o, "files"));

        LinkedHashMap<String, List<String>> axes = new LinkedHashMap<>();
        if (o.members().containsKey("axes")) {
            JObject a = object(o.members().get("axes"), "axes");
            for (Map.Entry<String, JsonValue> e : a.members().entrySet()) {
                OptionSpec opt = option(sub, command, e.getKey(), a.keyPositions().get(e.getKey()));
                List<String> values = axisValues(e.getValue(), e.getKey(), opt);
                axes.put(e.getKey(), values);
            }
        }
        LinkedHashMap<String, String> options = new LinkedHashMap<>();
        if (o.members().containsKey("options")) {
            JObject a = object(o.members().get("options"), "options");
            for (Map.Entry<String, JsonValue> e : a.members().entrySet()) {
                JsonValue.Pos at = a.keyPositions().get(e.getKey());
                OptionSpec opt = option(sub, command, e.getKey(), at);
                if (axes.containsKey(e.getKey())) throw error(at, "\"" + e.getKey() + "\" is both an axis and a fixed option");
                options.put(e.getKey(), scalar(e.getValue(), e.getKey(), opt));
            }
        }
        String trials = null;
        if (o.members().containsKey("trials")) {
            JsonValue t = o.members().get("trials");
            JObject tr = object(t, "trials");
            long count = integer(required(tr, "count"), "trials.count", 1, MAX_POINTS);
            long seed = tr.members().containsKey("seed") ? integer(tr.members().get("seed"), "trials.seed", Long.MIN_VALUE / 2, Long.MAX_VALUE / 2) : 1;
            for (String k : tr.members().keySet()) {
                if (!k.equals("count") && !k.equals("seed")) throw error(tr.keyPositions().get(k), "unknown key \"" + k + "\" in trials (expected count and seed)");
            }
            option(sub, command, "seed", t.pos());
            if (axes.containsKey("seed") || options.containsKey("seed")) throw error(t.pos(), "trials set the seed: remove \"seed\" from the axes and options");
            List<String> seeds = new ArrayList<>();
            for (long k = 0; k < count; k++) seeds.add(Long.toString(seed + k));
            axes.put("seed", seeds);
            trials = "seed";
        }

        List<String> measures = o.members().containsKey("measures") ? strings(o.members().get("measures"), "measures") : DEFAULT_MEASURES;
        if (measures.isEmpty()) throw error(o.members().get("measures").pos(), "measures is empty: name the report keys to collect");
        List<ChartSpec> charts = new ArrayList<>();
        if (o.members().containsKey("charts")) {
            for (JsonValue c : array(o.members().get("charts"), "charts").items()) charts.add(chart(c, axes, measures, charts));
        }
        Path output = o.members().containsKey("output") ? dir().resolve(string(o.members().get("output"), "output")).normalize() : null;

        Double timeout = o.members().containsKey("timeout") ? positive(o.members().get("timeout"), "timeout") : null;

        SweepSpec spec = new SweepSpec(file, name, description, command, files, axes, options, trials, measures, charts, output, timeout);
        long size;
        try {
            size = spec.size();
        } catch (ArithmeticException e) {
            size = Long.MAX_VALUE;
        }
        if (size > MAX_POINTS) throw error(root.pos(), "the study has " + (size == Long.MAX_VALUE ? "too many" : Long.toString(size)) + " points, more than " + MAX_POINTS + ": split it");
        return spec;
    }

    private List<SweepSpec.InputFile> files(JsonValue v) {
        List<SweepSpec.InputFile> files = new ArrayList<>();
        JArray a = array(v, "files");
        if (a.items().isEmpty()) throw error(a.pos(), "files is empty");
        for (JsonValue item : a.items()) {
            String pattern = string(item, "a file");
            Path base = dir();
            String shown = pattern;
            if (pattern.startsWith(SHARED)) {
                base = SharedBenchmarks.dir().orElseThrow(() -> error(item.pos(),
                        SHARED + " is ../shared/benchmarks beside the repository, and it is not there (run from inside the repository, or set KAUTZ_SHARED to the folder holding benchmarks/)"));
                pattern = pattern.substring(SHARED.length()).replaceFirst("^/+", "");
            }
            List<SweepSpec.InputFile> matched = expand(base, pattern, shown, item);
            if (matched.isEmpty()) throw error(item.pos(), "no file matches " + shown + " (looked in " + base.resolve(pattern).getParent() + ")");
            files.addAll(matched);
        }
        return files;
    }

    /** A glob is allowed in the last path segment only; matches are sorted so the points' order is stable. */
    private List<SweepSpec.InputFile> expand(Path base, String pattern, String shown, JsonValue at) {
        Path p = base.resolve(pattern).normalize();
        String leaf = p.getFileName() == null ? "" : p.getFileName().toString();
        boolean glob = leaf.matches(".*[*?\\[{].*");
        if (!glob) return Files.isRegularFile(p) ? List.of(new SweepSpec.InputFile(shown, p)) : List.of();
        String shownDir = shown.contains("/") ? shown.substring(0, shown.lastIndexOf('/') + 1) : "";
        List<SweepSpec.InputFile> out = new ArrayList<>();
        Path parent = p.getParent();
        if (parent == null || !Files.isDirectory(parent)) return out;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(parent, leaf)) {
            for (Path f : ds) if (Files.isRegularFile(f)) out.add(new SweepSpec.InputFile(shownDir + f.getFileName(), f));
        } catch (IOException | IllegalArgumentException e) {
            throw error(at.pos(), "cannot list " + shown + ": " + e.getMessage());
        }
        out.sort((x, y) -> x.label().compareTo(y.label()));
        return out;
    }

    private ChartSpec chart(JsonValue v, Map<String, List<String>> axes, List<String> measures, List<ChartSpec> before) {
        JObject c = object(v, "a chart");
        Set<String> keys = Set.of("kind", "name", "title", "x", "y", "series", "panel");
        for (String k : c.members().keySet()) {
            if (!keys.contains(k)) throw error(c.keyPositions().get(k), "unknown key \"" + k + "\" in a chart (expected kind, name, title, x, y, series, panel)");
        }
        String kind = string(required(c, "kind"), "kind");
        if (!kind.equals(ChartSpec.LINES) && !kind.equals(ChartSpec.DISTRIBUTION)) {
            throw error(c.members().get("kind").pos(), "chart kind \"" + kind + "\" is neither lines nor distribution");
        }
        String y = measure(c, "y", measures);
        String x = null;
        if (kind.equals(ChartSpec.LINES)) {
            JsonValue xv = required(c, "x");
            x = string(xv, "x");
            if (!measures.contains(x) && !axes.containsKey(x)) throw error(xv.pos(), "x \"" + x + "\" is neither a measure nor an axis");
        }
        String series = dimension(c, "series", axes);
        String panel = dimension(c, "panel", axes);
        String name = c.members().containsKey("name") ? string(c.members().get("name"), "name") : kind + "-" + y;
        if (!name.matches("[A-Za-z0-9._-]+")) throw error(c.members().get("name").pos(), "a chart name may hold letters, digits, '.', '_' and '-' only");
        for (ChartSpec b : before) if (b.name().equals(name)) throw error(c.pos(), "two charts are named " + name + ": give one a \"name\"");
        String title = c.members().containsKey("title") ? string(c.members().get("title"), "title")
                : kind.equals(ChartSpec.LINES) ? y + " vs " + x : "distribution of " + y;
        return new ChartSpec(kind, name, title, x, y, series, panel);
    }

    private String measure(JObject c, String key, List<String> measures) {
        JsonValue v = required(c, key);
        String m = string(v, key);
        if (!measures.contains(m)) throw error(v.pos(), key + " \"" + m + "\" is not one of the measures");
        return m;
    }

    private String dimension(JObject c, String key, Map<String, List<String>> axes) {
        if (!c.members().containsKey(key)) return null;
        JsonValue v = c.members().get(key);
        String d = string(v, key);
        if (!d.equals("file") && !axes.containsKey(d)) throw error(v.pos(), key + " \"" + d + "\" is neither \"file\" nor an axis");
        return d;
    }

    private OptionSpec option(CommandLine sub, String command, String name, JsonValue.Pos at) {
        if (RESERVED.contains(name)) throw error(at, "\"" + name + "\" cannot be set in a sweep (the sweep adds --json itself; points write no files)");
        OptionSpec opt = sub.getCommandSpec().findOption(name.length() == 1 ? "-" + name : "--" + name);
        if (opt == null) {
            List<String> known = new ArrayList<>();
            for (OptionSpec s : sub.getCommandSpec().options()) {
                String n = s.longestName().replaceFirst("^-+", "");
                if (!RESERVED.contains(n)) known.add(n);
            }
            throw error(at, "kautz " + command + " has no option --" + name + " (it has " + String.join(", ", known) + ")");
        }
        return opt;
    }

    private List<String> axisValues(JsonValue v, String name, OptionSpec opt) {
        List<String> values = new ArrayList<>();
        if (v instanceof JObject range) {
            for (String k : range.members().keySet()) {
                if (!Set.of("from", "to", "step").contains(k)) throw error(range.keyPositions().get(k), "unknown key \"" + k + "\" in a range (expected from, to, step)");
            }
            long from = integer(required(range, "from"), name + ".from", Long.MIN_VALUE / 4, Long.MAX_VALUE / 4);
            long to = integer(required(range, "to"), name + ".to", Long.MIN_VALUE / 4, Long.MAX_VALUE / 4);
            long step = range.members().containsKey("step") ? integer(range.members().get("step"), name + ".step", 1, Long.MAX_VALUE / 4) : 1;
            if (to < from) throw error(range.pos(), "range of " + name + " runs backwards (to < from)");
            if ((to - from) / step + 1 > MAX_POINTS) throw error(range.pos(), "range of " + name + " has more than " + MAX_POINTS + " values");
            for (long x = from; x <= to; x += step) values.add(Long.toString(x));
            return values;
        }
        JArray a = array(v, "axis " + name + " (an array of values or a {from, to, step} range)");
        if (a.items().isEmpty()) throw error(a.pos(), "axis " + name + " has no values");
        for (JsonValue item : a.items()) {
            String s = scalar(item, name, opt);
            if (values.contains(s)) throw error(item.pos(), "axis " + name + " lists " + s + " twice");
            values.add(s);
        }
        return values;
    }

    /** A value of an option: a string or number; a boolean for a flag. */
    private String scalar(JsonValue v, String name, OptionSpec opt) {
        boolean flag = opt.arity().max() == 0;
        if (flag) {
            if (v instanceof JBool b) return b.value() ? SweepSpec.FLAG_TRUE : SweepSpec.FLAG_FALSE;
            throw error(v.pos(), "--" + name + " is a flag: its value is true or false, not " + v.kind());
        }
        if (v instanceof JString s) return s.value();
        if (v instanceof JNumber n) return n.text();
        throw error(v.pos(), "a value of " + name + " must be a string or a number, not " + v.kind());
    }

    private JsonValue required(JObject o, String key) {
        JsonValue v = o.members().get(key);
        if (v == null) throw error(o.pos(), "missing \"" + key + "\"");
        return v;
    }

    private JObject object(JsonValue v, String what) {
        if (v instanceof JObject o) return o;
        throw error(v.pos(), what + " must be an object, not " + v.kind());
    }

    private JArray array(JsonValue v, String what) {
        if (v instanceof JArray a) return a;
        throw error(v.pos(), what + " must be an array, not " + v.kind());
    }

    private String string(JsonValue v, String what) {
        if (v instanceof JString s) return s.value();
        throw error(v.pos(), what + " must be a string, not " + v.kind());
    }

    private List<String> strings(JsonValue v, String what) {
        List<String> out = new ArrayList<>();
        for (JsonValue item : array(v, what).items()) {
            String s = string(item, "an entry of " + what);
            if (out.contains(s)) throw error(item.pos(), what + " lists " + s + " twice");
            out.add(s);
        }
        return out;
    }

    private long integer(JsonValue v, String what, long min, long max) {
        if (!(v instanceof JNumber n) || !n.isInteger()) throw error(v.pos(), what + " must be an integer, not " + v.kind());
        long x;
        try {
            x = Long.parseLong(n.text());
        } catch (NumberFormatException e) {
            throw error(v.pos(), what + " is out of range");
        }
        if (x < min || x > max) throw error(v.pos(), what + " must lie between " + min + " and " + max);
        return x;
    }

    /** A positive number of seconds, at most a year. */
    private double positive(JsonValue v, String what) {
        if (!(v instanceof JNumber n)) throw error(v.pos(), what + " must be a number of seconds, not " + v.kind());
        double x = n.doubleValue();
        if (!(x > 0 && x <= MAX_SECONDS)) throw error(v.pos(), what + " must be more than 0 and at most " + (long) MAX_SECONDS + " seconds");
        return x;
    }

    private Path dir() {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }

    private UserError error(JsonValue.Pos at, String message) {
        return JsonReader.errorAt(file.toString(), text, at, message);
    }
}
