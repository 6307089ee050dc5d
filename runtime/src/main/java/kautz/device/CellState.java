package kautz.device;

/**
 * One cell as the engine holds it.
 *
 * @param conductanceS conductance in siemens
 * @param level        binary value (0 HRS, 1 LRS) of a logic cell, or the level a multi-level cell was last programmed to
 * @param multiLevel   whether the cell is used as a multi-level cell
 * @param writes       pulses applied to the cell (logic, init, I/O and programming pulses)
 * @param switches     state changes (SET or RESET events; each programming pulse counts as one)
 * @param budget       switches the cell survives before it sticks
 * @param stuck        worn out: the cell keeps its state whatever is applied
 */
public record CellState(double conductanceS, int level, boolean multiLevel, long writes, int switches, int budget,
                        boolean stuck) {}
