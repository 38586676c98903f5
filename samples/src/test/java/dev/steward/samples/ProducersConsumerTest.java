package dev.steward.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ProducersConsumerTest extends SampleTestBase {
    @Test
    void everyMessageIsConsumedExactlyOnce() throws Exception {
        int left = ProducersConsumer.run(children);

        List<String> expected = Stream.of("Producer1", "Producer2")
                .flatMap(p -> Stream.of(0, 1, 2).map(i -> p + " says hello " + i))
                .toList();
        List<String> produced = children.lines(ProducersConsumer.Producer.class);
        assertThat(produced)
                .containsExactlyInAnyOrderElementsOf(
                        expected.stream().map(m -> "Produced: " + m).toList());

        List<String> consumed = children.lines(ProducersConsumer.Consumer.class);
        assertThat(consumed).hasSize(6).allMatch(l -> l.startsWith("Consumed: "));
        assertThat(consumed.stream().map(l -> l.substring("Consumed: ".length())))
                .containsExactlyInAnyOrderElementsOf(expected); // each once: six lines, six distinct messages
        // one queue, first in first out: each producer's messages are consumed in its order
        for (String producer : List.of("Producer1", "Producer2")) {
            assertThat(consumed.stream().filter(l -> l.contains(producer)))
                    .containsExactly(
                            "Consumed: " + producer + " says hello 0",
                            "Consumed: " + producer + " says hello 1",
                            "Consumed: " + producer + " says hello 2");
        }
        assertThat(left).isZero();
        assertThat(children.all()).hasSize(3);
    }
}
