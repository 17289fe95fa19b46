package org.driverhost.lua.internal.deploy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Declarations of a package's {@code driver.xml} that the runtime uses.
 *
 * @param name the driver's {@code <name>}, empty when absent
 * @param version the driver's {@code <version>}, empty when absent
 * @param manufacturer the driver's {@code <manufacturer>}, empty when absent
 * @param model the driver's {@code <model>}, empty when absent
 * @param script where the Lua code is
 * @param propertyDefaults each {@code <property>}'s name and its default value as a string, in declaration order
 * @param configInfo the trimmed text of each root-level element of {@code driver.xml} by tag (the first of each
 *     tag), which {@code C4:GetDriverConfigInfo} returns
 */
public record DriverDescription(String name, String version, String manufacturer, String model, ScriptSource script,
        Map<String, String> propertyDefaults, Map<String, String> configInfo) {

    public DriverDescription {
        propertyDefaults = Collections.unmodifiableMap(new LinkedHashMap<>(propertyDefaults));
        configInfo = Map.copyOf(configInfo);
    }

    /** Creates a description whose config info holds only name, version, manufacturer and model. */
    public DriverDescription(String name, String version, String manufacturer, String model, ScriptSource script,
            Map<String, String> propertyDefaults) {
        this(name, version, manufacturer, model, script, propertyDefaults,
                Map.of("name", name, "version", version, "manufacturer", manufacturer, "model", model));
    }

    /**
     * The driver's Lua code: a file of the package, or the text of the {@code <script>} element itself, as
     * old drivers embed it.
     *
     * @param file path of the script relative to the package root, or null when {@code inlineCode} is used
     * @param inlineCode the Lua code written inside {@code <script>}, or null when {@code file} is used
     */
    public record ScriptSource(String file, String inlineCode) {

        /** Returns a source that names a file of the package. */
        public static ScriptSource ofFile(String file) {
            return new ScriptSource(file, null);
        }

        /** Returns a source whose code is written in {@code driver.xml}. */
        public static ScriptSource ofInlineCode(String code) {
            return new ScriptSource(null, code);
        }

        /** Returns the chunk name Lua shows in error messages for this script. */
        public String chunkName() {
            return file != null ? file : "driver.xml";
        }
    }
}
