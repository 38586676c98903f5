package dev.steward.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.steward.Manager;
import dev.steward.SharedList;
import dev.steward.runtime.guice.EmbeddedNodeModule;
import dev.steward.runtime.guice.RemoteNodeModule;
import dev.steward.runtime.guice.StewardService;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** With Netty on the class path, an injector with the runtime's module gives a working Manager. */
class GuiceNettyTest {
    /** An application class that wants a Manager. */
    static final class Inventory {
        private final Manager manager;

        @Inject
        Inventory(Manager manager) {
            this.manager = manager;
        }

        SharedList<String> shelf() {
            return manager.list();
        }
    }

    @Test
    void injectingAManagerStartsAnEmbeddedNodeOnNetty() {
        Injector injector = Guice.createInjector(new EmbeddedNodeModule(), new AbstractModule() {});
        StewardService service = injector.getInstance(StewardService.class);
        assertThat(service.isRunning())
                .as("building the injector opens no socket")
                .isFalse();
        try (service) {
            Inventory inventory = injector.getInstance(Inventory.class);
            SharedList<String> shelf = inventory.shelf();
            shelf.add("apples");
            Manager manager = injector.getInstance(Manager.class);
            assertThat(manager.address()).startsWith("tcp://127.0.0.1:");
            assertThat(manager.hostsNode()).isTrue();

            Injector remote = Guice.createInjector(new RemoteNodeModule(manager.address(), manager.authKey()));
            try (StewardService remoteService = remote.getInstance(StewardService.class)) {
                Manager client = remote.getInstance(Manager.class);
                assertThat(client.hostsNode()).isFalse();
                client.publish("shelf", shelf);
                @SuppressWarnings("unchecked")
                SharedList<String> seen = client.lookup("shelf", SharedList.class);
                assertThat(seen).containsExactly("apples");
                assertThat(remoteService.isRunning()).isTrue();
            }
        }
        assertThat(service.isRunning()).isFalse();
    }

    @Test
    void managerStartPicksNettyByDefault() {
        try (Manager manager = Manager.start()) {
            assertThat(manager.address()).startsWith("tcp://127.0.0.1:");
            manager.map().put("k", 1);
        }
    }
}
