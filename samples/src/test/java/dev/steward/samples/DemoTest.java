package dev.steward.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DemoTest extends SampleTestBase {
    @Test
    void theDemoCountsSixItems() throws Exception {
        new Demo().run(children, List.of());

        assertThat(out()).contains("Counts:        {", "fruit=3", "veg=3", "Total:         6");
        assertThat(outLines()).anyMatch(l -> l.startsWith("Shopping list: [") && l.split(",").length == 6);
        assertThat(children.lines(Demo.Shopper.class)).hasSize(6);
    }
}
