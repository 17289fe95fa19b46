package org.driverhost.lua.internal.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Checks of {@link CPrintf} that the Lua-generated expectations do not reach. */
class CPrintfTest {

    private static String format14g(double value) {
        byte[] format = "%.14g".getBytes(StandardCharsets.ISO_8859_1);
        return CPrintf.formatFloating(FormatSpec.parse(format, 1, format.length), value);
    }

    @Test
    void shortPathAgreesWithExactRounding() {
        Random random = new Random(20261204L);
        for (int i = 0; i < 20_000; i++) {
            double value = Double.longBitsToDouble(random.nextLong());
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                continue;
            }
            assertEquals(format14g(value), CPrintf.formatNumber14g(value), "bits " + Double.doubleToRawLongBits(value));
        }
    }

    @Test
    void shortPathAgreesOnDecimalLookingValues() {
        Random random = new Random(7L);
        for (int i = 0; i < 20_000; i++) {
            int digits = 1 + random.nextInt(16);
            double value = Math.floor(random.nextDouble() * Math.pow(10, digits)) / Math.pow(10, random.nextInt(20));
            assertEquals(format14g(value), CPrintf.formatNumber14g(value), "value " + value);
        }
    }

    @Test
    void integerConversionsFollowX86() {
        assertEquals(Long.MIN_VALUE, CPrintf.toCLong(1e20));
        assertEquals(Long.MIN_VALUE, CPrintf.toCLong(Double.NaN));
        assertEquals(-3L, CPrintf.toCLong(-3.7));
        assertEquals(0x8000000000001000L, CPrintf.toCUnsignedLong(9223372036854779904.0));
        assertEquals(0L, CPrintf.toCUnsignedLong(Math.pow(2, 64)));
        assertEquals(Long.MIN_VALUE, CPrintf.toCUnsignedLong(Double.NEGATIVE_INFINITY));
        assertEquals(Integer.MIN_VALUE, CPrintf.toCInt(1e10));
    }
}
