package dev.steward.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.ConnectionLostException;
import org.junit.jupiter.api.Test;

class TerminateManagerTest extends SampleTestBase {
    @Test
    void sayHelloRunsOnTheNodeAndCallsFailAfterShutdown() throws Exception {
        TerminateManager.Result result = TerminateManager.run(children);

        long me = ProcessHandle.current().pid();
        assertThat(out()).contains("Hello from managed object! (printed by pid " + me + ")");
        var caller = children.of(TerminateManager.Caller.class);
        assertThat(caller).hasSize(1);
        assertThat(children.output(caller.get(0))).doesNotContain("Hello from managed object");
        assertThat(result.afterShutdown()).isInstanceOf(ConnectionLostException.class);
        assertThat(out()).contains("Calls after the shutdown fail: ConnectionLostException");
    }
}
