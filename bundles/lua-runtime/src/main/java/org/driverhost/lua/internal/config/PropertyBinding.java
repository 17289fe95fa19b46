package org.driverhost.lua.internal.config;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.driverhost.lua.internal.c4.DriverContext;
import org.driverhost.secrets.SecretCodec;
import org.driverhost.secrets.SecretException;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * Connects one driver's {@code Properties} table with the property values of its configuration: operator
 * changes set the value and call {@code OnPropertyChanged(name)}, and {@code C4:UpdateProperty} writes the value
 * back without that call. Everything but {@link #apply} runs on the driver's thread.
 *
 * <p>A write-back comes back as a configuration change. The values this binding wrote are remembered per
 * property until their change arrives, so that they are never mistaken for an operator's change, even when the
 * driver updates the same property again before the first change arrives.
 */
final class PropertyBinding {

    /** Writes one property value (already encrypted for secret properties) into the instance's configuration. */
    interface Writer {
        void write(String property, String configValue);
    }

    private final DriverContext driver;
    private final Globals globals;
    private final Set<String> secretProperties;
    private final Supplier<SecretCodec> codec;
    private final Writer writer;

    // Confined to the driver's thread.
    private final Map<String, Deque<String>> pendingWrites = new HashMap<>();

    PropertyBinding(DriverContext driver, Globals globals, Set<String> secretProperties, Supplier<SecretCodec> codec,
            Writer writer) {
        this.driver = driver;
        this.globals = globals;
        this.secretProperties = Set.copyOf(secretProperties);
        this.codec = codec;
        this.writer = writer;
    }

    /**
     * Sets the configured values over the {@code driver.xml} defaults without callbacks, adds
     * {@code C4:UpdateProperty}, and writes the defaults that the configuration lacks into it.
     */
    void load(Map<String, String> configValues) {
        LuaTable properties = properties();
        for (Map.Entry<String, String> value : configValues.entrySet()) {
            LuaValue decoded = decode(value.getKey(), value.getValue());
            if (decoded != null) {
                properties.rawset(value.getKey(), decoded);
            }
        }
        LuaValue c4 = globals.rawget("C4");
        if (c4.istable()) {
            c4.set("UpdateProperty", new UpdateProperty());
        }
        for (LuaValue key = properties.next(LuaValue.NIL).arg1(); !key.isnil(); key = properties.next(key).arg1()) {
            String name = key.tojstring();
            if (!configValues.containsKey(name)) {
                writeBack(name, properties.rawget(key));
            }
        }
    }

    /** Applies the values of a changed configuration, on the driver's thread. Safe to call from any thread. */
    void apply(Map<String, String> configValues) {
        Map<String, String> values = Map.copyOf(configValues);
        driver.post(() -> values.forEach(this::applyOne));
    }

    private void applyOne(String name, String configValue) {
        Deque<String> pending = pendingWrites.get(name);
        if (pending != null && pending.contains(configValue)) {
            // This is our own write-back. Older write-backs of this property were overwritten by it, so they go too.
            String dropped;
            do {
                dropped = pending.pollFirst();
            } while (!configValue.equals(dropped));
            return;
        }
        LuaValue decoded = decode(name, configValue);
        LuaTable properties = properties();
        if (decoded == null || decoded.raweq(properties.rawget(name))) {
            return;
        }
        properties.rawset(name, decoded);
        driver.logger().info("Driver {}: property {} changed in the configuration", driver.instanceName(), name);
        driver.callGlobal("OnPropertyChanged", LuaValue.valueOf(name));
    }

    private LuaTable properties() {
        LuaValue properties = globals.rawget("Properties");
        if (!properties.istable()) {
            properties = new LuaTable();
            globals.rawset("Properties", properties);
        }
        return (LuaTable) properties;
    }

    /** Returns the Lua value of a configured value: secret envelopes decrypted to their UTF-8 bytes; null on failure. */
    private LuaValue decode(String name, String configValue) {
        SecretCodec current = codec.get();
        if (!secretProperties.contains(name) || current == null || !current.isEncrypted(configValue)) {
            return LuaValue.valueOf(configValue);
        }
        char[] clear = null;
        try {
            clear = current.decrypt(configValue);
            ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(clear));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            if (encoded.hasArray()) {
                Arrays.fill(encoded.array(), (byte) 0);
            }
            return LuaString.valueUsing(bytes);
        } catch (SecretException e) {
            driver.logger().error("Driver {}: password property {} could not be decrypted, the driver keeps its "
                    + "previous value: {}", driver.instanceName(), name, e.getMessage());
            return null;
        } finally {
            if (clear != null) {
                Arrays.fill(clear, '\0');
            }
        }
    }

    private void writeBack(String name, LuaValue value) {
        String configValue = value.tojstring();
        if (secretProperties.contains(name) && !configValue.isEmpty()) {
            configValue = encrypt(name, value);
            if (configValue == null) {
                return;
            }
        }
        pendingWrites.computeIfAbsent(name, key -> new ArrayDeque<>()).addLast(configValue);
        writer.write(name, configValue);
    }

    private String encrypt(String name, LuaValue value) {
        SecretCodec current = codec.get();
        if (current == null) {
            driver.logger().warn("Driver {}: password property {} is not written to the configuration because the "
                    + "secrets service is not running", driver.instanceName(), name);
            return null;
        }
        LuaString bytes = value.checkstring();
        CharBuffer decoded = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes.m_bytes, bytes.m_offset, bytes.m_length));
        char[] clear = new char[decoded.remaining()];
        decoded.get(clear);
        if (decoded.hasArray()) {
            Arrays.fill(decoded.array(), '\0');
        }
        try {
            return current.encrypt(clear);
        } catch (SecretException e) {
            driver.logger().error("Driver {}: password property {} could not be encrypted and is not written to the "
                    + "configuration: {}", driver.instanceName(), name, e.getMessage());
            return null;
        } finally {
            Arrays.fill(clear, '\0');
        }
    }

    /** {@code C4:UpdateProperty(name, value)}: the new value is visible at once and written back. */
    private final class UpdateProperty extends VarArgFunction {
        @Override
        public Varargs invoke(Varargs args) {
            LuaValue name = args.arg(2);
            LuaValue value = args.arg(3);
            if (!name.isstring()) {
                return LuaValue.varargsOf(LuaValue.FALSE, LuaValue.valueOf("C4:UpdateProperty: invalid name "
                        + name.tojstring() + " (" + name.typename() + "): accepted is a string"));
            }
            LuaValue text = value.isnil() ? LuaValue.valueOf("") : LuaValue.valueOf(value.tojstring());
            if (value.isstring()) {
                text = value.checkstring();
            }
            properties().rawset(name.tojstring(), text);
            writeBack(name.tojstring(), text);
            return LuaValue.NONE;
        }
    }
}
