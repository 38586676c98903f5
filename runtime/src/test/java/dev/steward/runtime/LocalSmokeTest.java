package dev.steward.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.Manager;
import dev.steward.Namespace;
import dev.steward.SharedList;
import dev.steward.SharedMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalSmokeTest {
    @Test
    void basics() {
        try (Manager m = Manager.builder().address("local://smoke").start()) {
            SharedList<String> list = m.list();
            list.add("a");
            list.add("b");
            assertThat(list).containsExactly("a", "b");
            assertThat(list.get(1)).isEqualTo("b");
            assertThatThrownBy(() -> list.get(5)).isInstanceOf(IndexOutOfBoundsException.class);
            SharedMap<String, Integer> map = m.map();
            map.put("x", 1);
            map.merge("x", 5, Integer::sum);
            assertThat(map.get("x")).isEqualTo(6);
            map.put("inner", 2);
            assertThat(map.snapshot()).isEqualTo(Map.of("x", 6, "inner", 2));
            SharedMap<String, Object> nest = m.map();
            SharedList<Integer> inner = m.list();
            nest.put("l", inner);
            @SuppressWarnings("unchecked")
            SharedList<Integer> back = (SharedList<Integer>) nest.get("l");
            back.add(7);
            assertThat(inner).containsExactly(7);
            assertThat(back).isSameAs(inner);
            Namespace ns = m.namespace();
            ns.set("health", 100);
            assertThat(ns.addAndGet("health", -10)).isEqualTo(90);
            int health = ns.get("health");
            assertThat(health).isEqualTo(90);
            assertThat(m.nodeStatus().objects()).isEqualTo(5);
            assertThat(List.copyOf(list)).containsExactly("a", "b");
        }
    }
}
