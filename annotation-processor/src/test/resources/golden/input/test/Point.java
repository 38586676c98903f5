package test;

public record Point(int x, int y) {}
