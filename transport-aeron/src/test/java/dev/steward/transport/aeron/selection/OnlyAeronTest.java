package dev.steward.transport.aeron.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.Manager;
import dev.steward.NoTransportException;
import dev.steward.transport.aeron.SharedMemoryLeftovers;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Only Aeron on the class path (surefire execution {@code only-aeron}). */
class OnlyAeronTest {
    @AfterEach
    void nothingLeftInSharedMemory() {
        SharedMemoryLeftovers.awaitNone(Duration.ofSeconds(10), true);
    }

    @Test
    void nettyIsNotHere() {
        assertThatThrownBy(() -> Class.forName("dev.steward.transport.netty.NettyTransportProvider"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(DefaultTransport.providerNames()).containsExactly("aeron");
    }

    @Test
    void managerStartUsesAeronIpcAndAChildFindsTheDriverByItself() throws Exception {
        assertThat(DefaultTransport.startWithDefaultsAndSpawnAChild()).startsWith("aeron:ipc?stream=");
    }

    @Test
    void aTcpAddressNamesTheModuleToAdd() {
        assertThatThrownBy(() ->
                        Manager.builder().address("tcp://127.0.0.1:0").start().close())
                .isInstanceOf(NoTransportException.class)
                .hasMessageContaining("steward-transport-netty")
                .hasMessageContaining("available: aeron");
    }
}
