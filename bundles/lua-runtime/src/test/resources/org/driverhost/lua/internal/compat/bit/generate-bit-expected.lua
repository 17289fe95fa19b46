-- Generates bit-expected.tsv: one LuaBitOp call per line, a tab, and its result (or "ERR: " and the message).
-- Run from this folder with Lua 5.1 and Debian's lua-bitop 1.0.2, then compare with LuaJIT 2.1:
--   lua5.1 generate-bit-expected.lua > bit-expected.tsv
--   luajit generate-bit-expected.lua > bit-luajit-2.1.tsv
--   diff bit-expected.tsv bit-luajit-2.1.tsv
-- LuaJIT 2.1 differs in three ways, all outside LuaBitOp 1.0.2: tohex pads to up to 16 digits, argument
-- errors name the function '?', and bor/band/bxor check their arguments from the left.
local bit = bit or require("bit")

local values = {
  "0", "1", "-1", "2", "0.5", "1.5", "2.5", "-0.5", "-1.5", "-2.5", "0.4999", "3.7", "-3.7",
  "2^31", "2^31-1", "-2^31", "-2^31-1", "2^32", "2^32+5", "2^32-1", "-2^32", "2^33+7",
  "2^51", "2^51+0.5", "-2^51", "2^52", "2^52+1", "2^53", "-2^53", "2^63", "-2^63", "2^64", "1e15", "1e300", "-1e300",
  "1/0", "-1/0", "0/0", "0x12345678", "0xdeadbeef", "0x80000000", "0x7fffffff", "0xffffffff", "4294967296.5",
  "'7'", "'0x10'", "' 12 '", "'-3'",
}
local counts = { "0", "1", "4", "8", "31", "32", "33", "-1", "-31", "-32", "63", "64", "1.5", "2.5", "2^32+1", "-2^32" }
local widths = { "0", "1", "2", "4", "7", "8", "9", "16", "-1", "-2", "-4", "-7", "-8", "-9", "-16", "2.5", "'3'" }
local pairsFrom = { "0", "1", "-1", "1.5", "2.5", "-1.5", "2^31", "2^32+5", "0xdeadbeef", "0x80000000", "1e300", "'7'" }

local function emit(expression)
  local f = assert(loadstring("local bit = ...; return " .. expression))
  local ok, result = pcall(f, bit)
  if ok then
    print(expression .. "\t" .. tostring(result))
  else
    print(expression .. "\tERR: " .. tostring(result):gsub("^[^:]*:%d+: ", ""))
  end
end

for _, name in ipairs({ "tobit", "bnot", "bswap", "tohex" }) do
  for _, v in ipairs(values) do emit("bit." .. name .. "(" .. v .. ")") end
end
for _, name in ipairs({ "band", "bor", "bxor" }) do
  for _, a in ipairs(pairsFrom) do
    for _, b in ipairs(pairsFrom) do emit("bit." .. name .. "(" .. a .. ", " .. b .. ")") end
  end
  emit("bit." .. name .. "(7)")
  emit("bit." .. name .. "(0xff, 0x0f, 0x3c)")
  emit("bit." .. name .. "(-1, 2^31, 1, 2, 4)")
end
for _, name in ipairs({ "lshift", "rshift", "arshift", "rol", "ror" }) do
  for _, v in ipairs({ "1", "-1", "0x12345678", "0x80000000", "-256", "0xdeadbeef", "2^32+3", "1.5" }) do
    for _, n in ipairs(counts) do emit("bit." .. name .. "(" .. v .. ", " .. n .. ")") end
  end
end
for _, v in ipairs({ "0", "255", "-1", "0x12345678", "0xdeadbeef", "-2^31", "2^32+0xab" }) do
  for _, w in ipairs(widths) do emit("bit.tohex(" .. v .. ", " .. w .. ")") end
end

-- Argument errors: LuaBitOp checks the first argument, then the others from the last down.
for _, expression in ipairs({
  "bit.band()", "bit.band(nil)", "bit.band(1, nil)", "bit.band(1, {})", "bit.band('abc', 1)",
  "bit.bor(1, 2, nil, true)", "bit.bxor(true)", "bit.tobit()", "bit.tobit('x')", "bit.bnot(nil)",
  "bit.lshift(1)", "bit.lshift(nil, 1)", "bit.rshift(1, 'x')", "bit.rol({}, 1)", "bit.bswap()",
  "bit.tohex()", "bit.tohex(1, nil)", "bit.tohex(1, false)",
}) do
  emit(expression)
end
