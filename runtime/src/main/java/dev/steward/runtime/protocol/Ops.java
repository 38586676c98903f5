package dev.steward.runtime.protocol;

/**
 * Type names and method indexes of the built-in shared types, shared by the node's objects and the
 * client's proxies. Indexes are part of the wire protocol: never renumber, only add.
 */
public final class Ops {
    private Ops() {}

    /** Methods of the node itself (object 0). */
    public static final class Node {
        public static final int CREATE = 1;
        public static final int LOOKUP = 2;
        public static final int PUBLISH = 3;
        public static final int UNPUBLISH = 4;
        public static final int ACQUIRE = 5;
        public static final int STATUS = 6;

        private Node() {}
    }

    /** {@code steward.list}. */
    public static final class ListOps {
        public static final String TYPE = "steward.list";
        public static final int ADD = 1;
        public static final int ADD_AT = 2;
        public static final int ADD_ALL = 3;
        public static final int ADD_ALL_AT = 4;
        public static final int GET = 5;
        public static final int SET = 6;
        public static final int REMOVE_AT = 7;
        public static final int REMOVE = 8;
        public static final int SIZE = 9;
        public static final int CONTAINS = 10;
        public static final int INDEX_OF = 11;
        public static final int LAST_INDEX_OF = 12;
        public static final int CLEAR = 13;
        public static final int SNAPSHOT = 14;
        public static final int CONTAINS_ALL = 15;
        public static final int REMOVE_ALL = 16;
        public static final int RETAIN_ALL = 17;
        public static final int SUB_LIST = 18;
        public static final int VERSIONED_SNAPSHOT = 19;
        public static final int REPLACE_IF_VERSION = 20;

        private ListOps() {}
    }

    /** {@code steward.map}. */
    public static final class MapOps {
        public static final String TYPE = "steward.map";
        public static final int GET = 1;
        public static final int PUT = 2;
        public static final int REMOVE = 3;
        public static final int CONTAINS_KEY = 4;
        public static final int CONTAINS_VALUE = 5;
        public static final int SIZE = 6;
        public static final int CLEAR = 7;
        public static final int SNAPSHOT = 8;
        public static final int PUT_ALL = 9;
        public static final int PUT_IF_ABSENT = 10;
        public static final int REPLACE = 11;
        public static final int REPLACE_IF = 12;
        public static final int REMOVE_IF = 13;
        public static final int KEYS = 14;
        public static final int VALUES = 15;
        public static final int REMOVE_VALUE = 16;

        private MapOps() {}
    }

    /** {@code steward.set}. */
    public static final class SetOps {
        public static final String TYPE = "steward.set";
        public static final int ADD = 1;
        public static final int REMOVE = 2;
        public static final int CONTAINS = 3;
        public static final int SIZE = 4;
        public static final int CLEAR = 5;
        public static final int SNAPSHOT = 6;
        public static final int ADD_ALL = 7;
        public static final int REMOVE_ALL = 8;
        public static final int RETAIN_ALL = 9;
        public static final int CONTAINS_ALL = 10;
        public static final int VERSIONED_SNAPSHOT = 11;
        public static final int REPLACE_IF_VERSION = 12;

        private SetOps() {}
    }

    /** {@code steward.namespace}. */
    public static final class NamespaceOps {
        public static final String TYPE = "steward.namespace";
        public static final int GET = 1;
        public static final int GET_OR_DEFAULT = 2;
        public static final int SET = 3;
        public static final int DELETE = 4;
        public static final int HAS = 5;
        public static final int NAMES = 6;
        public static final int SNAPSHOT = 7;
        public static final int ADD_AND_GET = 8;
        public static final int COMPARE_AND_SET = 9;

        private NamespaceOps() {}
    }

    /** {@code steward.value}. */
    public static final class ValueOps {
        public static final String TYPE = "steward.value";
        public static final int GET = 1;
        public static final int SET = 2;
        public static final int GET_AND_SET = 3;
        public static final int COMPARE_AND_SET = 4;

        private ValueOps() {}
    }

    /** {@code steward.long}. */
    public static final class LongOps {
        public static final String TYPE = "steward.long";
        public static final int GET = 1;
        public static final int SET = 2;
        public static final int GET_AND_SET = 3;
        public static final int COMPARE_AND_SET = 4;
        public static final int ADD_AND_GET = 5;
        public static final int GET_AND_ADD = 6;

        private LongOps() {}
    }

    /** {@code steward.queue} and {@code steward.joinable-queue}. Timeouts are nanoseconds; negative waits for ever. */
    public static final class QueueOps {
        public static final String TYPE = "steward.queue";
        public static final String JOINABLE_TYPE = "steward.joinable-queue";
        public static final int PUT = 1;
        public static final int TAKE = 2;
        public static final int PEEK = 3;
        public static final int SIZE = 4;
        public static final int REMAINING_CAPACITY = 5;
        public static final int CLEAR = 6;
        public static final int DRAIN = 7;
        public static final int SNAPSHOT = 8;
        public static final int REMOVE = 9;
        public static final int CONTAINS = 10;
        public static final int TASK_DONE = 11;
        public static final int JOIN = 12;
        public static final int PUT_FRONT = 13;
        public static final int UNFINISHED = 14;
        public static final int REMOVE_ALL = 15;
        public static final int RETAIN_ALL = 16;

        private QueueOps() {}
    }

    /** {@code steward.event}. */
    public static final class EventOps {
        public static final String TYPE = "steward.event";
        public static final int SET = 1;
        public static final int CLEAR = 2;
        public static final int IS_SET = 3;
        public static final int AWAIT = 4;

        private EventOps() {}
    }

    /** {@code steward.lock} and {@code steward.rlock}; the first argument is always the client thread's id. */
    public static final class LockOps {
        public static final String TYPE = "steward.lock";
        public static final String REENTRANT_TYPE = "steward.rlock";
        public static final int LOCK = 1;
        public static final int UNLOCK = 2;
        public static final int HOLD_COUNT = 3;
        public static final int IS_LOCKED = 4;
        public static final int NEW_CONDITION = 5;
        public static final int IS_FAIR = 6;

        private LockOps() {}
    }

    /** {@code steward.condition}; the first argument is always the client thread's id. */
    public static final class ConditionOps {
        public static final String TYPE = "steward.condition";
        public static final int AWAIT = 1;
        public static final int SIGNAL = 2;
        public static final int SIGNAL_ALL = 3;
        public static final int LOCK = 4;

        private ConditionOps() {}
    }

    /** {@code steward.semaphore} and {@code steward.bounded-semaphore}. */
    public static final class SemaphoreOps {
        public static final String TYPE = "steward.semaphore";
        public static final String BOUNDED_TYPE = "steward.bounded-semaphore";
        public static final int ACQUIRE = 1;
        public static final int RELEASE = 2;
        public static final int AVAILABLE = 3;
        public static final int DRAIN = 4;

        private SemaphoreOps() {}
    }

    /** {@code steward.barrier}. */
    public static final class BarrierOps {
        public static final String TYPE = "steward.barrier";
        public static final int AWAIT = 1;
        public static final int RESET = 2;
        public static final int IS_BROKEN = 3;
        public static final int PARTIES = 4;
        public static final int WAITING = 5;

        private BarrierOps() {}
    }
}
