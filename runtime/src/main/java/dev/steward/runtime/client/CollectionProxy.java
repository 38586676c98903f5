package dev.steward.runtime.client;

import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.function.Consumer;

/**
 * What the proxies of the shared collections have in common: everything that walks the elements
 * walks a copy taken in one call, since a walk over the node's live collection would be one call
 * per element and see it change half-way.
 *
 * @param <E> the element type
 */
abstract class CollectionProxy<E> extends AbstractProxy implements Collection<E> {
    CollectionProxy(ProxyHandle handle) {
        super(handle);
    }

    /**
     * Copies the elements, atomically, in one call.
     *
     * @return a new collection the caller owns
     */
    abstract Collection<E> copy();

    @Override
    public Iterator<E> iterator() {
        return Collections.unmodifiableCollection(copy()).iterator();
    }

    @Override
    public Spliterator<E> spliterator() {
        return copy().spliterator();
    }

    @Override
    public void forEach(Consumer<? super E> action) {
        copy().forEach(action);
    }

    @Override
    public Object[] toArray() {
        return copy().toArray();
    }

    @Override
    public <T> T[] toArray(T[] a) {
        return copy().toArray(a);
    }

    @Override
    public boolean isEmpty() {
        return size() == 0;
    }

    @Override
    public String toString() {
        return showOrClosed(() -> copy().toString());
    }
}
