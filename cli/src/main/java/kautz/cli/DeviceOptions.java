package kautz.cli;

import kautz.device.ArrayType;
import kautz.device.DeviceConfig;
import kautz.device.DevicePreset;
import kautz.device.DevicePresets;
import kautz.device.WriteScheme;
import kautz.diag.UsageError;
import kautz.diag.UserError;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;

/** The options that select and configure the cycle-accurate device engine; shared by the commands that run programs. */
public final class DeviceOptions {
    /** The options that only the device engine reads (--levels also sets the functional engines' levels). */
    private static final List<String> DEVICE_ONLY = List.of("--device-set", "--gate-voltage-scale", "--variation", "--array", "--cols", "--runs",
            "--wear-levelling", "--write-scheme", "--read-delay");

    @Spec(Spec.Target.MIXEE) CommandSpec command;

    @Option(names = "--device", paramLabel = "PRESET|FILE",
            description = "run on the cycle-accurate device engine with this preset (kautz devices lists them) or preset file; reports energy, wear, lifetime (default: the functional engines, no device)")
    String device;

    @Option(names = "--device-set", paramLabel = "KEY=V[,KEY=V…]",
            description = "replace values of the preset (keys of a preset file, e.g. rSigmaD2D=0.1,gateVoltageScale=0.9): a sweep axis over device parameters (default: the preset as written)")
    String deviceSet;

    @Option(names = "--gate-voltage-scale", paramLabel = "S",
            description = "apply S times each gate's operating voltage (error rate against voltage; kautz devices --gate-window shows the windows; default: 1, the preset's voltages)")
    Double gateVoltageScale;

    @Option(names = "--variation", paramLabel = "S",
            description = "scale the preset's device-to-device, cycle-to-cycle and threshold spreads by S (error rate against variation; default: 1, the preset's spreads)")
    Double variation;

    @Option(names = "--array", paramLabel = "TYPE", description = "array type: 1t1r, 1s1r or passive (default: ${DEFAULT-VALUE})")
    String array = "1t1r";

    @Option(names = "--cols", paramLabel = "C", description = "array columns (default: the program's row; sneak paths grow with it)")
    int cols;

    @Option(names = "--runs", paramLabel = "N", description = "repeat the run N times on the same array (fresh random inputs, wear accumulating, worn cells stuck); reports when mismatches begin (default: 1, one run)")
    int runs = 1;

    @Option(names = "--wear-levelling", description = "with --runs: rotate the program's cells through the row by one column per run")
    boolean wearLevelling;

    @Option(names = "--write-scheme", paramLabel = "NAME", description = "multi-level write-verify: ispp, fixed or adaptive (default: ${DEFAULT-VALUE})")
    String scheme = "ispp";

    @Option(names = "--levels", paramLabel = "L", description = "levels of a cell programmed by a bare prog op (default: 4, at most the device's states)")
    int levels;

    @Option(names = "--read-delay", paramLabel = "SECONDS", description = "rest before multi-level cells are sensed (PCM drift R(t)=R0(t/t0)^nu) (default: 0)")
    double readDelay;

    /** Whether a device was asked for. */
    public boolean enabled() { return device != null; }

    /**
     * Refuses what would be silently ignored: without --device an option only the device engine reads, and
     * --wear-levelling without repeated --runs.
     */
    public void refuseUnused() {
        var parsed = command == null ? null : command.commandLine().getParseResult();
        if (parsed == null) return;
        if (device == null) {
            for (String o : DEVICE_ONLY) {
                if (parsed.hasMatchedOption(o)) throw new UsageError(o + " sets up the device engine; add --device PRESET (kautz devices lists them)");
            }
        } else if (wearLevelling && runs < 2) {
            throw new UsageError("--wear-levelling rotates cells between repeated runs; add --runs N (N at least 2)");
        }
    }

    public DeviceConfig config(int rows, long seed) {
        DevicePreset preset = DevicePresets.load(device);
        if (deviceSet != null) preset = DevicePresets.withValues(preset, deviceSet, "--device-set");
        if (gateVoltageScale != null) {
            preset = DevicePresets.withValues(preset, "gateVoltageScale=" + gateVoltageScale, "--gate-voltage-scale");
        }
        if (variation != null) {
            if (!(variation >= 0 && variation <= 100)) throw new UsageError("--variation must lie between 0 and 100");
            preset = DevicePresets.withValues(preset, "rSigmaD2D=" + preset.rSigmaD2D() * variation + ",rSigmaC2C=" + preset.rSigmaC2C() * variation
                    + ",vtSigma=" + preset.vtSigma() * variation, "--variation");
        }
        if (runs < 1 || runs > kautz.device.RepeatedRuns.MAX_RUNS) throw new UsageError("--runs must lie between 1 and " + kautz.device.RepeatedRuns.MAX_RUNS);
        if (cols < 0 || cols > DeviceConfig.MAX_COLS) throw new UsageError("--cols must lie between 1 and " + DeviceConfig.MAX_COLS);
        int l = levels == 0 ? Math.min(4, preset.states()) : levels;
        if (l < 2 || l > preset.states()) throw new UsageError("--levels must lie between 2 and the " + preset.states() + " states of " + preset.name());
        if (readDelay < 0 || !Double.isFinite(readDelay)) throw new UsageError("--read-delay must be a non-negative number of seconds");
        if (rows > DeviceConfig.MAX_ROWS) throw new UsageError("--rows: the device engine takes at most " + DeviceConfig.MAX_ROWS + " rows");
        return new DeviceConfig(preset, ArrayType.parse(array), rows, cols, seed, WriteScheme.parse(scheme), l, readDelay, false);
    }

    /**
     * Levels of a cell a bare prog op programs in the functional engines: --levels, else 4, the device
     * engine's default; a level beyond them is refused there as on the device.
     */
    public int functionalLevels() {
        if (levels == 0) return 4;
        if (levels < 2 || levels > 1 << 16) throw new UsageError("--levels must lie between 2 and 65536");
        return levels;
    }

    public int runs() { return runs; }
    public boolean wearLevelling() { return wearLevelling; }
}
