package dev.steward.runtime.codec;

/**
 * MessagePack extension type codes used by the codec. Codes below 64 are self-contained scalars
 * (their payload is the whole value); codes from 64 are markers that head an array whose other
 * elements carry the value. See docs/protocol.md.
 */
final class Ext {
    static final byte LONG = 1;
    static final byte SHORT = 2;
    static final byte BYTE = 3;
    static final byte CHAR = 4;
    static final byte UUID = 5;
    static final byte BIG_INTEGER = 6;
    static final byte BIG_DECIMAL = 7;
    static final byte INSTANT = 8;
    static final byte DURATION = 9;
    static final byte LOCAL_DATE = 10;
    static final byte LOCAL_TIME = 11;
    static final byte LOCAL_DATE_TIME = 12;
    static final byte OFFSET_DATE_TIME = 13;
    static final byte ZONED_DATE_TIME = 14;
    static final byte ZONE_ID = 15;
    static final byte PERIOD = 16;
    static final byte YEAR = 17;
    static final byte YEAR_MONTH = 18;
    static final byte MONTH_DAY = 19;
    static final byte OFFSET_TIME = 20;
    static final byte INT_ARRAY = 32;
    static final byte LONG_ARRAY = 33;
    static final byte DOUBLE_ARRAY = 34;
    static final byte FLOAT_ARRAY = 35;
    static final byte SHORT_ARRAY = 36;
    static final byte CHAR_ARRAY = 37;
    static final byte BOOLEAN_ARRAY = 38;

    static final byte FIRST_MARKER = 64;
    static final byte SET = 64;
    static final byte RECORD = 65;
    static final byte ENUM = 66;
    static final byte ADAPTED = 67;
    static final byte OBJECT_ARRAY = 68;
    static final byte REFERENCE = 69;

    private Ext() {}
}
