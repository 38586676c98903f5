package dev.steward.managedtests;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The methods of {@link ThirdPartyScale} to expose, typed: what the run-time proxy implements. */
public interface ScaleApi {
    /**
     * Weighs an item.
     *
     * @param item the item
     * @param grams its weight
     * @return the running total
     */
    double weigh(String item, double grams);

    /**
     * Lists what was weighed, without waiting.
     *
     * @return the items weighed
     */
    CompletableFuture<List<String>> items();

    /**
     * Names the unit.
     *
     * @return the unit
     */
    String unit();

    /**
     * Fails.
     *
     * @param why the reason
     * @throws ScaleException always
     */
    void calibrate(String why) throws ScaleException;
}
