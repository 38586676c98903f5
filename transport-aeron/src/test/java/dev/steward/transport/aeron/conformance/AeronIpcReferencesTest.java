package dev.steward.transport.aeron.conformance;

import dev.steward.runtime.conformance.AbstractReferencesTest;
import dev.steward.runtime.conformance.TransportFixture;

class AeronIpcReferencesTest extends AbstractReferencesTest {
    @Override
    protected TransportFixture fixture() {
        return AeronIpcFixture.INSTANCE;
    }
}
