package dev.steward.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.ConnectionLostException;
import dev.steward.Manager;
import dev.steward.SharedList;
import dev.steward.SharedLock;
import dev.steward.SharedQueue;
import dev.steward.runtime.conformance.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
}
