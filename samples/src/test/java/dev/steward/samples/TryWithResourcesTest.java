package dev.steward.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.ConnectionLostException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TryWithResourcesTest extends SampleTestBase {
    @Test
    void theListHoldsTaskDoneAndTheNodeStopsWithTheBlock() throws Exception {
        TryWithResources.Result result = TryWithResources.run(children);

        assertThat(result.list()).isEqualTo(List.of("task done"));
        assertThat(outLines()).first().isEqualTo("[task done]"); // Python: ['task done']
        assertThat(result.afterClose()).isInstanceOf(ConnectionLostException.class);
        assertThat(out()).contains("After the block the node is gone: ConnectionLostException");
    }
}
