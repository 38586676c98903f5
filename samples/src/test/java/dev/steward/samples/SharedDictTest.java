package dev.steward.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SharedDictTest extends SampleTestBase {
    @Test
    void theChildsWriteIsSeenByTheParent() throws Exception {
        Map<String, String> dict = SharedDict.run(children);

        assertThat(dict).isEqualTo(Map.of("key", "value"));
        assertThat(outLines()).containsExactly("{key=value}"); // Python: {'key': 'value'}
        assertThat(children.of(SharedDict.Worker.class)).hasSize(1);
        assertThat(children.all()).allSatisfy(p -> assertThat(p.exitCode()).hasValue(0));
    }
}
