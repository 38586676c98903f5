package dev.steward.runtime.codec.pkga;

/** A plain class in an allowed package; its static initializer must never run because a message named it. */
public final class NotARecord {
    static {
        InitializationWitness.initialized.add(NotARecord.class.getName());
    }

    private NotARecord() {}
}
