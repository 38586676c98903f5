package dev.steward.runtime.codec.pkga;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Records which fixture classes ran their static initializers. */
public final class InitializationWitness {
    /** Names of the classes whose static initializer ran. */
    public static final Set<String> initialized = ConcurrentHashMap.newKeySet();

    private InitializationWitness() {}
}
