package dev.steward.transport.aeron.selection;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import dev.steward.Manager;
import dev.steward.runtime.guice.EmbeddedNodeModule;
import dev.steward.runtime.guice.StewardService;
import dev.steward.runtime.transport.TransportRegistry;
import dev.steward.transport.aeron.SharedMemoryLeftovers;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Netty and Aeron both on the class path: Aeron (priority 200) is the default, so {@code
 * Manager.start()} serves {@code aeron:ipc}; an address's scheme still picks either explicitly.
 */
class BothTransportsTest {
    @AfterEach
    void nothingLeftInSharedMemory() {
        SharedMemoryLeftovers.awaitNone(Duration.ofSeconds(10), true);
    }

    @Test
    void aeronWinsByPriorityAndTheUriPicksEitherExplicitly() {
        assertThat(DefaultTransport.providerNames()).containsExactly("aeron", "netty-tcp");
        TransportRegistry registry = TransportRegistry.load();
        assertThat(registry.defaultProvider().name()).isEqualTo("aeron");
        assertThat(registry.forAddress(URI.create("tcp://127.0.0.1:0")).name()).isEqualTo("netty-tcp");
        assertThat(registry.forAddress(URI.create("aeron:udp?endpoint=h:1")).name())
                .isEqualTo("aeron");
    }

    @Test
    void managerStartUsesAeronIpcAndAChildFindsTheDriverByItself() throws Exception {
        assertThat(DefaultTransport.startWithDefaultsAndSpawnAChild()).startsWith("aeron:ipc?stream=");
    }

    @Test
    void anExplicitTcpAddressStillGetsNetty() {
        try (Manager manager = Manager.builder().address("tcp://127.0.0.1:0").start()) {
            assertThat(manager.address()).startsWith("tcp://127.0.0.1:");
            manager.map().put("k", 1);
        }
    }

    @Test
    void guiceGivesAnEmbeddedNodeOnAeron() {
        StewardService service = Guice.createInjector(new EmbeddedNodeModule()).getInstance(StewardService.class);
        try (service) {
            Manager manager = service.start();
            assertThat(manager.address()).startsWith("aeron:ipc?");
            manager.list().add("apples");
        }
    }
}
