package dev.steward.managedtests;

import dev.steward.Exposed;
import dev.steward.Managed;

/** A managed object that another managed object returns. */
@Managed
public class Book {
    private final String title;
    private int reads;

    /**
     * Creates a book.
     *
     * @param title its title
     */
    public Book(String title) {
        this.title = title;
    }

    /**
     * Returns the title.
     *
     * @return the title
     */
    @Exposed
    public String title() {
        return title;
    }

    /**
     * Reads the book once.
     *
     * @return how often it was read
     */
    @Exposed
    public int read() {
        return ++reads;
    }
}
