package kautz.device;

/**
 * What one kernel run on the device produced.
 *
 * @param outputs       output bit-planes as the sense amplifiers read them, in the program's output order
 * @param inputsSeen    input bit-planes as loaded (mem inputs as sensed), in the program's input order
 * @param energy        energy per op and per kind
 * @param mlc           multi-level statistics of this run
 * @param sneakMisreads output bits read differently from the cell's stored value (sneak paths, noise)
 * @param deviceCycles  cycles on the device: one per logic/init op, one per programming pulse and verify read
 *                      of the slowest row for prog, one per sense
 * @param cellUpdates   cells the ops acted on (ops × rows, and each programmed cell per pulse)
 * @param gates         gate failures by kind (the circuit model; none on an ideal array)
 */
public record DeviceRun(long[][] outputs, long[][] inputsSeen, EnergyLedger energy, MlcStats mlc,
                        long sneakMisreads, long deviceCycles, long cellUpdates, GateStats gates) {}
