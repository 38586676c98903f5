package dev.steward.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ZooSimulatorTest extends SampleTestBase {
    @Test
    void countsTwoLionsAndSixAnimals() throws Exception {
        ZooSimulator.Result result = ZooSimulator.run(children);

        assertThat(result.animals()).containsExactlyInAnyOrder("lion", "tiger", "elephant", "giraffe", "lion", "zebra");
        assertThat(result.animals().stream().filter(List.of("tiger", "elephant")::contains))
                .containsExactly("tiger", "elephant");
        assertThat(result.counts()).isEqualTo(Map.of("lion", 2, "tiger", 1, "elephant", 1, "giraffe", 1, "zebra", 1));
        assertThat(result.total()).isEqualTo(6);

        assertThat(out())
                .contains(
                        "Final Zoo List: " + result.animals(),
                        "Final Zoo Counts: " + result.counts(),
                        "Total Animals in Zoo: 6");
        // each child saw the totals rise, and between them every total from 1 to 6 was printed once
        List<String> added = children.lines(ZooSimulator.AddAnimals.class);
        assertThat(added).hasSize(6).allMatch(l -> l.matches("Added \\w+\\. Total animals now: [1-6]"));
        assertThat(added.stream().map(l -> l.substring(l.lastIndexOf(' ') + 1)))
                .containsExactlyInAnyOrder("1", "2", "3", "4", "5", "6");
    }
}
