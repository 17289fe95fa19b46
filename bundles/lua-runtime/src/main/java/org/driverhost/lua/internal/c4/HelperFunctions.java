package org.driverhost.lua.internal.c4;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import org.driverhost.lua.internal.json.JsonDecoder;
import org.driverhost.lua.internal.json.JsonEncoder;
import org.driverhost.lua.internal.json.JsonException;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * The data helpers {@code C4:JsonEncode}, {@code C4:JsonDecode}, {@code C4:Base64Encode}, {@code C4:Base64Decode}
 * and {@code C4:Hash}. All of them take and return Lua strings as bytes, so binary data passes unchanged.
 */
final class HelperFunctions {

    /** Algorithm names drivers pass to {@code C4:Hash}, upper case and without dashes, and their JDK names. */
    private static final Map<String, String> DIGESTS = Map.of(
            "MD5", "MD5", "SHA1", "SHA-1", "SHA224", "SHA-224", "SHA256", "SHA-256", "SHA384", "SHA-384",
            "SHA512", "SHA-512");
    private static final String ALGORITHMS = "MD5, SHA1, SHA224, SHA256, SHA384 or SHA512";
    private static final String ENCODINGS = "HEX, BASE64 or NONE";

    private final DriverContext driver;

    HelperFunctions(DriverContext driver) {
        this.driver = driver;
    }

    void addTo(LuaTable c4) {
        c4.set("JsonEncode", new C4Function("JsonEncode", driver.logger()) {
            @Override
            Varargs call(Varargs args) {
                return jsonEncode(args);
            }
        });
        c4.set("JsonDecode", new C4Function("JsonDecode", driver.logger()) {
            @Override
            Varargs call(Varargs args) throws ArgumentException {
                return jsonDecode(args);
            }
        });
        c4.set("Base64Encode", new C4Function("Base64Encode", driver.logger()) {
            @Override
            Varargs call(Varargs args) throws ArgumentException {
                return LuaString.valueUsing(Base64.getEncoder().encode(data(args, 2)));
            }
        });
        c4.set("Base64Decode", new C4Function("Base64Decode", driver.logger()) {
            @Override
            Varargs call(Varargs args) throws ArgumentException {
                return LuaString.valueUsing(base64Decode(data(args, 2), "data"));
            }
        });
        c4.set("Hash", new C4Function("Hash", driver.logger()) {
            @Override
            Varargs call(Varargs args) throws ArgumentException {
                return hash(args);
            }
        });
    }

    /** (value, pretty, sortKeys): returns the JSON text, or nil and a message for a value JSON cannot hold. */
    private static Varargs jsonEncode(Varargs args) {
        try {
            return new JsonEncoder(args.arg(3).toboolean(), args.arg(4).toboolean(), LuaValue.NIL).encode(args.arg(2));
        } catch (JsonException e) {
            return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf(e.getMessage()));
        }
    }

    /**
     * (text): returns the decoded value, or nil and a message for invalid JSON. Nil rather than false, because
     * false is what the valid text {@code false} decodes to.
     */
    private static Varargs jsonDecode(Varargs args) throws ArgumentException {
        if (args.arg(2).type() != LuaValue.TSTRING) {
            throw LuaArgs.invalid("text", args.arg(2), "a string of JSON text");
        }
        try {
            return JsonDecoder.decode(args.arg(2).checkstring(), LuaValue.NIL);
        } catch (JsonException e) {
            return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf(e.getMessage()));
        }
    }

    /** (algorithm, data, options): options {@code return_encoding} and {@code data_encoding}: HEX, BASE64, NONE. */
    private static Varargs hash(Varargs args) throws ArgumentException {
        LuaValue algorithmArgument = args.arg(2);
        String algorithm = algorithmArgument.isstring() && !algorithmArgument.isnumber()
                ? DIGESTS.get(algorithmArgument.tojstring().trim().toUpperCase(Locale.ROOT).replace("-", "")) : null;
        if (algorithm == null) {
            throw LuaArgs.invalid("algorithm", algorithmArgument, ALGORITHMS);
        }
        LuaValue options = args.arg(4);
        if (!options.isnil() && !options.istable()) {
            throw LuaArgs.invalid("options", options, "a table with return_encoding and data_encoding, or nil");
        }
        String returnEncoding = encoding(options, "return_encoding");
        String dataEncoding = encoding(options, "data_encoding");

        byte[] data = decodeData(data(args, 3), dataEncoding);
        byte[] digest = digest(algorithm).digest(data);
        return LuaString.valueUsing(switch (returnEncoding) {
            case "HEX" -> HexFormat.of().withUpperCase().formatHex(digest).getBytes(StandardCharsets.US_ASCII);
            case "BASE64" -> Base64.getEncoder().encode(digest);
            default -> digest;
        });
    }

    private static String encoding(LuaValue options, String option) throws ArgumentException {
        LuaValue value = options.isnil() ? LuaValue.NIL : options.get(option);
        if (value.isnil()) {
            // Without options the data is hashed as given and the digest returned as hexadecimal text.
            return "return_encoding".equals(option) ? "HEX" : "NONE";
        }
        String name = value.isstring() ? value.tojstring().trim().toUpperCase(Locale.ROOT) : "";
        if (!name.equals("HEX") && !name.equals("BASE64") && !name.equals("NONE")) {
            throw LuaArgs.invalid(option, value, ENCODINGS);
        }
        return name;
    }

    private static byte[] decodeData(byte[] data, String encoding) throws ArgumentException {
        if (encoding.equals("BASE64")) {
            return base64Decode(data, "data");
        }
        if (encoding.equals("HEX")) {
            try {
                return HexFormat.of().parseHex(new String(data, StandardCharsets.ISO_8859_1).trim());
            } catch (IllegalArgumentException e) {
                throw new ArgumentException("invalid data: data_encoding is HEX, but the data is not an even "
                        + "number of hexadecimal digits");
            }
        }
        return data;
    }

    /** Decodes Base64 text; line breaks and other whitespace are skipped and missing padding is accepted. */
    static byte[] base64Decode(byte[] text, String parameter) throws ArgumentException {
        StringBuilder compact = new StringBuilder(text.length);
        for (byte b : text) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                compact.append((char) (b & 0xff));
            }
        }
        try {
            return Base64.getDecoder().decode(compact.toString());
        } catch (IllegalArgumentException e) {
            throw new ArgumentException("invalid " + parameter + ": not Base64 text (" + e.getMessage()
                    + "); expected the characters A-Z, a-z, 0-9, + and / with optional = padding");
        }
    }

    private static byte[] data(Varargs args, int index) throws ArgumentException {
        return LuaArgs.bytes(args, index, "data", "a string");
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            // Every Java SE runtime provides these algorithms.
            throw new IllegalStateException("the JDK has no " + algorithm, e);
        }
    }
}
