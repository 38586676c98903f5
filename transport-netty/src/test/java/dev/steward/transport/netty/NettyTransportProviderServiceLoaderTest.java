package dev.steward.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.spi.TransportProvider;
import java.net.URI;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class NettyTransportProviderServiceLoaderTest {
    @Test
    void serviceLoaderFindsTheProvider() {
        TransportProvider provider = ServiceLoader.load(TransportProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(NettyTransportProvider.class::isInstance)
                .findFirst()
                .orElseThrow();

        assertThat(provider.name()).isEqualTo("netty-tcp");
        assertThat(provider.schemes()).containsExactly("tcp");
        assertThat(provider.priority()).isEqualTo(100);
        assertThat(provider.isAvailable()).isTrue();
        assertThat(provider.defaultAddress()).isEqualTo(URI.create("tcp://127.0.0.1:0"));
    }
}
