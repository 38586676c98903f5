package dev.steward.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PlayerStatsTest extends SampleTestBase {
    @Test
    void theGameEndsAtHealth49AndScore36() throws Exception {
        PlayerStats.Result result = PlayerStats.run(children);

        assertThat(result.health()).isEqualTo(100 - 3 * 10 - 3 * 7).isEqualTo(49);
        assertThat(result.score()).isEqualTo(3 * 5 + 3 * 7).isEqualTo(36);
        assertThat(out()).contains("Final Player Stats: Health=49, Score=36");

        // each line shows the values right after that player's own updates: as the rounds go by,
        // health falls and score rises, whatever the other player does in between
        for (Class<?> player : List.of(PlayerStats.PlayerOne.class, PlayerStats.PlayerTwo.class)) {
            List<String> lines = children.lines(player);
            assertThat(lines).hasSize(3).allMatch(l -> l.matches("Player (One|Two): Health=\\d+, Score=\\d+"));
            List<Integer> health = lines.stream().map(l -> number(l, "Health=")).toList();
            List<Integer> score = lines.stream().map(l -> number(l, "Score=")).toList();
            assertThat(health).isSortedAccordingTo(Comparator.reverseOrder()).doesNotHaveDuplicates();
            assertThat(score).isSorted().doesNotHaveDuplicates();
            assertThat(health).allMatch(h -> h >= 49 && h < 100);
            assertThat(score).allMatch(s -> s > 0 && s <= 36);
        }
        assertThat(children.lines(PlayerStats.PlayerOne.class)).allMatch(l -> l.startsWith("Player One: "));

        // the seed's read-then-write form can only lose updates: health no lower, score no higher
        assertThat(result.racyHealth()).isBetween(49, 100);
        assertThat(result.racyScore()).isBetween(0, 36);
    }

    private static int number(String line, String after) {
        Matcher m = Pattern.compile(Pattern.quote(after) + "(\\d+)").matcher(line);
        assertThat(m.find()).as(line).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
