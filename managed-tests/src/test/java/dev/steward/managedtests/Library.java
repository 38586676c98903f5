package dev.steward.managedtests;

import dev.steward.Exposed;
import dev.steward.Managed;
import dev.steward.SharedList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Returns managed objects (Python's method_to_typeid) and takes them as arguments. */
@Managed
public class Library {
    private final Map<String, Book> books = new LinkedHashMap<>();
    private final List<Book> shelf = new ArrayList<>();
    private SharedList<String> log;

    /** Creates an empty library. */
    public Library() {}

    /**
     * Finds or adds a book: the same title is the same object.
     *
     * @param title the title
     * @return the book, as a proxy on the caller's side
     */
    @Exposed
    public Book book(String title) {
        return books.computeIfAbsent(title, Book::new);
    }

    /**
     * Puts a book on the shelf; the argument arrives as the real object.
     *
     * @param book the book
     * @return whether it is one of this library's own books (the same instance)
     */
    @Exposed
    public boolean shelve(Book book) {
        shelf.add(book);
        return books.get(book.title()) == book;
    }

    /**
     * Counts the shelf.
     *
     * @return how many books were shelved
     */
    @Exposed
    public int shelved() {
        return shelf.size();
    }

    /**
     * Keeps a shared list to log into; it arrives as a proxy usable on the node.
     *
     * @param log the list
     */
    @Exposed
    public void logTo(SharedList<String> log) {
        this.log = log;
        log.add("library opened");
    }

    /**
     * Returns the shared list it logs into.
     *
     * @return the list
     */
    @Exposed
    public SharedList<String> log() {
        return log;
    }
}
