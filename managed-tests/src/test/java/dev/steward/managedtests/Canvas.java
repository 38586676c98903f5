package dev.steward.managedtests;

import dev.steward.Managed;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Exposes every public method; signatures use records, enums and collections. */
@Managed(exposeAll = true)
public class Canvas {
    private final List<Point> points = new ArrayList<>();
    private final Map<Color, Integer> counts = new EnumMap<>(Color.class);

    /** Creates an empty canvas. */
    public Canvas() {}

    /**
     * Draws points in a color.
     *
     * @param color the color
     * @param drawn the points
     */
    public void draw(Color color, Point... drawn) {
        for (Point p : drawn) {
            points.add(p);
            counts.merge(color, 1, Integer::sum);
        }
    }

    /**
     * Returns the points drawn.
     *
     * @return a copy
     */
    public List<Point> points() {
        return new ArrayList<>(points);
    }

    /**
     * Counts points by color.
     *
     * @return the counts, sorted by color
     */
    public TreeMap<Color, Integer> counts() {
        return new TreeMap<>(counts);
    }

    /**
     * Overloads: chosen by the proxy's static types, each with its own method index.
     *
     * @param p a point
     * @return a description
     */
    public String describe(Point p) {
        return "point " + p.x() + "," + p.y();
    }

    /**
     * Overloads: chosen by the proxy's static types, each with its own method index.
     *
     * @param c a color
     * @return a description
     */
    public String describe(Color c) {
        return "color " + c.name().toLowerCase(java.util.Locale.ROOT);
    }
}
