package org.driverhost.lua.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.driverhost.lua.internal.c4.DriverContext;
import org.driverhost.lua.internal.log.DriverLog;
import org.driverhost.secrets.internal.crypto.KeyRingCodec;
import org.driverhost.secrets.internal.key.KeyRing;
import org.driverhost.secrets.internal.key.MasterKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.jse.JsePlatform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class PropertyBindingTest {

    private final List<String> changed = new ArrayList<>();
    private final List<String> written = new ArrayList<>();
    private Globals globals;
    private KeyRingCodec codec;
    private PropertyBinding binding;

    @BeforeEach
    void setUp() {
        globals = JsePlatform.standardGlobals();
        LuaTable properties = new LuaTable();
        properties.set("Greeting", "hello");
        properties.set("Secret", "");
        properties.set("Mode", "auto");
        globals.set("Properties", properties);
        globals.set("C4", new LuaTable());
        globals.load("function OnPropertyChanged(name) Changed(name) end").call();
        globals.set("Changed", new org.luaj.vm2.lib.OneArgFunction() {
            @Override
            public LuaValue call(LuaValue name) {
                changed.add(name.tojstring());
                return NONE;
            }
        });
        SecureRandom random = new SecureRandom();
        codec = new KeyRingCodec(random);
        codec.use(KeyRing.of(MasterKey.generate(random)));
        binding = new PropertyBinding(new ImmediateDriver(), globals, Set.of("Secret"), () -> codec,
                (property, value) -> written.add(property + "=" + value));
    }

    @Test
    void loadSetsValuesWithoutCallbacks() {
        binding.load(Map.of("Greeting", "configured"));

        assertEquals("configured", property("Greeting"));
        assertTrue(changed.isEmpty());
    }

    @Test
    void loadWritesMissingDefaults() {
        binding.load(Map.of("Greeting", "configured", "Secret", ""));

        assertEquals(List.of("Mode=auto"), written);
    }

    @Test
    void operatorChangeCallsOnPropertyChanged() {
        binding.load(Map.of("Greeting", "hello", "Secret", "", "Mode", "auto"));

        binding.apply(Map.of("Greeting", "changed", "Mode", "auto"));

        assertEquals("changed", property("Greeting"));
        assertEquals(List.of("Greeting"), changed);
    }

    @Test
    void updatePropertyWritesBackWithoutCallback() {
        binding.load(Map.of("Greeting", "hello", "Secret", "", "Mode", "auto"));

        globals.load("C4:UpdateProperty('Greeting', 'first') C4:UpdateProperty('Greeting', 'second')").call();
        binding.apply(Map.of("Greeting", "first"));
        binding.apply(Map.of("Greeting", "second"));

        assertEquals("second", property("Greeting"));
        assertEquals(List.of("Greeting=first", "Greeting=second"), written);
        assertTrue(changed.isEmpty(), changed.toString());
    }

    @Test
    void secretValueDecryptedForDriver() throws Exception {
        String envelope = codec.encrypt("s3cret".toCharArray());

        binding.load(Map.of("Greeting", "hello", "Secret", envelope, "Mode", "auto"));

        assertEquals("s3cret", property("Secret"));
    }

    @Test
    void reEncryptedSecretIsNoChange() throws Exception {
        binding.load(Map.of("Greeting", "hello", "Secret", "s3cret", "Mode", "auto"));

        binding.apply(Map.of("Secret", codec.encrypt("s3cret".toCharArray())));

        assertTrue(changed.isEmpty(), changed.toString());
    }

    @Test
    void secretWrittenBackEncrypted() throws Exception {
        binding.load(Map.of("Greeting", "hello", "Secret", "", "Mode", "auto"));

        globals.load("C4:UpdateProperty('Secret', 'typed-by-driver')").call();

        assertEquals(1, written.size());
        String value = written.get(0).substring("Secret=".length());
        assertFalse(value.contains("typed-by-driver"));
        assertEquals("typed-by-driver", new String(codec.decrypt(value)));
    }

    private String property(String name) {
        return globals.get("Properties").get(name).tojstring();
    }

    /** Runs posted work at once, as if the test thread were the driver's thread. */
    private final class ImmediateDriver implements DriverContext {
        private final Logger log = LoggerFactory.getLogger("driver.binding-test");

        @Override
        public String instanceName() {
            return "binding-test";
        }

        @Override
        public List<Path> fileRoots() {
            return List.of();
        }

        @Override
        public Logger logger() {
            return log;
        }

        @Override
        public void post(Runnable work) {
            work.run();
        }

        @Override
        public void callGlobal(String function, LuaValue... arguments) {
            globals.get(function).invoke(LuaValue.varargsOf(arguments));
        }

        @Override
        public String currentCallback() {
            return null;
        }

        @Override
        public void call(String label, LuaValue function, LuaValue... arguments) {
            function.invoke(LuaValue.varargsOf(arguments));
        }

        @Override
        public DriverLog driverLog() {
            return new DriverLog(log, 10, Clock.systemUTC());
        }

        @Override
        public long deviceId() {
            return 1001;
        }

        @Override
        public String driverConfigInfo(String tag) {
            return "";
        }
    }
}
