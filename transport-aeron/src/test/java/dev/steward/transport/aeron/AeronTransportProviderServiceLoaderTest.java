package dev.steward.transport.aeron;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.spi.TransportProvider;
import java.net.URI;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class AeronTransportProviderServiceLoaderTest {
    @Test
    void serviceLoaderFindsTheProvider() {
        TransportProvider provider = ServiceLoader.load(TransportProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(AeronTransportProvider.class::isInstance)
                .findFirst()
                .orElseThrow();

        assertThat(provider.name()).isEqualTo("aeron");
        assertThat(provider.schemes()).containsExactly("aeron");
        assertThat(provider.priority()).isEqualTo(200);
        assertThat(provider.isAvailable()).isTrue();
        assertThat(provider.defaultAddress()).isEqualTo(URI.create("aeron:ipc"));
    }
}
