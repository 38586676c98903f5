package dev.steward.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.ConnectionLostException;
import dev.steward.Manager;
import dev.steward.SharedList;
import dev.steward.SharedLock;
import dev.steward.SharedQueue;
import dev.steward.StewardException;
import dev.steward.runtime.conformance.Await;
import dev.steward.runtime.transport.TransportRegistry;
import dev.steward.spi.ConnectionAcceptor;
import dev.steward.spi.FrameListener;
import dev.steward.spi.ManagerSettings;
import dev.steward.spi.ServerTransport;
import dev.steward.spi.TransportConfig;
import dev.steward.spi.TransportConnection;
import dev.steward.spi.TransportProvider;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The manager of a started node reaches it directly, in memory, on the caller's thread: the same
 * semantics as over a transport, including waits granted by other clients, async calls, and many
 * threads at once.
 */
class EmbeddedManagerTest {
    private static Manager start() {
        return Manager.builder()
                .address("local://embedded-" + UUID.randomUUID())
                .start();
    }

    @Test
    void callsAndAsyncCallsRunWithoutAThreadOfTheirOwn() throws Exception {
        try (Manager m = start()) {
            SharedList<Integer> list = m.list();
            for (int i = 0; i < 1000; i++) {
                list.add(i);
            }
            assertThat(list.size()).isEqualTo(1000);
            List<CompletableFuture<Boolean>> adds = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                adds.add(list.async().add(i));
            }
            CompletableFuture.allOf(adds.toArray(new CompletableFuture<?>[0])).get(10, TimeUnit.SECONDS);
            assertThat(list.size()).isEqualTo(2000);
            assertThatThrownBy(() -> list.get(5000)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Test
    void aWaitIsGrantedByAnotherClientAndManyThreadsShareTheConnection() throws Exception {
        try (Manager m = start()) {
            try (Manager other =
                    Manager.builder().address(m.address()).authKey(m.authKey()).connect()) {
                SharedQueue<String> q = m.queue();
                m.publish("q", q);
                SharedQueue<String> viaOther = other.lookup("q");
                var pool = Executors.newFixedThreadPool(4);
                try {
                    Future<String> taken = pool.submit(() -> q.take());
                    Await.until(Duration.ofSeconds(10), () -> m.nodeStatus().waiters() == 1, () -> "the take waits");
                    viaOther.put("hello");
                    assertThat(taken.get(10, TimeUnit.SECONDS)).isEqualTo("hello");
                    SharedLock lock = m.lock();
                    SharedList<Integer> counts = m.list();
                    List<Future<?>> workers = new ArrayList<>();
                    for (int t = 0; t < 4; t++) {
                        workers.add(pool.submit(() -> {
                            for (int i = 0; i < 200; i++) {
                                lock.lock();
                                try {
                                    counts.add(i);
                                } finally {
                                    lock.unlock();
                                }
                            }
                            return null;
                        }));
                    }
                    for (Future<?> w : workers) {
                        w.get(30, TimeUnit.SECONDS);
                    }
                    assertThat(counts.size()).isEqualTo(800);
                } finally {
                    pool.shutdownNow();
                }
            }
        }
    }

    @Test
    void closingTheNodeFailsLaterCalls() {
        Manager m = start();
        SharedList<String> list = m.list();
        m.close();
        assertThatThrownBy(list::size).isInstanceOf(ConnectionLostException.class);
    }

    /**
     * Starts a node without an address on a default transport that is the in-process one under
     * another priority, as {@code Manager.start()} does with the default transport.
     */
    private static Manager startWithoutAddress(String defaultAddress) {
        TransportProvider local = TransportRegistry.load().forAddress(URI.create(defaultAddress));
        TransportProvider asDefault = new TransportProvider() {
            @Override
            public String name() {
                return "in-process, as the default";
            }

            @Override
            public Set<String> schemes() {
                return local.schemes();
            }

            @Override
            public int priority() {
                return 1;
            }

            @Override
            public URI defaultAddress() {
                return URI.create(defaultAddress);
            }

            @Override
            public ServerTransport listen(URI address, TransportConfig config, ConnectionAcceptor acceptor)
                    throws IOException {
                return local.listen(address, config, acceptor);
            }

            @Override
            public TransportConnection connect(URI address, TransportConfig config, FrameListener listener)
                    throws IOException {
                return local.connect(address, config, listener);
            }
        };
        ManagerSettings settings = new ManagerSettings(
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                1 << 20,
                Duration.ofSeconds(1),
                Duration.ofSeconds(10),
                "embedded-test",
                Map.of());
        return new StewardRuntime(new TransportRegistry(List.of(asDefault))).start(settings);
    }

    @Test
    void withoutAnAddressTheListenerComesUpInTheBackgroundAndAddressWaitsForIt() {
        String where = "local://default-" + UUID.randomUUID();
        try (Manager m = startWithoutAddress(where)) {
            SharedList<String> list = m.list();
            assertThat(list.add("usable at once")).isTrue();
            assertThat(m.address()).isEqualTo(where);
            try (Manager other =
                    Manager.builder().address(m.address()).authKey(m.authKey()).connect()) {
                String name = "list-" + UUID.randomUUID();
                m.publish(name, list);
                SharedList<String> seen = other.lookup(name);
                assertThat(seen).containsExactly("usable at once");
            }
        }
    }

    @Test
    void aListenerThatFailsInTheBackgroundIsReportedByAddressAndSpawnNotByLocalCalls() {
        String where = "local://taken-" + UUID.randomUUID();
        try (Manager holder = Manager.builder().address(where).start()) {
            // an explicit address is bound before start() returns, so its failure is start()'s
            assertThatThrownBy(() -> Manager.builder().address(where).start())
                    .isInstanceOf(StewardException.class)
                    .hasMessageContaining("cannot start a node on " + where)
                    .hasMessageContaining("already in use");
            // without one, this JVM can use its node while the listener fails in the background
            try (Manager m = startWithoutAddress(where)) {
                SharedList<String> list = m.list();
                assertThat(list.add("still usable here")).isTrue();
                assertThat(list).containsExactly("still usable here");
                assertThatThrownBy(m::address)
                        .isInstanceOf(StewardException.class)
                        .hasMessageContaining("could not listen on " + where)
                        .hasMessageContaining("already in use");
                assertThatThrownBy(() -> m.process(EmbeddedManagerTest.class))
                        .isInstanceOf(StewardException.class)
                        .hasMessageContaining("could not listen");
            }
            assertThat(holder.list().add("the first node serves on")).isTrue();
        }
    }
}
