package dev.steward.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.steward.runtime.guice.EmbeddedNodeModule;
import dev.steward.runtime.guice.StewardService;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuiceSampleTest extends SampleTestBase {
    @Test
    void anInjectedManagerWorksForTheNodeAndForAClient() {
        GuiceSample.Result result = GuiceSample.run();

        assertThat(result.nodeAddress()).isNotBlank();
        assertThat(result.clientAddress()).isEqualTo(result.nodeAddress());
        assertThat(result.clientHostsNode()).isFalse();
        assertThat(result.tasks()).containsExactly("feed the lions", "count the zebras", "sweep the aviary");
        assertThat(out()).contains("Injected a Manager hosting a node at " + result.nodeAddress());
    }

    /** The transport is whatever module the pom brings; with the default profile, Netty TCP. */
    @Test
    void theTransportComesFromTheClassPath() {
        Injector injector = Guice.createInjector(new EmbeddedNodeModule());
        StewardService service = injector.getInstance(StewardService.class);
        assertThat(service.isRunning())
                .as("building the injector starts nothing")
                .isFalse();
        try {
            TaskBoard board = injector.getInstance(TaskBoard.class);
            assertThat(service.isRunning()).isTrue();
            String expected = System.getProperty("steward.samples.expectedScheme", "tcp://");
            assertThat(board.address()).startsWith(expected);
            board.post("one");
            assertThat(board.tasks()).isEqualTo(List.of("one"));
        } finally {
            service.stop();
        }
        assertThat(service.isRunning()).isFalse();
    }
}
