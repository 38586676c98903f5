package dev.steward.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import dev.steward.Manager;
import dev.steward.NoTransportException;
import dev.steward.runtime.guice.EmbeddedNodeModule;
import dev.steward.runtime.guice.StewardService;
import org.junit.jupiter.api.Test;

/** The runtime module alone has no transport: injecting a Manager must say which modules to add. */
class GuiceWithoutTransportTest {
    @Test
    void theErrorNamesTheTransportModulesToAdd() {
        Injector injector = Guice.createInjector(new EmbeddedNodeModule());
        StewardService service = injector.getInstance(StewardService.class);
        assertThat(service.isRunning()).isFalse();
        assertThatThrownBy(() -> injector.getInstance(Manager.class))
                .isInstanceOf(ProvisionException.class)
                .rootCause()
                .isInstanceOf(NoTransportException.class)
                .hasMessageContaining("steward-transport-netty")
                .hasMessageContaining("steward-transport-aeron");
    }

    @Test
    void managerStartWithoutTransportSaysTheSame() {
        assertThatThrownBy(Manager::start)
                .isInstanceOf(NoTransportException.class)
                .hasMessageContaining("dev.steward:steward-transport-netty");
    }

    @Test
    void anEmbeddedNodeModuleCanUseTheInProcessTransport() {
        Injector injector = Guice.createInjector(new EmbeddedNodeModule(b -> b.address("local://guice")));
        try (StewardService service = injector.getInstance(StewardService.class)) {
            Manager manager = injector.getInstance(Manager.class);
            assertThat(injector.getInstance(Manager.class)).isSameAs(manager);
            manager.list().add("x");
            assertThat(service.isRunning()).isTrue();
        }
    }
}
