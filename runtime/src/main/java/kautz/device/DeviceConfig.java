package kautz.device;

/**
 * How the engine runs: the device, the array type, the seed for every random draw (endurance, variation,
 * noise), the write-verify scheme, how many levels a bare {@code prog}/{@code sense} uses, and how long
 * multi-level cells rest before they are sensed (drift).
 *
 * @param cols      array columns; 0 = as many as the program needs (mem cells are added beyond them)
 * @param ideal     healthy functional behaviour: no wear-out, no noise, no sneak paths (the reference)
 */
public record DeviceConfig(DevicePreset preset, ArrayType arrayType, int rows, int cols, long seed,
                           WriteScheme scheme, int mlcLevels, double readDelayS, boolean ideal) {
    public static final int MAX_ROWS = 1 << 20;
    public static final int MAX_COLS = 1 << 16;

    public DeviceConfig {
        if (rows < 1 || rows > MAX_ROWS) throw new IllegalArgumentException("rows must lie between 1 and " + MAX_ROWS);
        if (cols < 0 || cols > MAX_COLS) throw new IllegalArgumentException("cols must lie between 0 and " + MAX_COLS);
        if (mlcLevels < 2 || mlcLevels > preset.states()) {
            throw new IllegalArgumentException("mlcLevels must lie between 2 and the device's " + preset.states() + " states");
        }
        if (readDelayS < 0) throw new IllegalArgumentException("readDelayS must not be negative");
    }

    public static DeviceConfig of(DevicePreset preset, ArrayType type, int rows, long seed) {
        return new DeviceConfig(preset, type, rows, 0, seed, WriteScheme.ISPP, Math.min(4, preset.states()), 0, false);
    }

    public DeviceConfig withScheme(WriteScheme s) { return new DeviceConfig(preset, arrayType, rows, cols, seed, s, mlcLevels, readDelayS, ideal); }
    public DeviceConfig withCols(int c) { return new DeviceConfig(preset, arrayType, rows, c, seed, scheme, mlcLevels, readDelayS, ideal); }
    public DeviceConfig withSeed(long s) { return new DeviceConfig(preset, arrayType, rows, cols, s, scheme, mlcLevels, readDelayS, ideal); }
    public DeviceConfig withReadDelay(double d) { return new DeviceConfig(preset, arrayType, rows, cols, seed, scheme, mlcLevels, d, ideal); }
    public DeviceConfig withMlcLevels(int l) { return new DeviceConfig(preset, arrayType, rows, cols, seed, scheme, l, readDelayS, ideal); }
    /** The same array run as a healthy functional model (the reference for mismatches). */
    public DeviceConfig asIdeal() { return new DeviceConfig(preset, ArrayType.ONE_T_ONE_R, rows, cols, seed, scheme, mlcLevels, 0, true); }
}
