package dev.steward.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runner: lists, picks by name, refuses unknown names. */
class SamplesTest extends SampleTestBase {
    @Test
    void listShowsEverySampleWithItsDescription() throws Exception {
        assertThat(Samples.run(children, new String[] {"list"})).isZero();

        for (Sample s : Samples.ALL) {
            assertThat(outLines()).anyMatch(l -> l.trim().startsWith(s.name() + " ") && l.endsWith(s.description()));
        }
        assertThat(outLines()).anyMatch(l -> l.trim().startsWith("all "));
    }

    @Test
    void namesAreUniqueAndEverySeedExampleHasASample() {
        List<String> names = Samples.ALL.stream().map(Sample::name).toList();
        assertThat(new HashSet<>(names)).hasSameSizeAs(names);
        assertThat(names)
                .contains(
                        "demo",
                        "basic-syntax",
                        "shared-dict",
                        "event",
                        "setup",
                        "shopping-list",
                        "inventory",
                        "player-stats",
                        "queue",
                        "counter",
                        "terminate",
                        "try-with-resources",
                        "zoo",
                        "guice",
                        "remote",
                        "remote-server",
                        "remote-client");
        assertThat(Samples.ALL.stream().filter(s -> !s.partOfAll()).map(Sample::name))
                .containsExactlyInAnyOrder("remote-server", "remote-client");
    }

    @Test
    void runsASampleByNameAndIgnoresMavensEmptyArgument() throws Exception {
        assertThat(Samples.run(children, new String[] {"setup", ""})).isZero();
        assertThat(outLines()).containsExactly("Manager and shared list are ready to use!");
    }

    @Test
    void anUnknownNameIsRefused() throws Exception {
        assertThat(Samples.run(children, new String[] {"no-such-sample"})).isEqualTo(2);
    }
}
