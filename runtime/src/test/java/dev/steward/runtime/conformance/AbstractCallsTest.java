package dev.steward.runtime.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.Manager;
import dev.steward.Namespace;
import dev.steward.NotSendableException;
import dev.steward.SharedList;
import dev.steward.SharedLong;
import dev.steward.SharedMap;
import dev.steward.SharedSet;
import dev.steward.SharedValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Calls on every built-in type, their java.util contracts, async forms, concurrency and limits. */
public abstract class AbstractCallsTest extends ConformanceBase {

    /** A record type the tests send. */
    public record Item(String name, int quantity, List<String> tags) {}

    /** An enum the tests send. */
    public enum Colour {
        RED,
        GREEN {
            @Override
            public String toString() {
                return "green!";
            }
        }
    }

    @Test
    void listFollowsTheListContract() {
        Manager m = startNode();
        SharedList<String> list = m.list();
        assertThat(list.isEmpty()).isTrue();
        assertThat(list.add("a")).isTrue();
        list.add("c");
        list.add(1, "b");
        assertThat(list).containsExactly("a", "b", "c");
        assertThat(list.size()).isEqualTo(3);
        assertThat(list.get(2)).isEqualTo("c");
        assertThat(list.set(2, "C")).isEqualTo("c");
        assertThat(list.indexOf("b")).isEqualTo(1);
        assertThat(list.lastIndexOf("zz")).isEqualTo(-1);
        assertThat(list.contains("C")).isTrue();
        assertThat(list.remove("a")).isTrue();
        assertThat(list.remove(0)).isEqualTo("b");
        assertThat(list.addAll(List.of("x", "y", "z"))).isTrue();
        assertThat(list.addAll(0, List.of("first"))).isTrue();
        assertThat(list.subList(1, 3)).containsExactly("C", "x");
        assertThat(list.containsAll(List.of("x", "z"))).isTrue();
        assertThat(list.removeAll(List.of("x"))).isTrue();
        assertThat(list.retainAll(List.of("first", "y", "z"))).isTrue();
        assertThat(list).containsExactly("first", "y", "z");
        assertThat(list.removeIf(s -> s.startsWith("f"))).isTrue();
        list.replaceAll(String::toUpperCase);
        list.sort(Collections.reverseOrder());
        assertThat(list).containsExactly("Z", "Y");
        assertThat(list).isEqualTo(List.of("Z", "Y"));
        assertThat(list.hashCode()).isEqualTo(List.of("Z", "Y").hashCode());
        assertThat(list.toString()).isEqualTo("[Z, Y]");
        assertThat(list.stream().map(String::toLowerCase).toList()).containsExactly("z", "y");
        assertThatThrownBy(() -> list.get(7))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasCauseInstanceOf(dev.steward.RemoteStackTrace.class);
        assertThatThrownBy(() -> list.add(9, "no")).isInstanceOf(IndexOutOfBoundsException.class);
        list.clear();
        assertThat(list).isEmpty();
    }

    @Test
    void listIterationIsOverASnapshot() {
        Manager m = startNode();
        SharedList<Integer> list = m.list(List.of(1, 2, 3));
        Iterator<Integer> it = list.iterator();
        list.add(4);
        List<Integer> seen = new ArrayList<>();
        it.forEachRemaining(seen::add);
        assertThat(seen).containsExactly(1, 2, 3);
        Iterator<Integer> again = list.iterator();
        again.next();
        assertThatThrownBy(again::remove).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void mapFollowsTheConcurrentMapContract() {
        Manager m = startNode();
        SharedMap<String, Integer> map = m.map();
        assertThat(map.put("a", 1)).isNull();
        assertThat(map.put("a", 2)).isEqualTo(1);
        assertThat(map.putIfAbsent("a", 3)).isEqualTo(2);
        assertThat(map.putIfAbsent("b", 3)).isNull();
        assertThat(map.replace("a", 2, 20)).isTrue();
        assertThat(map.replace("a", 2, 30)).isFalse();
        assertThat(map.replace("zz", 1)).isNull();
        assertThat(map.remove("b", 99)).isFalse();
        assertThat(map.remove("b", 3)).isTrue();
        assertThat(map.merge("a", 5, Integer::sum)).isEqualTo(25);
        assertThat(map.compute("c", (k, v) -> v == null ? 1 : v + 1)).isEqualTo(1);
        assertThat(map.computeIfAbsent("d", k -> 4)).isEqualTo(4);
        assertThat(map.computeIfPresent("d", (k, v) -> null)).isNull();
        assertThat(map.getOrDefault("d", -1)).isEqualTo(-1);
        assertThat(map.snapshot()).containsExactly(Map.entry("a", 25), Map.entry("c", 1));
        assertThat(map.keySet()).containsExactly("a", "c");
        assertThat(map.values()).containsExactly(25, 1);
        assertThat(map.containsValue(25)).isTrue();
        assertThat(map).isEqualTo(Map.of("a", 25, "c", 1));
        for (Map.Entry<String, Integer> e : map.entrySet()) {
            e.setValue(e.getValue() * 2);
        }
        assertThat(map.get("a")).isEqualTo(50);
        map.keySet().removeIf(k -> k.equals("c"));
        assertThat(map.containsKey("c")).isFalse();
        map.putAll(Map.of("x", 1, "y", 2));
        map.replaceAll((k, v) -> v + 100);
        assertThat(map.get("y")).isEqualTo(102);
        assertThatThrownBy(() -> map.put(null, 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> map.put("k", null)).isInstanceOf(NullPointerException.class);
        assertThat(map.toString()).startsWith("{a=150");
        map.clear();
        assertThat(map.isEmpty()).isTrue();
    }

    @Test
    void setNamespaceValueAndLong() {
        Manager m = startNode();
        SharedSet<String> set = m.set(List.of("a", "b"));
        assertThat(set.add("a")).isFalse();
        assertThat(set.add("c")).isTrue();
        assertThat(set).containsExactly("a", "b", "c");
        assertThat(set).isEqualTo(Set.of("a", "b", "c"));
        assertThat(set.removeIf("b"::equals)).isTrue();
        assertThat(set.retainAll(List.of("c"))).isTrue();
        assertThat(set.snapshot()).containsExactly("c");

        Namespace ns = m.namespace(Map.of("health", 100));
        ns.set("score", 0);
        assertThat(ns.has("score")).isTrue();
        int health = ns.get("health");
        assertThat(health).isEqualTo(100);
        assertThat(ns.addAndGet("health", -10)).isEqualTo(90);
        Object stored = ns.get("health");
        assertThat(stored).isInstanceOf(Integer.class);
        assertThat(ns.compareAndSet("score", 0, 5)).isTrue();
        assertThat(ns.compareAndSet("score", 0, 6)).isFalse();
        assertThat(ns.names()).containsExactly("health", "score");
        assertThatThrownBy(() -> ns.get("missing"))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("missing");
        assertThat(ns.<String>getOrDefault("missing", "x")).isEqualTo("x");
        assertThat(ns.delete("score")).isTrue();
        assertThatThrownBy(() -> ns.addAndGet("health", Long.MAX_VALUE)).isInstanceOf(ArithmeticException.class);
        assertThat((int) ns.get("health")).isEqualTo(90);
        PlayerStats stats = ns.view(PlayerStats.class);
        stats.setScore(12);
        assertThat(stats.getScore()).isEqualTo(12);
        assertThat(stats.getHealth()).isEqualTo(90);

        SharedValue<Instant> value = m.value(Instant.EPOCH);
        assertThat(value.get()).isEqualTo(Instant.EPOCH);
        assertThat(value.compareAndSet(Instant.EPOCH, Instant.ofEpochSecond(5))).isTrue();
        assertThat(value.getAndSet(null)).isEqualTo(Instant.ofEpochSecond(5));
        assertThat(value.get()).isNull();

        SharedLong counter = m.longValue(10);
        assertThat(counter.incrementAndGet()).isEqualTo(11);
        assertThat(counter.getAndAdd(5)).isEqualTo(11);
        assertThat(counter.compareAndSet(16, 0)).isTrue();
        assertThat(counter.decrementAndGet()).isEqualTo(-1);
    }

    /** A typed view of a namespace. */
    public interface PlayerStats {
        /**
         * Reads health.
         *
         * @return health
         */
        int getHealth();

        /**
         * Reads the score.
         *
         * @return the score
         */
        int getScore();

        /**
         * Writes the score.
         *
         * @param score the score
         */
        void setScore(int score);
    }

    @Test
    void valuesKeepTheirExactTypes() {
        Manager m = builder()
                .address(fixture().nodeAddress())
                .register(Item.class, Colour.class)
                .start();
        track(m);
        SharedList<Object> list = m.list();
        Item item = new Item("apple", 3, List.of("fruit", "red"));
        UUID id = UUID.randomUUID();
        Map<Object, Object> nested = new LinkedHashMap<>();
        nested.put(1, List.of(2L, (short) 3, 'c'));
        nested.put("date", LocalDate.of(2026, 11, 22));
        List<Object> values = List.of(
                1,
                2L,
                3.5,
                4.5f,
                "s",
                true,
                id,
                new BigDecimal("1.50"),
                item,
                Colour.GREEN,
                nested,
                Set.of("only"),
                new byte[] {1, 2});
        list.addAll(values);
        List<Object> back = list.snapshot();
        assertThat(back.subList(0, 12)).isEqualTo(values.subList(0, 12));
        assertThat((byte[]) back.get(12)).containsExactly(1, 2);
        assertThat(back.get(1)).isInstanceOf(Long.class);
        assertThat(back.get(9)).isSameAs(Colour.GREEN);
        assertThat(list.contains(new Item("apple", 3, List.of("fruit", "red")))).isTrue();
        assertThat(list.indexOf(Colour.GREEN)).isEqualTo(9);
    }

    @Test
    void asyncCallsPipelineAndComplete() throws Exception {
        Manager m = startNode();
        SharedLong counter = m.longValue(0);
        SharedList<Integer> list = m.list();
        List<CompletableFuture<Long>> futures = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            futures.add(counter.async().incrementAndGet());
        }
        CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])).get(60, TimeUnit.SECONDS);
        assertThat(counter.get()).isEqualTo(10_000);
        assertThat(futures.stream().map(CompletableFuture::join).distinct().count())
                .isEqualTo(10_000);
        CompletableFuture<Boolean> added = list.async().add(5);
        assertThat(added.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(list.async().get(0).get(10, TimeUnit.SECONDS)).isEqualTo(5);
        CompletableFuture<Integer> missing = list.async().get(3);
        assertThatThrownBy(() -> missing.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IndexOutOfBoundsException.class);
        assertThat(m.<String, Integer>map().async().put("k", 1).get(10, TimeUnit.SECONDS))
                .isNull();
    }

    @Test
    void aSynchronousCallInsideACallbackFailsInsteadOfDeadlocking() throws Exception {
        Manager m = startNode();
        SharedList<Integer> list = m.list();
        // the callback runs on the I/O thread when the answer arrives after it was attached, and on
        // this thread otherwise: either way it must finish, never hang
        int refused = 0;
        for (int i = 0; i < 200; i++) {
            CompletableFuture<Object> nested = list.async().add(i).thenApply(ok -> list.size());
            try {
                assertThat(nested.get(10, TimeUnit.SECONDS)).isEqualTo(i + 1);
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause())
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("deadlock");
                refused++;
            }
        }
        assertThat(refused).isBetween(0, 200);
        assertThat(list.async().add(2).thenApplyAsync(ok -> list.size()).get(10, TimeUnit.SECONDS))
                .isEqualTo(201);
    }

    @Test
    void manyThreadsShareOneConnection() throws Exception {
        Manager m = startNode();
        SharedList<Integer> list = m.list();
        SharedMap<String, Integer> map = m.map();
        int threads = 8;
        int each = 500;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int base = t * each;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        list.add(base + i);
                        map.merge("total", 1, Integer::sum);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(list.size()).isEqualTo(threads * each);
        assertThat(new java.util.HashSet<>(list.snapshot())).hasSize(threads * each);
        assertThat(map.get("total")).isEqualTo(threads * each);
    }

    @Test
    void manyClientsAtOnce() throws Exception {
        Manager node = startNode();
        SharedLong counter = node.longValue(0);
        node.publish("counter", counter);
        List<Manager> clients = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            clients.add(connect(node));
        }
        List<CompletableFuture<Long>> calls = new ArrayList<>();
        for (Manager c : clients) {
            SharedLong mine = c.lookup("counter", SharedLong.class);
            for (int i = 0; i < 100; i++) {
                calls.add(mine.async().incrementAndGet());
            }
        }
        CompletableFuture.allOf(calls.toArray(new CompletableFuture<?>[0])).get(60, TimeUnit.SECONDS);
        assertThat(counter.get()).isEqualTo(1600);
        assertThat(node.nodeStatus().sessions()).isEqualTo(17);
    }

    @Test
    void largeValuesTravel() {
        Manager m = startNode();
        SharedList<Object> list = m.list();
        String big = "x".repeat(3 * 1024 * 1024);
        list.add(big);
        assertThat(list.get(0)).isEqualTo(big);
        List<Integer> many = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            many.add(i);
        }
        list.add(many);
        assertThat(list.get(1)).isEqualTo(many);
    }

    @Test
    void aCallOverTheFrameLimitFailsOnTheSenderAndChangesNothing() {
        Manager m = builder()
                .address(fixture().nodeAddress())
                .maxFrameBytes(64 * 1024)
                .start();
        track(m);
        SharedList<String> list = m.list();
        list.add("small");
        assertThatThrownBy(() -> list.add("y".repeat(100 * 1024)))
                .isInstanceOf(NotSendableException.class)
                .hasMessageContaining("frame limit");
        assertThat(list).containsExactly("small");
        list.add("still works");
        assertThat(list.size()).isEqualTo(2);
    }

    @Test
    void anUnsendableValueFailsOnTheSenderAndChangesNothing() {
        Manager m = startNode();
        SharedList<Object> list = m.list();
        list.add("ok");
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("fine", 1);
        bad.put("worker", List.of(1, 2, new Thread()));
        assertThatThrownBy(() -> list.add(bad))
                .isInstanceOf(NotSendableException.class)
                .hasMessageContaining("java.lang.Thread")
                .hasMessageContaining("element 2")
                .hasMessageContaining("worker");
        assertThat(list).containsExactly("ok");
        assertThat(list.add("after")).isTrue();
    }

    @Test
    void aRecordTheNodeDoesNotKnowIsKeptAndReturnedIntact() {
        Manager node = startNode();
        Manager client =
                track(builder().address(node.address()).authKey(node.authKey()).connect());
        SharedList<Object> fromClient = client.list();
        Item item = new Item("pear", 2, List.of());
        fromClient.add(item);
        fromClient.add(Colour.RED);
        assertThat(fromClient.get(0)).isEqualTo(item);
        assertThat(fromClient.contains(new Item("pear", 2, List.of()))).isTrue();
        assertThat(fromClient.get(1)).isEqualTo(Colour.RED);
    }
}
