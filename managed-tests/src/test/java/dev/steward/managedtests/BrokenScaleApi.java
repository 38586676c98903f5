package dev.steward.managedtests;

/** Lists a method {@link ThirdPartyScale} does not have: registering it must fail. */
public interface BrokenScaleApi {
    /**
     * Not a method of the class.
     *
     * @param force how hard
     */
    void tare(int force);
}
