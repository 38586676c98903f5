package dev.steward.runtime.node;

import dev.steward.UnknownMethodException;
import dev.steward.UnknownObjectException;
import dev.steward.runtime.protocol.Ops;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;

/** Object 0: the node itself, which creates, publishes, finds and counts the others. */
final class NodeObject extends HostedObject {
    static final String TYPE = "steward.node";

    @Override
    public String typeName() {
        return TYPE;
    }

    @Override
    public void invoke(Call c) {
        Node node = node();
        switch (c.method()) {
            case Ops.Node.CREATE: {
                if (c.args().length < 1) {
                    throw new UnknownMethodException("create needs a type name");
                }
                String type = c.stringArg(0);
                Object[] args = Arrays.copyOfRange(c.args(), 1, c.args().length);
                node.create(type, args, c);
                break;
            }
            case Ops.Node.LOOKUP: {
                c.expect(1, "lookup");
                String name = c.stringArg(0);
                HostedObject o = node.published(name);
                if (o == null) {
                    throw new NoSuchElementException("nothing is published under the name '" + name + "'");
                }
                try {
                    c.reply(o);
                } finally {
                    o.release(1);
                }
                break;
            }
            case Ops.Node.PUBLISH: {
                c.expect(2, "publish");
                if (!(c.arg(1) instanceof HostedObject o)) {
                    throw new IllegalArgumentException("only shared objects can be published");
                }
                node.publish(c.stringArg(0), o);
                c.reply(null);
                break;
            }
            case Ops.Node.UNPUBLISH:
                c.expect(1, "unpublish");
                c.reply(node.unpublish(c.stringArg(0)));
                break;
            case Ops.Node.ACQUIRE: {
                c.expect(1, "acquire");
                acquire(c);
                break;
            }
            case Ops.Node.STATUS:
                c.expect(0, "status");
                c.reply(node.statusMap());
                break;
            default:
                throw new UnknownMethodException("the node has no method " + c.method());
        }
    }

    private void acquire(Call c) {
        if (!(c.arg(0) instanceof List<?> ids)) {
            throw new IllegalArgumentException("acquire needs a list of object ids");
        }
        List<HostedObject> taken = new ArrayList<>(ids.size());
        try {
            for (Object id : ids) {
                long objectId = id instanceof Number n ? n.longValue() : -1;
                HostedObject o = objectId <= 0 ? null : node().find(objectId);
                if (o == null || !o.retain()) {
                    throw new UnknownObjectException("object " + id + " does not exist on this node any more: the"
                            + " process that passed it on let it go before this one took it over");
                }
                taken.add(o);
            }
        } catch (RuntimeException e) {
            taken.forEach(o -> o.release(1));
            throw e;
        }
        c.session().adopt(taken);
        c.reply(null);
    }
}
