package test;

import dev.steward.Managed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

@Managed(exposeAll = true)
public class Canvas {
    private final List<Point> points = new ArrayList<>();

    public Canvas() {}

    public void draw(Color color, Point... drawn) {
        points.addAll(List.of(drawn));
    }

    public List<Point> points() {
        return points;
    }

    public TreeMap<Color, Integer> counts(Map<Color, Integer> start) {
        return new TreeMap<>(start);
    }

    public String describe(Point p) {
        return "point";
    }

    public String describe(Color c) {
        return "color";
    }

    public char initial(char c, boolean upper, double scale, float f, short s, byte b) {
        return c;
    }

    @Override
    public String toString() {
        return "canvas of " + points.size();
    }

    void packagePrivateIsNotExposed() {}
}
