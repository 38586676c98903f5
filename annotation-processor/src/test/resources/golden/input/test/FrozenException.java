package test;

public class FrozenException extends Exception {
    private static final long serialVersionUID = 1L;

    public FrozenException() {}
}
