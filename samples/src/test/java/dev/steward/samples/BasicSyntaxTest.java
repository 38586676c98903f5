package dev.steward.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BasicSyntaxTest extends SampleTestBase {
    @Test
    void createsASharedListAndASharedDictThatWork() {
        BasicSyntax.Result result = BasicSyntax.run();

        assertThat(result.list()).isEqualTo(List.of("apples"));
        assertThat(result.dict()).isEqualTo(Map.of("greeting", "hello"));
        assertThat(outLines())
                .containsExactly(
                        "shared_list = [], shared_dict = {}", "shared_list = [apples], shared_dict = {greeting=hello}");
    }
}
