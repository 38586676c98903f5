package dev.steward.managedtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.Manager;
import dev.steward.RemoteInvocationException;
import dev.steward.RemoteStackTrace;
import dev.steward.SharedList;
import dev.steward.UnknownMethodException;
import dev.steward.runtime.conformance.Await;
import dev.steward.runtime.conformance.ConformanceBase;
import dev.steward.runtime.conformance.TransportFixture;
import dev.steward.runtime.managed.ManagedType;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Managed classes used from clients in this JVM, over TCP to a node in this JVM. */
class ManagedObjectsTest extends ConformanceBase {

    @Override
    protected TransportFixture fixture() {
        return NettyTcp.INSTANCE;
    }

    @Test
    void theCounterCountsAndResets() {
        Manager m = startNode();
        Counter_Proxy counter = Counter_Proxy.create(m);
        counter.increment();
        counter.increment();
        assertThat(counter.getValue()).isEqualTo(2);
        assertThat(counter.add(40)).isEqualTo(42);
        counter.reset();
        assertThat(counter.getValue()).isZero();
        assertThat(counter.typeName()).isEqualTo(Counter.class.getName());
        assertThat(counter.toString()).contains(Counter.class.getName());
    }

    @Test
    void constructorsRunOnTheNodeWithTheirArguments() {
        Manager m = startNode();
        assertThat(Counter_Proxy.create(m, 7).getValue()).isEqualTo(7);
        Counter_Proxy untyped = m.create(Counter.class, 9);
        assertThat(untyped.getValue()).isEqualTo(9);
        Counter_Proxy noArgs = m.create(Counter.class);
        assertThat(noArgs.getValue()).isZero();
        assertThatThrownBy(() -> m.create(Counter.class, "nine"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no public constructor of " + Counter.class.getName() + " accepts (String)");
        assertThatThrownBy(() -> m.create(String.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a managed class");
    }

    @Test
    void aConstructorThatThrowsFailsTheCreate() {
        Manager m = startNode();
        assertThatThrownBy(() -> Account_Proxy.create(m, -5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative balance: -5")
                .hasCauseInstanceOf(RemoteStackTrace.class);
        assertThat(m.nodeStatus().objects()).isZero();
    }

    @Test
    void onlyExposedMethodsExist() throws Exception {
        List<String> names = new ArrayList<>();
        for (Method method : Counter_Proxy.class.getDeclaredMethods()) {
            names.add(method.getName());
        }
        assertThat(names).contains("increment", "reset", "getValue", "add").doesNotContain("secret");
        assertThat(Counter.class.isAssignableFrom(Counter_Proxy.class)).isFalse();

        Manager m = startNode();
        Counter_Proxy counter = Counter_Proxy.create(m);
        int selectorOfIndex0 = selectorBits();
        assertThatThrownBy(() -> counter.proxyHandle().call(selectorOfIndex0 | 100, "secret"))
                .isInstanceOf(UnknownMethodException.class)
                .hasMessageContaining("has no exposed method with index 100");
    }

    @Test
    void aCallFromAnotherVersionOfTheClassFailsClearly() {
        Manager m = startNode();
        Counter_Proxy counter = Counter_Proxy.create(m);
        int otherVersion = (selectorBits() ^ (1 << 20)) | 1;
        assertThatThrownBy(() -> counter.proxyHandle().call(otherVersion, "increment"))
                .isInstanceOf(UnknownMethodException.class)
                .hasMessageContaining("compiled from another version of the class");
        assertThat(counter.getValue()).isZero();
    }

    /** The fingerprint bits of a proxy's selectors, read from the registration. */
    private static int selectorBits() {
        return new Counter_ManagedType().selector(0);
    }

    @Test
    void aMethodReturningAManagedObjectReturnsAProxyAndTheSameObjectTwice() {
        Manager m = startNode();
        Library_Proxy library = Library_Proxy.create(m);
        Book_Proxy dune = library.book("Dune");
        assertThat(dune.title()).isEqualTo("Dune");
        assertThat(dune.read()).isEqualTo(1);
        Book_Proxy again = library.book("Dune");
        assertThat(again.objectId()).isEqualTo(dune.objectId());
        assertThat(again).isSameAs(dune);
        assertThat(again.read()).isEqualTo(2);
        assertThat(library.book("Emma").objectId()).isNotEqualTo(dune.objectId());

        assertThat(library.shelve(dune))
                .as("a proxy arrives on the node as the real object")
                .isTrue();
        Book_Proxy stranger = Book_Proxy.create(m, "Dune");
        assertThat(library.shelve(stranger)).isFalse();
        assertThat(library.shelved()).isEqualTo(2);
        assertThat(library.async().book("Dune").join()).isSameAs(dune);
    }

    @Test
    void sharedObjectsTravelAsProxiesBothWays() {
        Manager m = startNode();
        Library_Proxy library = Library_Proxy.create(m);
        SharedList<String> log = m.list();
        library.logTo(log);
        assertThat(log).containsExactly("library opened");
        SharedList<String> back = library.log();
        assertThat(back.objectId()).isEqualTo(log.objectId());
        assertThat(back).isSameAs(log);
    }

    @Test
    void aDeclaredCheckedExceptionIsRethrownAsItself() {
        Manager m = startNode();
        Account_Proxy account = Account_Proxy.create(m, 100);
        assertThatThrownBy(() -> account.withdraw(500))
                .isExactlyInstanceOf(InsufficientFundsException.class)
                .hasMessage("cannot withdraw 500: the balance is 100")
                .cause()
                .isInstanceOf(RemoteStackTrace.class)
                .satisfies(t -> assertThat(Arrays.toString(t.getStackTrace())).contains("Account.withdraw"));
        assertThatThrownBy(() -> account.async().withdraw(500).join())
                .isInstanceOf(CompletionException.class)
                .cause()
                .isExactlyInstanceOf(InsufficientFundsException.class);
        assertThat(account.async().withdraw(30).join()).isEqualTo(70L);
    }

    @Test
    void anUncheckedExceptionComesBackWithTypeNameMessageAndNodeTrace() throws Exception {
        Manager m = startNode();
        Account_Proxy account = Account_Proxy.create(m, 100);
        RemoteInvocationException e = null;
        try {
            account.openVault();
        } catch (RemoteInvocationException thrown) {
            e = thrown;
        }
        assertThat(e).isNotNull();
        assertThat(e.remoteType()).isEqualTo(VaultJammedException.class.getName());
        assertThat(e.remoteMessage()).isEqualTo("the vault door is stuck");
        assertThat(e.getCause()).isInstanceOf(RemoteStackTrace.class);
        assertThat(e.getCause().getStackTrace()[0].getMethodName()).isEqualTo("jam");
        assertThat(e.getCause().getStackTrace()[0].getClassName()).isEqualTo(Account.class.getName());
        assertThat(Arrays.toString(e.getStackTrace()))
                .as("the client's own frames are kept")
                .contains("anUncheckedExceptionComesBackWithTypeNameMessageAndNodeTrace");
        assertThat(account.balance()).as("the object still works").isEqualTo(100);
    }

    @Test
    void tenThousandPipelinedAsyncIncrementsCountExactly() {
        Manager m = startNode();
        Counter_Proxy counter = Counter_Proxy.create(m);
        int n = 10_000;
        List<CompletableFuture<Void>> calls = new ArrayList<>(n);
        long started = System.nanoTime();
        for (int i = 0; i < n; i++) {
            calls.add(counter.async().increment());
        }
        CompletableFuture.allOf(calls.toArray(new CompletableFuture<?>[0])).join();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertThat(counter.getValue()).isEqualTo(n);
        assertThat(counter.async().getValue().join()).isEqualTo(n);
        System.out.println(n + " pipelined async increments took " + millis + " ms");
    }

    @Test
    void aBlockingMethodDelaysOnlyItsOwnObject() throws Exception {
        Manager m = startNode();
        String latch = "blocking-" + System.nanoTime();
        Gate.LATCHES.put(latch, new CountDownLatch(1));
        try {
            Gate_Proxy gate = Gate_Proxy.create(m);
            Gate_Proxy otherGate = Gate_Proxy.create(m);
            Counter_Proxy counter = Counter_Proxy.create(m);
            CompletableFuture<Boolean> blocked = gate.async().pass(latch);
            CompletableFuture<Integer> queuedBehind = gate.async().passed();
            for (int i = 0; i < 100; i++) {
                counter.increment();
            }
            assertThat(counter.getValue()).isEqualTo(100);
            assertThat(otherGate.passed()).isZero();
            assertThat(m.list().add("the transport is not stalled")).isTrue();
            assertThat(blocked).isNotDone();
            assertThat(queuedBehind).as("calls on one object run one at a time").isNotDone();
            Gate.LATCHES.get(latch).countDown();
            assertThat(blocked.get(30, TimeUnit.SECONDS)).isTrue();
            assertThat(queuedBehind.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        } finally {
            Gate.LATCHES.remove(latch).countDown();
        }
    }

    @Test
    void anInlineClassRunsOnTheTransportThreadAndStillOneCallAtATime() throws Exception {
        Manager node = startNode();
        Tally_Proxy tally = Tally_Proxy.create(node);
        assertThat(tally.thread())
                .as("inline: the thread that delivered the call")
                .startsWith("steward-netty");

        // the embedded manager below reaches the node in memory, so each of its callers' threads
        // runs inline calls itself: four threads and a TCP client at once, one call at a time
        Manager embedded = track(fixture()
                .configure(Manager.builder())
                .address(fixture().nodeAddress())
                .start());
        Tally_Proxy shared = Tally_Proxy.create(embedded);
        Manager remote = connect(embedded);
        Tally_Proxy viaTcp = reach(remote, embedded, shared);
        int threads = 4;
        int each = 2_500;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                work.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        shared.add(1);
                    }
                }));
            }
            List<CompletableFuture<Integer>> pipelined = new ArrayList<>();
            for (int i = 0; i < each; i++) {
                pipelined.add(viaTcp.async().add(1));
            }
            for (Future<?> f : work) {
                f.get(60, TimeUnit.SECONDS);
            }
            CompletableFuture.allOf(pipelined.toArray(new CompletableFuture<?>[0]))
                    .get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(shared.value()).as("no overlapping call lost an update").isEqualTo((threads + 1) * each);
    }

    @Test
    void callsOnAConcurrentClassOverlap() throws Exception {
        Manager m = startNode();
        ConcurrentGate_Proxy proxy = ConcurrentGate_Proxy.create(m);
        CompletableFuture<Boolean> one = proxy.async().meet();
        CompletableFuture<Boolean> two = proxy.async().meet();
        assertThat(one.get(40, TimeUnit.SECONDS)).isTrue();
        assertThat(two.get(40, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void recordsEnumsAndCollectionsTravelAndOverloadsResolveStatically() {
        Manager m = startNode();
        Canvas_Proxy canvas = Canvas_Proxy.create(m);
        canvas.draw(Color.RED, new Point(1, 2), new Point(3, 4));
        canvas.draw(Color.BLUE, new Point(5, 6));
        assertThat(canvas.points()).containsExactly(new Point(1, 2), new Point(3, 4), new Point(5, 6));
        TreeMap<Color, Integer> counts = canvas.counts();
        assertThat(counts).containsExactly(Map.entry(Color.RED, 2), Map.entry(Color.BLUE, 1));
        assertThat(canvas.describe(new Point(7, 8))).isEqualTo("point 7,8");
        assertThat(canvas.describe(Color.GREEN)).isEqualTo("color green");
    }

    @Test
    void aManagedObjectCanBePublishedAndLookedUpByAnotherClient() {
        Manager m = startNode();
        Counter_Proxy counter = Counter_Proxy.create(m, 3);
        m.publish("counter", counter);
        Manager other = connect(m);
        Counter_Proxy found = other.lookup("counter", Counter_Proxy.class);
        found.increment();
        assertThat(counter.getValue()).isEqualTo(4);
    }

    @Test
    void closingTheLastProxyFreesTheObjectsItReturned() {
        Manager m = startNode();
        Library_Proxy library = Library_Proxy.create(m);
        Book_Proxy book = library.book("Dune");
        assertThat(book.read()).isEqualTo(1);
        assertThat(m.nodeStatus().objects()).isEqualTo(2);
        long firstId = book.objectId();
        book.close();
        Await.until(
                Duration.ofSeconds(10),
                () -> m.nodeStatus().objects() == 1,
                () -> "the book's hosting ends with its last proxy: "
                        + m.nodeStatus().objects());
        Book_Proxy again = library.book("Dune");
        assertThat(again.objectId()).as("hosted anew").isNotEqualTo(firstId);
        assertThat(again.read()).as("the instance lives on in the library").isEqualTo(2);
        again.close();
        library.close();
        Await.until(
                Duration.ofSeconds(10),
                () -> m.nodeStatus().objects() == 0,
                () -> "every object is freed: " + m.nodeStatus().objects());
    }

    @Test
    void aClassRegisteredAtRunTimeWorksThroughItsInterface() throws Exception {
        Manager m = track(builder()
                .address(fixture().nodeAddress())
                .registerManaged(ThirdPartyScale.class, ScaleApi.class)
                .start());
        ScaleApi scale = m.create(ThirdPartyScale.class, "g");
        assertThat(scale.unit()).isEqualTo("g");
        assertThat(scale.weigh("apple", 150)).isEqualTo(150.0);
        assertThat(scale.weigh("pear", 170.5)).isEqualTo(320.5);
        assertThat(scale.items().get(10, TimeUnit.SECONDS)).containsExactly("apple", "pear");
        assertThatThrownBy(() -> scale.calibrate("no weights"))
                .isExactlyInstanceOf(ScaleException.class)
                .hasMessage("cannot calibrate: no weights")
                .hasCauseInstanceOf(RemoteStackTrace.class);
        assertThat(scale).isInstanceOf(dev.steward.SharedObject.class);
        assertThat(((dev.steward.SharedObject) scale).typeName()).isEqualTo(ThirdPartyScale.class.getName());
        assertThatThrownBy(() -> m.create(ThirdPartyScale.class, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no public constructor");
    }

    @Test
    void aRegistrationWhoseInterfaceTheClassDoesNotSatisfyFailsAtStart() {
        assertThatThrownBy(() -> track(builder()
                        .address(fixture().nodeAddress())
                        .registerManaged(ThirdPartyScale.class, BrokenScaleApi.class)
                        .start()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(ThirdPartyScale.class.getName() + " has no public method tare(int)")
                .hasMessageContaining("the interface may list only methods the class has");
        assertThatThrownBy(() -> Manager.builder().registerManaged(Counter.class, ScaleApi.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is @Managed already");
        assertThatThrownBy(() -> Manager.builder().registerManaged(ThirdPartyScale.class, ThirdPartyScale.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not an interface");
    }

    @Test
    void theGeneratedRegistrationsAreFoundByServiceLoader() {
        List<String> found = new ArrayList<>();
        for (ManagedType<?> t : ServiceLoader.load(ManagedType.class)) {
            found.add(t.typeName());
        }
        assertThat(found)
                .contains(Counter.class.getName(), Dummy.class.getName(), Library.class.getName())
                .doesNotContain(ThirdPartyScale.class.getName());
    }
}
