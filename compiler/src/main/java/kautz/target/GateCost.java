package kautz.target;

/**
 * What a family file says one gate costs: cycles (replacing those its ops take, for the mapper's choice) and
 * energy in pJ. {@link #NONE}: nothing said (cycles -1, energy NaN).
 */
public record GateCost(int cycles, double energyPJ) {
    public static final GateCost NONE = new GateCost(-1, Double.NaN);

    public GateCost {
        if (cycles < -1) throw new IllegalArgumentException("cycles " + cycles);
        if (!Double.isNaN(energyPJ) && (energyPJ < 0 || Double.isInfinite(energyPJ))) throw new IllegalArgumentException("energy " + energyPJ);
    }
}
