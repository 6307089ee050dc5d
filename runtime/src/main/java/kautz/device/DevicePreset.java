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
 * @param switching            the switching law of logic and init pulses ({@link SwitchingModel})
 * @param vtOn                 SET threshold across the cell (VTEAM v_on; STT: at the critical current)
 * @param vtOff                RESET threshold across the cell
 * @param kOnPerNs             SET rate constant of the switching law, per ns
 * @param kOffPerNs            RESET rate constant, per ns
 * @param alphaOn              SET exponent (VTEAM α_on; STT: thermal stability Δ; Merz: activation ratio)
 * @param alphaOff             RESET exponent
 * @param rSigmaD2D            device-to-device spread of a cell's resistance, σ of ln R (drawn once per cell)
 * @param rSigmaC2C            cycle-to-cycle spread of resistance, σ of ln R (drawn per cell per pulse)
 * @param vtSigma              cycle-to-cycle spread of the thresholds, relative σ (drawn per cell per pulse)
 * @param rAccessOhm           1T1R: on-resistance of the access transistor in series with each cell
 * @param rSelectorOhm         1S1R: on-resistance of the selector in series with each cell
 * @param rLineOhm             line resistance per cell along a row (a cell in column c sees c·rLineOhm)
 * @param rLoadOhm             IMPLY load resistor R_G (0: the geometric mean of R_on and R_off)
 * @param vCond                IMPLY V_COND (0: chosen inside its window)
 * @param relaxSigma           RRAM relaxation just after a verified write: relative conductance spread added once
 * @param retentionPerDecade   RRAM retention loss: fraction of a cell's normalised state lost per decade of rest
 *                             (seconds, at 300 K)
 * @param retentionEaEV        activation energy of retention loss (Arrhenius acceleration with temperature)
 * @param temperatureK         operating temperature
 * @param readDisturb          normalised state a multi-level read pushes a cell towards LRS, per read
 * @param gateVoltageScale     every gate's applied voltage is its operating voltage times this (1: the operating
 *                             point; other values study the error rate against the voltage)
 * @param defaulted            fields not given by the source, filled from the documented defaults
 */
public record DevicePreset(String name, String title, String citation, int states, double dynamicRange,
                           double rOnOhm, double vSet, double vSetMax, double vReset, double vRead, double vLogic,
                           double pulseNs, double readNs, double setEnergyPJ, double resetEnergyPJ,
                           double enduranceCycles, double enduranceSpread, double c2cSigma, double readNoise,
                           double driftNu, double driftT0S, double isppStepV, double adaptiveGain, double fixedStep,
                           double verifyWindow, int pulseCap, double selectorNonlinearity,
                           SwitchingModel switching, double vtOn, double vtOff, double kOnPerNs, double kOffPerNs,
                           double alphaOn, double alphaOff, double rSigmaD2D, double rSigmaC2C, double vtSigma,
                           double rAccessOhm, double rSelectorOhm, double rLineOhm, double rLoadOhm, double vCond,
                           double relaxSigma, double retentionPerDecade, double retentionEaEV, double temperatureK,
                           double readDisturb, double gateVoltageScale, ImmutableSet<String> defaulted) {

    public DevicePreset {
        require(states >= 2, "states", "states must be at least 2");
        require(dynamicRange > 1, "dynamicRange", "R_off must exceed R_on (dynamicRange = R_off/R_on must exceed 1)");
        require(rOnOhm > 0, "rOnOhm", "rOnOhm must be positive");
        require(vSet > 0, "vSet", "vSet must be positive");
        require(vSetMax > vSet, "vSetMax", "vSetMax must exceed vSet");
        require(vReset > 0, "vReset", "vReset must be positive");
        require(vRead > 0, "vRead", "vRead must be positive");
        require(vLogic > 0, "vLogic", "vLogic must be positive");
        require(pulseNs > 0, "pulseNs", "pulseNs must be positive");
        require(readNs > 0, "readNs", "readNs must be positive");
        require(setEnergyPJ >= 0, "setEnergyPJ", "setEnergyPJ must not be negative");
        require(resetEnergyPJ >= 0, "resetEnergyPJ", "resetEnergyPJ must not be negative");
        require(enduranceCycles >= 1, "enduranceCycles", "enduranceCycles must be at least 1");
        require(enduranceSpread >= 0, "enduranceSpread", "enduranceSpread must not be negative");
        require(c2cSigma >= 0, "c2cSigma", "c2cSigma must not be negative");
        require(readNoise >= 0, "readNoise", "readNoise must not be negative");
        require(driftNu >= 0, "driftNu", "driftNu must not be negative");
        require(driftT0S > 0, "driftT0S", "driftT0S must be positive");
        require(isppStepV > 0, "isppStepV", "isppStepV must be positive");
        require(adaptiveGain > 0, "adaptiveGain", "adaptiveGain must be positive");
        require(fixedStep > 0, "fixedStep", "fixedStep must be positive");
        require(verifyWindow > 0 && verifyWindow < 0.5, "verifyWindow", "verifyWindow must lie between 0 and 0.5 level spacings");
        require(pulseCap >= 2 && pulseCap <= 100_000, "pulseCap", "pulseCap must lie between 2 and 100000");
        require(selectorNonlinearity >= 1, "selectorNonlinearity", "selectorNonlinearity must be at least 1");
        require(vtOn > 0, "vtOn", "vtOn must be positive");
        require(vtOff > 0, "vtOff", "vtOff must be positive");
        require(kOnPerNs > 0, "kOnPerNs", "kOnPerNs must be positive");
        require(kOffPerNs > 0, "kOffPerNs", "kOffPerNs must be positive");
        require(alphaOn > 0, "alphaOn", "alphaOn must be positive");
        require(alphaOff > 0, "alphaOff", "alphaOff must be positive");
        require(rSigmaD2D >= 0 && rSigmaD2D <= 2, "rSigmaD2D", "rSigmaD2D must lie between 0 and 2");
        require(rSigmaC2C >= 0 && rSigmaC2C <= 2, "rSigmaC2C", "rSigmaC2C must lie between 0 and 2");
        require(vtSigma >= 0 && vtSigma <= 0.5, "vtSigma", "vtSigma must lie between 0 and 0.5");
        require(rAccessOhm >= 0, "rAccessOhm", "rAccessOhm must not be negative");
        require(rSelectorOhm >= 0, "rSelectorOhm", "rSelectorOhm must not be negative");
        require(rLineOhm >= 0, "rLineOhm", "rLineOhm must not be negative");
        require(rLoadOhm >= 0, "rLoadOhm", "rLoadOhm must not be negative");
        require(vCond >= 0, "vCond", "vCond must not be negative");
        require(relaxSigma >= 0 && relaxSigma <= 2, "relaxSigma", "relaxSigma must lie between 0 and 2");
        require(retentionPerDecade >= 0 && retentionPerDecade <= 1, "retentionPerDecade", "retentionPerDecade must lie between 0 and 1");
        require(retentionEaEV >= 0, "retentionEaEV", "retentionEaEV must not be negative");
        require(temperatureK > 0 && temperatureK < 1000, "temperatureK", "temperatureK must lie between 0 and 1000");
        require(readDisturb >= 0 && readDisturb < 1, "readDisturb", "readDisturb must lie in [0, 1)");
        require(gateVoltageScale > 0 && gateVoltageScale <= 10, "gateVoltageScale", "gateVoltageScale must lie in (0, 10]");
    }

    /** A value of a preset that breaks a rule; {@link #key()} names the field (so a file's error can name its line). */
    public static final class BadValue extends IllegalArgumentException {
        private final String key;

        BadValue(String key, String message) {
            super(message);
            this.key = key;
        }

        public String key() { return key; }
    }

    private static void require(boolean ok, String key, String message) {
        if (!ok) throw new BadValue(key, message);
    }

    /** R_off in ohms. */
    public double rOffOhm() { return rOnOhm * dynamicRange; }

    /** Series resistance of a cell's access device in an array of this type (transistor, selector, none). */
    public double accessOhm(ArrayType type) {
        return switch (type) {
            case ONE_T_ONE_R -> rAccessOhm;
            case ONE_S_ONE_R -> rSelectorOhm;
            case PASSIVE -> 0;
        };
    }

    /** The IMPLY load resistor R_G. */
    public double loadOhm() { return rLoadOhm > 0 ? rLoadOhm : Math.sqrt(rOnOhm * rOffOhm()); }

    /** LRS conductance in siemens. */
    public double gOn() { return 1.0 / rOnOhm; }

    /** HRS conductance in siemens. */
    public double gOff() { return 1.0 / (rOnOhm * dynamicRange); }

    /**
     * Conductance in siemens of normalised state g (0 = HRS, 1 = LRS): levels sit at equal conductance ratios
     * between G_off and G_on, so the number of states and the dynamic range together set the ratio between
     * neighbouring levels, DR^(1/(L−1)).
     */
    public double conductance(double g) { return gOff() * Math.pow(dynamicRange, g); }

    /** The normalised state of conductance {@code G} (the inverse of {@link #conductance}). */
    public double normalisedOf(double G) { return Math.log(Math.max(G, gOff() * 1e-3) / gOff()) / Math.log(dynamicRange); }

    /** A relative conductance spread σ (σ of ln G) as a spread of the normalised state. */
    public double normalisedSpread(double relative) { return relative / Math.log(dynamicRange); }

    /** Whether the device drifts like PCM (the level-dependent drift and programming noise of aihwkit's PCM model). */
    public boolean isPcm() { return driftNu > 0; }

    /** Switching events a cell survives: one SET/RESET cycle is two switches. */
    public double enduranceSwitches() { return 2 * enduranceCycles; }

    public boolean isDefault(String field) { return defaulted.contains(field); }
}
