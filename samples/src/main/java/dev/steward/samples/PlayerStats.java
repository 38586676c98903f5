package dev.steward.samples;

import dev.steward.ManagedProcess;
import dev.steward.Manager;
import dev.steward.Namespace;
import java.util.List;

/**
 * The seed's player stats (seed 003, "Using Managed Namespaces"): two players' processes change a
 * shared {@code health} and {@code score}, three rounds each; the game ends at health 100 - 3×10 -
 * 3×7 = 49 and score 3×5 + 3×7 = 36.
 *
 * <p><b>The race.</b> Python's {@code stats.health -= 10} reads {@code health}, then writes it: two
 * calls, and the other player's write in between is lost. Java's {@code stats.addAndGet("health",
 * -10)} is one atomic call on the node. Beside the seed, each player also applies the seed's
 * read-then-write form to a second namespace, {@code racyStats}; the sample prints both, and only
 * the atomic one is guaranteed to end at 49 and 36.
 *
 * <p>The parent reads the stats through a typed view ({@link Namespace#view}): {@code
 * stats.getHealth()} for Python's {@code stats.health}.
 *
 * <p>Pacing: the seed's {@code time.sleep(0.3)} / {@code time.sleep(0.4)} are kept ({@link Pace}),
 * which makes the racy form's lost update rare here; the tests drop them.
 */
final class PlayerStats implements Sample {
    @Override
    public String name() {
        return "player-stats";
    }

    @Override
    public String description() {
        return "two child JVMs play on a Namespace; addAndGet vs the racy health -= 10 (seed 003)";
    }

    /** A typed view of the namespace: Python's attribute access, in Java. */
    interface Stats {
        /**
         * Reads {@code health}.
         *
         * @return the value
         */
        int getHealth();

        /**
         * Writes {@code health}.
         *
         * @param health the value
         */
        void setHealth(int health);

        /**
         * Reads {@code score}.
         *
         * @return the value
         */
        int getScore();

        /**
         * Writes {@code score}.
         *
         * @param score the value
         */
        void setScore(int score);
    }

    /**
     * How the game ended.
     *
     * @param health the final health (atomic updates)
     * @param score the final score (atomic updates)
     * @param racyHealth the final health with the seed's read-then-write form
     * @param racyScore the final score with the seed's read-then-write form
     */
    record Result(int health, int score, int racyHealth, int racyScore) {}

    /** One player's three rounds; {@code player_one_actions} and {@code player_two_actions}. */
    static void play(String player, Namespace stats, Namespace racyStats, int damage, int points, double pause)
            throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            // Python: stats.health -= 10; stats.score += 5   (each a read, then a write: racy)
            long health = stats.addAndGet("health", -damage); // race-free: one atomic call
            long score = stats.addAndGet("score", points);

            // beside the seed, the seed's own form on the second namespace: may lose an update
            racyStats.set("health", racyStats.<Integer>get("health") - damage);
            racyStats.set("score", racyStats.<Integer>get("score") + points);

            System.out.println(player + ": Health=" + health + ", Score=" + score);
            Pace.sleep(pause);
        }
    }

    /** {@code def player_one_actions(stats)}: runs in a child JVM. */
    public static final class PlayerOne {
        private PlayerOne() {}

        /**
         * Plays three rounds: health -10, score +5.
         *
         * @param stats a proxy for the shared stats
         * @param racyStats a proxy for the stats updated the seed's racy way
         * @throws InterruptedException if interrupted while pausing
         */
        public static void main(Namespace stats, Namespace racyStats) throws InterruptedException {
            play("Player One", stats, racyStats, 10, 5, 0.3);
        }
    }

    /** {@code def player_two_actions(stats)}: runs in a child JVM. */
    public static final class PlayerTwo {
        private PlayerTwo() {}

        /**
         * Plays three rounds: health -7, score +7.
         *
         * @param stats a proxy for the shared stats
         * @param racyStats a proxy for the stats updated the seed's racy way
         * @throws InterruptedException if interrupted while pausing
         */
        public static void main(Namespace stats, Namespace racyStats) throws InterruptedException {
            play("Player Two", stats, racyStats, 7, 7, 0.4);
        }
    }

    @Override
    public void run(Children children, List<String> args) throws InterruptedException {
        run(children);
    }

    static Result run(Children children) throws InterruptedException {
        try (Manager manager = Manager.start()) {
            Namespace playerStats = manager.namespace(); // manager.Namespace()
            Stats stats = playerStats.view(Stats.class);
            stats.setHealth(100); // player_stats.health = 100 (or: playerStats.set("health", 100))
            stats.setScore(0); // player_stats.score = 0
            Namespace racyStats = manager.namespace(playerStats.snapshot()); // the same start, raced the seed's way

            ManagedProcess p1 = children.spawn(manager, PlayerOne.class, playerStats, racyStats);
            ManagedProcess p2 = children.spawn(manager, PlayerTwo.class, playerStats, racyStats);
            children.joinAll(p1, p2);

            System.out.println("\nFinal Player Stats: Health=" + stats.getHealth() + ", Score=" + stats.getScore());
            Stats racy = racyStats.view(Stats.class);
            System.out.println("Beside the seed, with its racy stats.health -= 10: Health=" + racy.getHealth()
                    + ", Score=" + racy.getScore() + " (49 and 36 unless an update was lost)");
            return new Result(stats.getHealth(), stats.getScore(), racy.getHealth(), racy.getScore());
        }
    }
}
