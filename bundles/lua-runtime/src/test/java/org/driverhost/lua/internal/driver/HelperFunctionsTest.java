package org.driverhost.lua.internal.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** C4:JsonEncode/JsonDecode, Base64, Hash and the functions that describe the driver and its host. */
class HelperFunctionsTest extends DriverTestSupport {

    @Test
    void jsonEncodesArraysObjectsAndEscapes() throws Exception {
        String lua = """
                record(C4:JsonEncode({1, 2, "three"}))
                record(C4:JsonEncode({}))
                record(C4:JsonEncode({b = 1, a = {true, false}}, false, true))
                record(C4:JsonEncode({[1] = "x", [3] = "z"}))
                record(C4:JsonEncode({[1] = 1, [100] = 2}, false, true))
                record(C4:JsonEncode("q\\"b\\\\n\\n\\1\\127"), C4:JsonEncode("\\200\\255") == '"\\200\\255"')
                record(C4:JsonEncode({0.5, -3, 1e20, 1/0, 0/0}))
                record(C4:JsonEncode({a = {1}}, true))
                record(C4:JsonEncode(nil), C4:JsonEncode(true))
                """;
        deploy(driver("jsonencode", lua));

        assertEquals("[1,2,\"three\"]", recorder.next());
        assertEquals("[]", recorder.next(), "an empty table is an array, as dkjson encodes it");
        assertEquals("{\"a\":[true,false],\"b\":1}", recorder.next());
        assertEquals("[\"x\",null,\"z\"]", recorder.next());
        assertEquals("{\"1\":1,\"100\":2}", recorder.next(), "a sparse table is an object");
        assertEquals("\"q\\\"b\\\\n\\n\\u0001\\u007f\"|true", recorder.next());
        assertEquals("[0.5,-3,1.0E20,null,null]", recorder.next());
        assertEquals("{\n  \"a\": [\n    1\n  ]\n}", recorder.next());
        assertEquals("null|true", recorder.next());
    }

    @Test
    void jsonRoundTripKeepsEveryByte() throws Exception {
        String lua = """
                local bytes = {}
                for i = 0, 255 do bytes[#bytes + 1] = string.char(i) end
                local binary = table.concat(bytes)
                local value = {binary = binary, list = {binary, 1.25, false}, nested = {deeper = {n = -7}}}
                local back = C4:JsonDecode(C4:JsonEncode(value))
                record(back.binary == binary, #back.binary, back.list[1] == binary, back.list[2], back.list[3],
                    back.nested.deeper.n)
                """;
        deploy(driver("roundtrip", lua));

        assertEquals("true|256|true|1.25|false|-7", recorder.next());
    }

    @Test
    void jsonDecodesNullEscapesAndErrors() throws Exception {
        String lua = """
                local v = C4:JsonDecode('{"a":null,"b":[1,null,3],"s":"\\\\u00e9\\\\ud83d\\\\ude00\\\\/"}')
                record(v.a, v.b[1], v.b[2], v.b[3], v.s == "\\195\\169\\240\\159\\152\\128/")
                record(C4:JsonDecode("false"), C4:JsonDecode(" 12.5e1 "))
                record(C4:JsonDecode('{"a":}'))
                record(C4:JsonDecode('[1] x'))
                record(C4:JsonDecode(string.rep("[", 600)))
                record(C4:JsonEncode({f = print}))
                local loop = {}
                loop.self = loop
                record(C4:JsonEncode(loop))
                record(C4:JsonDecode({}))
                """;
        deploy(driver("jsondecode", lua));

        assertEquals("nil|1|nil|3|true", recorder.next());
        assertEquals("false|125", recorder.next());
        assertEquals("nil|invalid JSON at byte 6: unexpected character '}', expected a value", recorder.next());
        assertEquals("nil|invalid JSON at byte 5: unexpected text after the JSON value", recorder.next());
        assertTrue(recorder.next().contains("nested deeper than 500 levels"));
        assertEquals("nil|cannot encode value.f: a function has no JSON form (accepted: nil, boolean, number, "
                + "string, table)", recorder.next());
        assertEquals("nil|cannot encode value.self: the table contains itself (a reference cycle)", recorder.next());
        assertEquals("false|invalid text (a table): expected a string of JSON text", recorder.next());
    }

    @Test
    void base64IsBinarySafe() throws Exception {
        String lua = """
                record(C4:Base64Encode("\\0\\255\\128"), C4:Base64Encode(""), C4:Base64Encode("abcd"))
                record(C4:Base64Decode("AP+A") == "\\0\\255\\128", C4:Base64Decode("YQ"), C4:Base64Decode("YW Jj\\nZA=="))
                record(C4:Base64Decode("!!!"))
                """;
        deploy(driver("base64", lua));

        assertEquals("AP+A||YWJjZA==", recorder.next());
        assertEquals("true|a|abcd", recorder.next());
        assertTrue(recorder.next().startsWith("false|invalid data: not Base64 text"));
    }

    @Test
    void hashMatchesKnownVectors() throws Exception {
        String lua = """
                record(C4:Hash("MD5", "abc"))
                record(C4:Hash("SHA1", "abc", {return_encoding = "HEX"}))
                record(C4:Hash("sha-256", "abc"))
                record(C4:Hash("SHA512", "abc"))
                record(C4:Hash("SHA1", "abc", {return_encoding = "BASE64"}))
                record(#C4:Hash("SHA1", "abc", {return_encoding = "NONE", data_encoding = "NONE"}))
                record(C4:Hash("SHA1", "616263", {data_encoding = "HEX"}), C4:Hash("SHA1", "YWJj", {data_encoding = "BASE64"}))
                record(C4:Hash("SHA256", ""))
                record(C4:Hash("CRC32", "abc"))
                record(C4:Hash("SHA1", "abc", {return_encoding = "OCTAL"}))
                """;
        deploy(driver("hash", lua));

        assertEquals("900150983CD24FB0D6963F7D28E17F72", recorder.next());
        String sha1 = "A9993E364706816ABA3E25717850C26C9CD0D89D";
        assertEquals(sha1, recorder.next());
        assertEquals("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD", recorder.next());
        assertEquals("DDAF35A193617ABACC417349AE20413112E6FA4E89A97EA20A9EEEE64B55D39A"
                + "2192992A274FC1A836BA3C23A3FEEBBD454D4423643CE80E2A9AC94FA54CA49F", recorder.next());
        assertEquals("qZk+NkcGgWq6PiVxeFDCbJzQ2J0=", recorder.next());
        assertEquals("20", recorder.next());
        assertEquals(sha1 + "|" + sha1, recorder.next());
        assertEquals("E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855", recorder.next());
        assertEquals("false|invalid algorithm \"CRC32\": expected MD5, SHA1, SHA224, SHA256, SHA384 or SHA512",
                recorder.next());
        assertEquals("false|invalid return_encoding \"OCTAL\": expected HEX, BASE64 or NONE", recorder.next());
    }

    @Test
    void deviceIdIsStableAcrossRestarts() throws Exception {
        Path first = driver("first", "record('id', C4:GetDeviceID())");
        Path second = driver("second", "record('id', C4:GetDeviceID())");
        deploy(first);
        String firstId = recorder.next();
        deploy(second);
        String secondId = recorder.next();
        assertNotEquals(firstId, secondId);
        assertTrue(firstId.matches("id\\|\\d+"), firstId);

        manager.deactivate();
        manager = newManager();
        deploy(second);
        deploy(first);
        assertEquals(secondId, recorder.next());
        assertEquals(firstId, recorder.next());
    }

    @Test
    void driverConfigInfoFollowsUpdates() throws Exception {
        String lua = """
                record(C4:GetDriverConfigInfo("version"), C4:GetDriverConfigInfo("model"),
                    "[" .. C4:GetDriverConfigInfo("no_such_tag") .. "]", C4:GetDriverConfigInfo("manufacturer"))
                """;
        Path c4z = driver("config", lua);
        deploy(c4z);
        assertEquals("1|test|[]|DriverHost tests", recorder.next());

        C4zFiles.driver("Helpers", "2.5", lua).writeTo(c4z);
        update(c4z);
        assertEquals("2.5|test|[]|DriverHost tests", recorder.next());
    }

    @Test
    void versionInfoAndNetworkAddress() throws Exception {
        String lua = """
                local info = C4:GetVersionInfo()
                record(type(info), info.version:match("^%d+%.%d+%.%d+%.%d+$") ~= nil, info.product)
                local address = C4:GetControllerNetworkAddress()
                record(address:match("^%d+%.%d+%.%d+%.%d+$") ~= nil, address)
                """;
        deploy(driver("version", lua));

        assertEquals("table|true|DriverHost", recorder.next());
        String address = recorder.next();
        assertTrue(address.startsWith("true|"), address);
    }

    private Path driver(String instance, String lua) throws Exception {
        return C4zFiles.driver("Helpers", "1", lua).writeTo(deploy.resolve(instance + ".c4z"));
    }
}
