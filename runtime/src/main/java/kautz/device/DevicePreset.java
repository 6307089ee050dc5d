package kautz.device;

import com.google.common.collect.ImmutableSet;

/**
 * One memristive device: the numbers the cycle-accurate engine needs, where they come from, and which of
 * them are documented defaults rather than published values ({@link #defaulted()}). Units are in the names:
 * ohms, volts, nanoseconds, picojoules, seconds. Conductance is normalised for multi-level programming: a
 * cell's state {@code g} runs from 0 (HRS, {@code 1/(rOn·dynamicRange)}) to 1 (LRS, {@code 1/rOn}).
 *
 * @param name                 the preset's name ({@code --device NAME})
 * @param title                one line: material stack and cell type
 * @param citation             where the published numbers come from
 * @param states               distinguishable conductance states reported for the device
 * @param dynamicRange         R_off / R_on
 * @param rOnOhm               LRS resistance
 * @param vSet                 SET threshold: the first ISPP amplitude, and the amplitude of binary SET pulses
 * @param vSetMax              SET amplitude that drives the cell fully to LRS (the top of the ISPP ramp)
 * @param vReset               RESET amplitude (magnitude)
 * @param vRead                read voltage
 * @param vLogic               voltage across a stateful-logic gate (MAGIC V0)
 * @param pulseNs              width of a programming or logic pulse
 * @param readNs               width of a read or verify pulse
 * @param setEnergyPJ          switching energy of one SET, on top of V²·G·t
 * @param resetEnergyPJ        switching energy of one RESET, on top of V²·G·t
 * @param enduranceCycles      mean SET/RESET cycles before a cell sticks
 * @param enduranceSpread      standard deviation of ln(endurance) across cells (log-normal)
 * @param c2cSigma             cycle-to-cycle variation of the state a pulse reaches (normalised g)
 * @param readNoise            read noise (normalised g, Gaussian)
 * @param driftNu              resistance drift exponent ν of R(t) = R0·(t/t0)^ν (PCM; 0 = no drift)
 * @param driftT0S             drift reference time t0
 * @param isppStepV            ISPP amplitude step
 * @param adaptiveGain         adaptive scheme: fraction of the measured distance to the target the next step covers
 * @param fixedStep            fixed-pulse scheme: mean g gained per identical pulse
 * @param verifyWindow         verify window half-width, in level spacings
 * @param pulseCap             programming pulses allowed per write; a write that reaches it is a write error
 * @param selectorNonlinearity 1S1R: current ratio of a selector at full versus a third of the read voltage
 * @param defaulted            fields not given by the source, filled from the documented defaults
 */
public record DevicePreset(String name, String title, String citation, int states, double dynamicRange,
                           double rOnOhm, double vSet, double vSetMax, double vReset, double vRead, double vLogic,
                           double pulseNs, double readNs, double setEnergyPJ, double resetEnergyPJ,
                           double enduranceCycles, double enduranceSpread, double c2cSigma, double readNoise,
                           double driftNu, double driftT0S, double isppStepV, double adaptiveGain, double fixedStep,
                           double verifyWindow, int pulseCap, double selectorNonlinearity,
                           ImmutableSet<String> defaulted) {

    public DevicePreset {
        require(states >= 2, "states must be at least 2");
        require(dynamicRange > 1, "dynamicRange must exceed 1");
        require(rOnOhm > 0, "rOnOhm must be positive");
        require(vSetMax > vSet && vSet > 0, "need 0 < vSet < vSetMax");
        require(vReset > 0 && vRead > 0 && vLogic > 0, "voltages must be positive");
        require(pulseNs > 0 && readNs > 0, "pulse widths must be positive");
        require(setEnergyPJ >= 0 && resetEnergyPJ >= 0, "switching energies must not be negative");
        require(enduranceCycles >= 1, "enduranceCycles must be at least 1");
        require(enduranceSpread >= 0 && c2cSigma >= 0 && readNoise >= 0 && driftNu >= 0, "spreads and noise must not be negative");
        require(driftT0S > 0, "driftT0S must be positive");
        require(isppStepV > 0 && adaptiveGain > 0 && fixedStep > 0, "programming steps must be positive");
        require(verifyWindow > 0 && verifyWindow < 0.5, "verifyWindow must lie between 0 and 0.5 level spacings");
        require(pulseCap >= 2 && pulseCap <= 100_000, "pulseCap must lie between 2 and 100000");
        require(selectorNonlinearity >= 1, "selectorNonlinearity must be at least 1");
    }

    private static void require(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }

    /** LRS conductance in siemens. */
    public double gOn() { return 1.0 / rOnOhm; }

    /** HRS conductance in siemens. */
    public double gOff() { return 1.0 / (rOnOhm * dynamicRange); }

    /** Conductance in siemens of normalised state g (0 = HRS, 1 = LRS). */
    public double conductance(double g) { return gOff() + g * (gOn() - gOff()); }

    /** Switching events a cell survives: one SET/RESET cycle is two switches. */
    public double enduranceSwitches() { return 2 * enduranceCycles; }

    public boolean isDefault(String field) { return defaulted.contains(field); }
}
