package dev.steward.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShoppingListTest extends SampleTestBase {
    private static final List<String> FRUITS = List.of("apples", "bananas", "oranges");
    private static final List<String> VEGGIES = List.of("carrots", "lettuce", "tomatoes");

    @Test
    void theListHoldsAllSixItemsInEachChildsOrder() throws Exception {
        List<String> list = ShoppingList.run(children);

        assertThat(list).hasSize(6).containsAll(FRUITS).containsAll(VEGGIES);
        assertThat(list.stream().filter(FRUITS::contains)).containsExactlyElementsOf(FRUITS);
        assertThat(list.stream().filter(VEGGIES::contains)).containsExactlyElementsOf(VEGGIES);

        assertThat(children.lines(ShoppingList.AddFruits.class))
                .containsExactly(
                        "Added apples to the shopping list.",
                        "Added bananas to the shopping list.",
                        "Added oranges to the shopping list.");
        assertThat(children.lines(ShoppingList.AddVeggies.class))
                .containsExactly(
                        "Added carrots to the shopping list.",
                        "Added lettuce to the shopping list.",
                        "Added tomatoes to the shopping list.");

        List<String> printed = outLines();
        int header = printed.indexOf("Final shopping list:");
        assertThat(header).isPositive();
        assertThat(printed.subList(header + 1, printed.size()))
                .containsExactlyElementsOf(list.stream().map(i -> "- " + i).toList());
    }
}
