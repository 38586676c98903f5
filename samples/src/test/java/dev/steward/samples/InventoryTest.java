package dev.steward.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InventoryTest extends SampleTestBase {
    @Test
    void countsThreeApplesAndFiveBananasAndMergeLosesNothing() throws Exception {
        Inventory.Result result = Inventory.run(children);

        assertThat(result.inventory()).isEqualTo(Map.of("apples", 3, "bananas", 5));
        assertThat(children.lines(Inventory.AddApples.class))
                .containsExactly(
                        "Added an apple. Total apples: 1",
                        "Added an apple. Total apples: 2",
                        "Added an apple. Total apples: 3");
        assertThat(children.lines(Inventory.AddBananas.class))
                .startsWith("Added a banana. Total bananas: 1")
                .endsWith("Added a banana. Total bananas: 5")
                .hasSize(5);
        assertThat(out()).contains("Final inventory counts:", "- apples: 3", "- bananas: 5");

        int all = 2 * Inventory.RACE_ROUNDS;
        assertThat(result.merged()).as("merge never loses an increment").isEqualTo(all);
        // the racy form can only lose increments, never invent one; how many it loses is luck
        assertThat(result.racy()).isPositive().isLessThanOrEqualTo(all);
        assertThat(out()).contains("- inventory.merge(k, 1, Integer::sum):", all + " of " + all);
    }
}
