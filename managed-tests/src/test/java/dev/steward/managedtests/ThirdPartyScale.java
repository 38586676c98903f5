package dev.steward.managedtests;

import java.util.ArrayList;
import java.util.List;

/**
 * A class one cannot annotate (imagine it in a library jar): registered at run time with {@link
 * ScaleApi} as its exposed interface. It does not implement the interface.
 */
public class ThirdPartyScale {
    private final String unit;
    private final List<String> weighed = new ArrayList<>();
    private double total;

    /**
     * Creates a scale.
     *
     * @param unit the unit it reports
     */
    public ThirdPartyScale(String unit) {
        this.unit = unit;
    }

    /**
     * Weighs an item.
     *
     * @param item the item
     * @param grams its weight
     * @return the running total
     */
    public double weigh(String item, double grams) {
        weighed.add(item);
        total += grams;
        return total;
    }

    /**
     * Lists what was weighed.
     *
     * @return the items, in order
     */
    public List<String> items() {
        return new ArrayList<>(weighed);
    }

    /**
     * Names the unit.
     *
     * @return the unit
     */
    public String unit() {
        return unit;
    }

    /**
     * Fails.
     *
     * @param why the reason
     * @throws ScaleException always
     */
    public void calibrate(String why) throws ScaleException {
        throw new ScaleException("cannot calibrate: " + why);
    }

    /**
     * Not listed in the interface: never callable remotely.
     *
     * @return something
     */
    public String internals() {
        return "secret";
    }
}
