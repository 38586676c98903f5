package dev.steward.runtime.local;

import dev.steward.runtime.conformance.AbstractReferencesTest;
import dev.steward.runtime.conformance.TransportFixture;

class LocalReferencesTest extends AbstractReferencesTest {
    @Override
    protected TransportFixture fixture() {
        return LocalTransportFixture.INSTANCE;
    }
}
