package dev.steward.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.ManagedProcess;
import dev.steward.Manager;
import dev.steward.SharedEvent;
import dev.steward.runtime.conformance.Await;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EventSampleTest extends SampleTestBase {
    @Test
    void theChildPrintsEventIsSetAfterWaiting() throws Exception {
        assertThat(EventSample.run(children)).isTrue();

        assertThat(children.lines(EventSample.Worker.class)).containsExactly("Waiting for event...", "Event is set!");
    }

    /** Beyond the seed (which may set the event before the child waits): the child really blocks. */
    @Test
    void theChildWaitsOnTheNodeUntilTheEventIsSet() throws Exception {
        try (Manager manager = Manager.start()) {
            SharedEvent event = manager.event();
            ManagedProcess child = children.spawn(manager, EventSample.Worker.class, event);
            Await.until(
                    Duration.ofSeconds(60),
                    () -> manager.nodeStatus().waiters() == 1 || !child.isAlive(),
                    () -> "the child waits on the node; its output: " + children.output(child));
            assertThat(child.isAlive()).as(children.output(child)).isTrue();
            assertThat(children.output(child)).isEqualTo("Waiting for event...\n");

            event.set();
            children.joinAll(child);
            assertThat(children.output(child)).isEqualTo("Waiting for event...\nEvent is set!\n");
        }
    }
}
