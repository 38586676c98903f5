package dev.steward.transport.aeron.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.Manager;
import dev.steward.NoTransportException;
import org.junit.jupiter.api.Test;

/**
 * Only Netty on the class path (surefire execution {@code only-netty}, which leaves this module's
 * own classes and Aeron out): the same tests pick Netty, and an Aeron address names the module to
 * add.
 */
class OnlyNettyTest {
    @Test
    void aeronIsNotHere() {
        assertThatThrownBy(() -> Class.forName("dev.steward.transport.aeron.AeronTransportProvider"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("io.aeron.Aeron")).isInstanceOf(ClassNotFoundException.class);
        assertThat(DefaultTransport.providerNames()).containsExactly("netty-tcp");
    }

    @Test
    void managerStartUsesNettyAndAChildReachesIt() throws Exception {
        assertThat(DefaultTransport.startWithDefaultsAndSpawnAChild()).startsWith("tcp://127.0.0.1:");
    }

    @Test
    void anAeronAddressNamesTheModuleToAdd() {
        assertThatThrownBy(() -> Manager.builder().address("aeron:ipc").start().close())
                .isInstanceOf(NoTransportException.class)
                .hasMessageContaining("steward-transport-aeron")
                .hasMessageContaining("available: netty-tcp");
    }
}
