package dev.steward.runtime.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.Manager;
import dev.steward.NotSendableException;
import dev.steward.SharedList;
import dev.steward.SharedMap;
import dev.steward.UnknownObjectException;
import java.time.Duration;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** Reference counting, nested proxies, publishing by name. */
public abstract class AbstractReferencesTest extends ConformanceBase {

    @Test
    void aClosedProxySaysSoInsteadOfCallingTheNode() {
        Manager m = startNode();
        SharedList<Integer> list = m.list();
        list.add(7);
        SharedMap<String, Integer> map = m.map();
        map.put("k", 1);
        assertThat(list.toString()).isEqualTo("[7]");
        assertThat(map.toString()).isEqualTo("{k=1}");
        list.close();
        map.close();
        assertThat(list.toString()).startsWith("<closed proxy of ").endsWith(">");
        assertThat(map.toString()).startsWith("<closed proxy of ").endsWith(">");
    }

    @Test
    void closingTheLastProxyFreesTheObject() {
        Manager m = startNode();
        int baseline = m.nodeStatus().objects();
        SharedList<String> list = m.list();
        SharedMap<String, Integer> map = m.map();
        assertThat(m.nodeStatus().objects()).isEqualTo(baseline + 2);
        list.close();
        map.close();
        assertThat(list.isClosed()).isTrue();
        Await.until(Duration.ofSeconds(10), () -> m.nodeStatus().objects() == baseline, () -> "objects are freed");
        assertThatThrownBy(list::size).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void collectedProxiesReleaseTheirObjects() {
        Manager m = startNode();
        int baseline = m.nodeStatus().objects();
        createGarbage(m, 50);
        Await.untilCollected(
                Duration.ofSeconds(30),
                () -> m.nodeStatus().objects() == baseline,
                () -> "collected proxies release their objects (now "
                        + m.nodeStatus().objects() + ")");
    }

    private static void createGarbage(Manager m, int n) {
        for (int i = 0; i < n; i++) {
            SharedList<Integer> l = m.list();
            l.add(i);
        }
    }

    @Test
    void aNestedProxyIsStoredAsAReferenceAndComesBackWorking() {
        Manager m = startNode();
        Manager other = connect(m);
        int baseline = m.nodeStatus().objects();
        SharedMap<String, Object> map = m.map();
        SharedList<String> inner = m.list();
        map.put("inner", inner);
        m.publish("holder", map);
        @SuppressWarnings("unchecked")
        SharedMap<String, Object> otherMap = other.lookup("holder", SharedMap.class);
        @SuppressWarnings("unchecked")
        SharedList<String> viaOther = (SharedList<String>) otherMap.get("inner");
        viaOther.add("from the other client");
        assertThat(inner).containsExactly("from the other client");
        @SuppressWarnings("unchecked")
        SharedList<String> again = (SharedList<String>) map.get("inner");
        assertThat(again).isSameAs(inner);
        // the map's reference keeps the inner list alive when every proxy lets go
        inner.close();
        viaOther.close();
        assertThat(m.nodeStatus().objects()).isEqualTo(baseline + 2);
        @SuppressWarnings("unchecked")
        SharedList<String> fresh = (SharedList<String>) map.get("inner");
        assertThat(fresh).containsExactly("from the other client");
        fresh.close();
        m.unpublish("holder");
        otherMap.close();
        // removing it from the map drops the map's reference; the one in the answer is closed here
        ((SharedList<?>) map.remove("inner")).close();
        Await.until(
                Duration.ofSeconds(10),
                () -> m.nodeStatus().objects() == baseline + 1,
                () -> "the inner list is freed");
        map.close();
        Await.until(Duration.ofSeconds(10), () -> m.nodeStatus().objects() == baseline, () -> "the map is freed");
    }

    @Test
    void freeingAContainerFreesWhatOnlyItHeld() {
        Manager m = startNode();
        int baseline = m.nodeStatus().objects();
        SharedList<Object> outer = m.list();
        for (int i = 0; i < 5; i++) {
            SharedList<Integer> inner = m.list();
            inner.add(i);
            outer.add(inner);
            inner.close();
        }
        assertThat(m.nodeStatus().objects()).isEqualTo(baseline + 6);
        outer.close();
        Await.until(Duration.ofSeconds(10), () -> m.nodeStatus().objects() == baseline, () -> "nested lists are freed");
    }

    @Test
    void aClosingClientReleasesWhatItHeld() {
        Manager node = startNode();
        int baseline = node.nodeStatus().objects();
        Manager client = connect(node);
        for (int i = 0; i < 10; i++) {
            client.map();
        }
        assertThat(node.nodeStatus().objects()).isEqualTo(baseline + 10);
        client.close();
        Await.until(
                Duration.ofSeconds(10),
                () -> node.nodeStatus().objects() == baseline,
                () -> "a closed client's objects are freed");
        assertThat(node.nodeStatus().sessions()).isEqualTo(1);
    }

    @Test
    void publishedObjectsLiveUntilUnpublished() {
        Manager node = startNode();
        Manager client = connect(node);
        int baseline = node.nodeStatus().objects();
        SharedList<String> shopping = node.list();
        node.publish("shopping", shopping);
        shopping.add("milk");
        shopping.close();
        assertThat(node.nodeStatus().published()).contains("shopping");
        @SuppressWarnings("unchecked")
        SharedList<String> found = client.lookup("shopping", SharedList.class);
        assertThat(found).containsExactly("milk");
        assertThatThrownBy(() -> client.lookup("shopping", SharedMap.class))
                .isInstanceOf(ClassCastException.class)
                .hasMessageContaining("steward.list");
        assertThatThrownBy(() -> client.lookup("nothing", SharedList.class))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("nothing");
        found.close();
        assertThat(node.unpublish("shopping")).isTrue();
        assertThat(node.unpublish("shopping")).isFalse();
        Await.until(
                Duration.ofSeconds(10),
                () -> node.nodeStatus().objects() == baseline,
                () -> "an unpublished object nobody holds is freed");
    }

    @Test
    void aProxyOfAnotherNodeCannotBeSent() {
        Manager a = startNode();
        Manager b = startNode();
        SharedList<Object> listA = a.list();
        SharedList<Object> listB = b.list();
        assertThatThrownBy(() -> listA.add(listB))
                .isInstanceOf(NotSendableException.class)
                .hasMessageContaining("belongs to the node");
        SharedList<Object> closed = a.list();
        closed.close();
        assertThatThrownBy(() -> listA.add(closed))
                .isInstanceOf(NotSendableException.class)
                .hasMessageContaining("closed");
        assertThat(listA).isEmpty();
    }

    @Test
    void aFreedObjectIsUnknownToStaleCalls() {
        Manager node = startNode();
        Manager client = connect(node);
        SharedList<String> list = client.list();
        long id = list.objectId();
        client.close();
        Await.until(Duration.ofSeconds(10), () -> node.nodeStatus().objects() == 0, () -> "the client's list is freed");
        SharedList<Object> holder = node.list();
        assertThatThrownBy(() -> ((dev.steward.runtime.client.ProxySupport) holder)
                        .proxyHandle()
                        .connection()
                        .callSync(id, 1, "add", "x"))
                .isInstanceOf(UnknownObjectException.class)
                .hasMessageContaining(Long.toString(id));
    }
}
