package dev.steward.runtime.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.ConnectionLostException;
import dev.steward.ManagedProcess;
import dev.steward.Manager;
import dev.steward.Namespace;
import dev.steward.SharedList;
import dev.steward.SharedLong;
import dev.steward.SharedMap;
import dev.steward.runtime.Serve;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Shared objects used from separate JVMs: spawned children, standalone nodes, killed processes. */
public abstract class AbstractProcessTest extends ConformanceBase {

    @BeforeEach
    void onlyAcrossProcesses() {
        requireProcesses();
    }

    /** Appends to a list and counts in a counter and a map, n times. */
    public static final class AppendWorker {
        private AppendWorker() {}

        /**
         * Runs in a child.
         *
         * @param list the shared list
         * @param counter the shared counter
         * @param totals the shared map of totals
         * @param name this worker's name
         * @param n how many appends
         */
        public static void main(
                SharedList<String> list, SharedLong counter, SharedMap<String, Integer> totals, String name, int n) {
            for (int i = 0; i < n; i++) {
                list.add(name + "-" + i);
                counter.incrementAndGet();
                totals.merge("all", 1, Integer::sum);
                totals.merge(name, 1, Integer::sum);
            }
        }
    }

    @ParameterizedTest(name = "{0} children")
    @ValueSource(ints = {2, 4})
    void childrenUpdateSharedObjectsWithoutLosingAnyUpdate(int children) throws Exception {
        Manager m = startNode();
        SharedList<String> list = m.list();
        SharedLong counter = m.longValue(0);
        SharedMap<String, Integer> totals = m.map();
        int n = 150;
        List<ManagedProcess> ps = new ArrayList<>();
        for (int c = 0; c < children; c++) {
            ps.add(spawn(m, AppendWorker.class, list, counter, totals, "w" + c, n));
        }
        for (ManagedProcess p : ps) {
            assertExitsCleanly(p);
        }
        assertThat(list.size()).isEqualTo(children * n);
        assertThat(new HashSet<>(list.snapshot())).hasSize(children * n);
        assertThat(counter.get()).isEqualTo((long) children * n);
        assertThat(totals.get("all")).isEqualTo(children * n);
        for (int c = 0; c < children; c++) {
            assertThat(totals.get("w" + c)).isEqualTo(n);
        }
    }

    /** The seed's player: changes health and score through the namespace, race-free. */
    public static final class Player {
        private Player() {}

        /**
         * Runs in a child.
         *
         * @param stats the shared namespace
         * @param damage health lost per round
         * @param points score gained per round
         */
        public static void main(Namespace stats, int damage, int points) {
            for (int i = 0; i < 3; i++) {
                stats.addAndGet("health", -damage);
                stats.addAndGet("score", points);
            }
        }
    }

    @Test
    void aNamespaceIsSharedBetweenJvms() throws Exception {
        Manager m = startNode();
        Namespace stats = m.namespace();
        stats.set("health", 100);
        stats.set("score", 0);
        ManagedProcess one = spawn(m, Player.class, stats, 10, 5);
        ManagedProcess two = spawn(m, Player.class, stats, 7, 7);
        assertExitsCleanly(one);
        assertExitsCleanly(two);
        assertThat((int) stats.get("health")).isEqualTo(100 - 30 - 21);
        assertThat((int) stats.get("score")).isEqualTo(15 + 21);
    }

    /** Appends to a list that it finds inside a map. */
    public static final class AppendThroughMap {
        private AppendThroughMap() {}

        /**
         * Runs in a child.
         *
         * @param map the shared map
         * @param key where the list is
         * @param value what to append
         */
        @SuppressWarnings("unchecked")
        public static void main(SharedMap<String, Object> map, String key, String value) {
            ((SharedList<String>) map.get(key)).add(value);
        }
    }

    @Test
    void aChildAppendsToAListStoredInAMap() throws Exception {
        Manager m = startNode();
        SharedMap<String, Object> map = m.map();
        SharedList<String> inner = m.list();
        map.put("inner", inner);
        assertExitsCleanly(spawn(m, AppendThroughMap.class, map, "inner", "hello from a child"));
        assertThat(inner).containsExactly("hello from a child");
    }

    /** Creates objects, says so, then waits to be killed. */
    public static final class Holder {
        static final List<Object> KEEP = new ArrayList<>();

        private Holder() {}

        /**
         * Runs in a child.
         *
         * @param manager the child's manager
         * @param ready where to say it is ready
         * @param n how many objects to create
         * @throws InterruptedException never, in practice: it is killed
         */
        public static void main(Manager manager, SharedList<String> ready, int n) throws InterruptedException {
            for (int i = 0; i < n; i++) {
                KEEP.add(manager.map());
            }
            ready.add("ready");
            new CountDownLatch(1).await();
        }
    }

    @Test
    void aKilledClientReleasesItsReferences() throws Exception {
        Manager m = startNode();
        SharedList<String> ready = m.list();
        int baseline = m.nodeStatus().objects();
        ManagedProcess child = spawn(m, Holder.class, ready, 20);
        Await.until(
                Duration.ofSeconds(60), () -> ready.contains("ready") || !child.isAlive(), () -> "the child is ready");
        assertThat(child.isAlive()).as("child output: %s", logOf(child)).isTrue();
        assertThat(m.nodeStatus().objects()).isEqualTo(baseline + 20);
        assertThat(m.nodeStatus().sessions()).isEqualTo(2);
        child.kill();
        assertThat(child.join(Duration.ofSeconds(10))).isTrue();
        Await.until(
                Duration.ofSeconds(15),
                () -> m.nodeStatus().objects() == baseline,
                () -> "the killed child's objects are freed (objects now "
                        + m.nodeStatus().objects() + ")");
        assertThat(m.nodeStatus().sessions()).isEqualTo(1);
    }

    /** Exits with a failure. */
    public static final class Thrower {
        private Thrower() {}

        /**
         * Runs in a child.
         *
         * @param message the exception's message
         */
        public static void main(String message) {
            throw new IllegalStateException(message);
        }
    }

    /** Blocks until killed. */
    public static final class Sleeper {
        private Sleeper() {}

        /**
         * Runs in a child.
         *
         * @param args ignored
         * @throws InterruptedException never, in practice
         */
        public static void main(String[] args) throws InterruptedException {
            new CountDownLatch(1).await();
        }
    }

    @Test
    void spawnedProcessesReportExitCodesAndCanBeKilled() throws Exception {
        Manager m = startNode();
        ManagedProcess thrower = spawn(m, Thrower.class, "boom");
        assertThat(thrower.join(Duration.ofSeconds(60))).isTrue();
        assertThat(thrower.exitCode()).hasValue(1);
        assertThat(logOf(thrower)).contains("IllegalStateException: boom");

        ManagedProcess sleeper = spawn(m, Sleeper.class, "a", "b");
        assertThat(sleeper.pid()).isPositive();
        assertThat(sleeper.join(Duration.ofMillis(200))).isFalse();
        assertThat(sleeper.isAlive()).isTrue();
        sleeper.kill();
        assertThat(sleeper.onExit().get(10, TimeUnit.SECONDS)).isNotZero();

        ManagedProcess wrongArgs = spawn(m, AppendThroughMap.class, 1, 2);
        assertThat(wrongArgs.join(Duration.ofSeconds(60))).isTrue();
        assertThat(wrongArgs.exitCode()).hasValue(2);
        assertThat(logOf(wrongArgs)).contains("no public static main method that accepts (Integer, Integer)");
    }

    private JavaProcess startStandaloneNode(String key, String... publish) throws Exception {
        List<String> args = new ArrayList<>(List.of("--address", fixture().nodeAddress()));
        for (String p : publish) {
            args.add("--publish");
            args.add(p);
        }
        JavaProcess node = track(JavaProcess.start(
                Serve.class, fixture().jvmOptions(), Map.of("STEWARD_AUTHKEY", key), args.toArray(new String[0])));
        return node;
    }

    @Test
    void aStandaloneNodeServesObjectsByNameToOtherJvms() throws Exception {
        String key = HexFormat.of().formatHex(dev.steward.runtime.protocol.Handshake.newAuthKey());
        JavaProcess node = startStandaloneNode(key, "shopping=list", "stats=namespace");
        String address = node.awaitLine("serving ", Duration.ofSeconds(60)).substring("serving ".length());
        Manager client = track(
                builder().address(address).authKey(HexFormat.of().parseHex(key)).connect());
        assertThat(client.hostsNode()).isFalse();
        @SuppressWarnings("unchecked")
        SharedList<String> shopping = client.lookup("shopping", SharedList.class);
        shopping.add("from the test JVM");
        SharedLong counter = client.longValue(0);
        SharedMap<String, Integer> totals = client.map();
        ManagedProcess child = spawn(client, AppendWorker.class, shopping, counter, totals, "child", 3);
        assertExitsCleanly(child);
        assertThat(shopping).containsExactly("from the test JVM", "child-0", "child-1", "child-2");
        assertThat(client.nodeStatus().published()).containsExactlyInAnyOrder("shopping", "stats");
    }

    @Test
    void whenTheNodeIsKilledCallsFailFastAndNothingHangs() throws Exception {
        String key = HexFormat.of().formatHex(dev.steward.runtime.protocol.Handshake.newAuthKey());
        JavaProcess node = startStandaloneNode(key, "counter=long");
        String address = node.awaitLine("serving ", Duration.ofSeconds(60)).substring("serving ".length());
        Manager client = track(
                builder().address(address).authKey(HexFormat.of().parseHex(key)).connect());
        SharedLong counter = client.lookup("counter", SharedLong.class);
        assertThat(counter.incrementAndGet()).isEqualTo(1);
        dev.steward.SharedQueue<String> queue = client.queue();
        CompletableFuture<Object> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return queue.take();
            } catch (Exception e) {
                return e;
            }
        });
        Await.until(Duration.ofSeconds(20), () -> client.nodeStatus().waiters() == 1, () -> "a take waits on the node");
        List<CompletableFuture<Long>> inFlight = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            inFlight.add(counter.async().incrementAndGet());
        }
        node.kill();
        long start = System.nanoTime();
        CompletableFuture<Void> all = CompletableFuture.allOf(inFlight.toArray(new CompletableFuture<?>[0]));
        assertThatThrownBy(() -> all.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(ConnectionLostException.class);
        assertThat(inFlight).allMatch(CompletableFuture::isDone);
        assertThat(waiting.get(10, TimeUnit.SECONDS)).isInstanceOf(ConnectionLostException.class);
        assertThatThrownBy(counter::incrementAndGet)
                .isInstanceOf(ConnectionLostException.class)
                .hasMessageContaining("node at");
        assertThatThrownBy(client::list).isInstanceOf(ConnectionLostException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(counter.isClosed()).isTrue();
    }
}
