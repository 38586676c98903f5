package test;

public class InsufficientFundsException extends Exception {
    private static final long serialVersionUID = 1L;

    public InsufficientFundsException(String message, Throwable cause) {
        super(message, cause);
    }
}
