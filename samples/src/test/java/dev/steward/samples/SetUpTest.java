package dev.steward.samples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SetUpTest extends SampleTestBase {
    @Test
    void printsThatTheManagerAndTheListAreReady() {
        assertThat(SetUp.run()).isEmpty();
        assertThat(outLines()).containsExactly("Manager and shared list are ready to use!");
    }
}
