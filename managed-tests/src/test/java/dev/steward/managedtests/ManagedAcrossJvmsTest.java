package dev.steward.managedtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.ManagedProcess;
import dev.steward.Manager;
import dev.steward.runtime.conformance.ConformanceBase;
import dev.steward.runtime.conformance.TransportFixture;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Managed objects used from spawned child JVMs, which receive working proxies as arguments. */
class ManagedAcrossJvmsTest extends ConformanceBase {

    @Override
    protected TransportFixture fixture() {
        return NettyTcp.INSTANCE;
    }

    /** The seed's worker: increments the counter five times. */
    public static final class CounterWorker {
        private CounterWorker() {}

        /**
         * Runs in a child.
         *
         * @param counter the shared counter
         */
        public static void main(Counter_Proxy counter) {
            for (int i = 0; i < 5; i++) {
                counter.increment();
                System.out.println("Counter value: " + counter.getValue());
            }
        }
    }

    @Test
    void twoChildrenIncrementTheSeedsCounterFiveTimesEach() throws Exception {
        Manager m = startNode();
        Counter_Proxy counter = Counter_Proxy.create(m);
        ManagedProcess one = spawn(m, CounterWorker.class, counter);
        ManagedProcess two = spawn(m, CounterWorker.class, counter);
        assertExitsCleanly(one);
        assertExitsCleanly(two);
        assertThat(counter.getValue()).isEqualTo(10);
        counter.reset();
        assertThat(counter.getValue()).isZero();
    }

    /** The seed's Process(target=shared_obj.say_hello). */
    public static final class SayHello {
        private SayHello() {}

        /**
         * Runs in a child.
         *
         * @param dummy the shared object
         */
        public static void main(Dummy_Proxy dummy) {
            dummy.sayHello();
            System.out.println("child pid " + ProcessHandle.current().pid());
        }
    }

    @Test
    void sayHelloRunsOnTheNodeNotInTheCallingChild() throws Exception {
        Manager m = startNode();
        Dummy_Proxy dummy = Dummy_Proxy.create(m);
        ManagedProcess child = spawn(m, SayHello.class, dummy);
        assertExitsCleanly(child);
        Greeting where = dummy.lastHello();
        assertThat(where.message()).isEqualTo("Hello from managed object!");
        assertThat(where.pid())
                .as("the node runs in this JVM, the caller in the child")
                .isEqualTo(ProcessHandle.current().pid())
                .isNotEqualTo(child.pid());
        assertThat(where.thread()).startsWith("steward-managed-");
        assertThat(logOf(child)).doesNotContain("Hello from managed object!");
    }

    /** Reads values of record and enum types it never sent nor registered. */
    public static final class CanvasReader {
        private CanvasReader() {}

        /**
         * Runs in a child.
         *
         * @param canvas the canvas
         */
        public static void main(Canvas_Proxy canvas) {
            List<Point> points = canvas.points();
            if (!points.equals(List.of(new Point(1, 2)))) {
                throw new AssertionError("unexpected points " + points);
            }
            if (canvas.counts().get(Color.GREEN) != 1) {
                throw new AssertionError("unexpected counts " + canvas.counts());
            }
            canvas.draw(Color.BLUE, new Point(3, 4));
        }
    }

    @Test
    void aChildReceivesRecordsAndEnumsOfExposedSignaturesWithoutRegisteringThem() throws Exception {
        Manager m = startNode();
        Canvas_Proxy canvas = Canvas_Proxy.create(m);
        canvas.draw(Color.GREEN, new Point(1, 2));
        assertExitsCleanly(spawn(m, CanvasReader.class, canvas));
        assertThat(canvas.points()).containsExactly(new Point(1, 2), new Point(3, 4));
    }

    /** Uses a class registered at run time, knowing only its interface. */
    public static final class ScaleUser {
        private ScaleUser() {}

        /**
         * Runs in a child.
         *
         * @param scale the scale, a proxy made at run time
         * @param item what to weigh
         * @throws Exception if the scale misbehaves
         */
        public static void main(ScaleApi scale, String item) throws Exception {
            scale.weigh(item, 100);
            scale.weigh(item + "-again", 50);
            List<String> items = scale.items().get(30, TimeUnit.SECONDS);
            System.out.println("weighed " + items + " in " + scale.unit());
            try {
                scale.calibrate("from the child");
                throw new AssertionError("calibrate should fail");
            } catch (ScaleException expected) {
                System.out.println("caught " + expected);
            }
        }
    }

    @Test
    void aThirdPartyClassRegisteredAtRunTimeIsUsedFromAChild() throws Exception {
        Manager m = track(builder()
                .address(fixture().nodeAddress())
                .registerManaged(ThirdPartyScale.class, ScaleApi.class)
                .start());
        ScaleApi scale = m.create(ThirdPartyScale.class, "kg");
        scale.weigh("crate", 10);
        ManagedProcess child = spawn(m, ScaleUser.class, scale, "box");
        assertExitsCleanly(child);
        assertThat(scale.items().get(10, TimeUnit.SECONDS)).containsExactly("crate", "box", "box-again");
        assertThat(scale.weigh("last", 1)).isEqualTo(161.0);
        assertThat(logOf(child)).contains("in kg").contains("caught " + ScaleException.class.getName());
    }

    /** Uses a proxy in a JVM that never hosts the class. */
    public static final class WitnessUser {
        private WitnessUser() {}

        /**
         * Runs in a child.
         *
         * @param witness the proxy
         */
        public static void main(Witness_Proxy witness) {
            long nodePid = witness.pid();
            System.out.println("node pid " + nodePid + ", child pid "
                    + ProcessHandle.current().pid());
            System.out.println("initialized here: " + System.getProperty(Witness.INITIALIZED));
            System.out.println("constructed here: " + System.getProperty(Witness.CONSTRUCTED));
            if (nodePid == ProcessHandle.current().pid()) {
                throw new AssertionError("the instance should live on the node");
            }
        }
    }

    @Test
    void aProxyNeverRunsTheClassInTheClient() throws Exception {
        Manager m = startNode();
        Witness_Proxy witness = Witness_Proxy.create(m);
        ManagedProcess child = spawn(m, WitnessUser.class, witness);
        assertExitsCleanly(child);
        assertThat(logOf(child)).contains("initialized here: null").contains("constructed here: null");
        assertThat(System.getProperty(Witness.CONSTRUCTED))
                .as("the node constructed it")
                .isEqualTo("yes");
    }
}
