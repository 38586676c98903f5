package dev.steward.transport.aeron.selection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.ManagedProcess;
import dev.steward.Manager;
import dev.steward.SharedList;
import dev.steward.SharedLong;
import dev.steward.SharedMap;
import dev.steward.runtime.conformance.AbstractProcessTest;
import dev.steward.runtime.transport.TransportRegistry;
import dev.steward.spi.TransportProvider;
import java.lang.ProcessBuilder.Redirect;
import java.time.Duration;
import java.util.List;

/** What every selection test checks: the registry's order, and that the default really works. */
final class DefaultTransport {
    private DefaultTransport() {}

    /** The names of the transports on this class path, highest priority first. */
    static List<String> providerNames() {
        return TransportRegistry.load().providers().stream()
                .map(TransportProvider::name)
                .toList();
    }

    /**
     * Starts a node with every default, spawns a child on it, and checks the child's work.
     *
     * @return the node's address
     */
    static String startWithDefaultsAndSpawnAChild() throws InterruptedException {
        try (Manager manager = Manager.start()) {
            SharedList<String> list = manager.list();
            SharedLong counter = manager.longValue(0);
            SharedMap<String, Integer> totals = manager.map();
            ManagedProcess child = manager.process(AbstractProcessTest.AppendWorker.class)
                    .args(list, counter, totals, "child", 3)
                    .output(Redirect.INHERIT)
                    .error(Redirect.INHERIT)
                    .start();
            try {
                assertThat(child.join(Duration.ofSeconds(60)))
                        .as("the child ended")
                        .isTrue();
                assertThat(child.exitCode()).hasValue(0);
            } finally {
                child.kill();
            }
            assertThat(list).containsExactly("child-0", "child-1", "child-2");
            assertThat(counter.get()).isEqualTo(3);
            return manager.address();
        }
    }
}
