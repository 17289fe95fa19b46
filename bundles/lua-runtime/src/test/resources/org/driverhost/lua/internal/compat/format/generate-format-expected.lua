-- Generates format-expected.tsv: a Lua expression, a tab, and the text Lua 5.1.5 produces for it
-- (or "ERR: " and the message). It covers tostring, .. and string.format over numbers drivers meet.
-- Run from this folder: lua5.1 generate-format-expected.lua > format-expected.tsv
local numbers = {
  "0", "1", "-1", "3.0", "3.7", "-3.7", "0.1", "1/3", "-1/3", "2/3", "0.5", "1.5", "2.5", "-2.5", "100000", "1e14",
  "1e15", "1e16", "123456789012345", "99999999999999", "999999999999999", "1e100", "-1e100", "1e300*1e10",
  "-1e300*1e10", "2^31", "2^31-1", "-2^31", "2^32", "2^32+5", "2^53", "2^53+2", "2^63", "2^64", "-2^63",
  "1700000000123", "1e-5", "1e-4", "0.0001234", "123.456", "5e-324", "1.7976931348623157e308", "0.30000000000000004",
  "12345.678", "0.000001", "1e21", "255", "3735928559",
}
local formats = {
  "%d", "%5d", "%-5d|", "%05d", "%+d", "% d", "%.3d", "%.0d", "%i", "%u", "%x", "%X", "%#x", "%08x", "%o", "%#o",
  "%c", "%e", "%.0e", "%#.0e", "%E", "%.3e", "%f", "%.0f", "%#.0f", "%.2f", "%10.3f", "%-10.1f|", "%010.2f", "%+.1f",
  "%g", "%G", "%.0g", "%#g", "%.3g", "%.14g", "%.17g", "%10g", "%-12g|", "%s", "%10s", "%-10s|", "%.3s",
}

local function emit(expression)
  local f = assert(loadstring("return " .. expression))
  local ok, result = pcall(f)
  if ok then
    print(expression .. "\t" .. result)
  else
    print(expression .. "\tERR: " .. tostring(result):gsub("^[^:]*:%d+: ", ""))
  end
end

for _, n in ipairs(numbers) do
  emit("tostring(" .. n .. ")")
  emit("'<' .. " .. n .. " .. '>'")
  emit("table.concat({" .. n .. ", " .. n .. "}, ',')")
end
for _, f in ipairs(formats) do
  for _, n in ipairs(numbers) do
    -- %c of values outside 1..255 gives bytes that a tab-separated text line cannot hold.
    if f ~= "%c" then emit("string.format('" .. f .. "', " .. n .. ")") end
  end
end
for _, n in ipairs({ "65", "97.9", "255", "321" }) do emit("string.format('%c', " .. n .. ")") end

for _, expression in ipairs({
  "string.format('%5.2s|%-5.2s|', 'abc', 'abc')", "string.format('%s %s', 1, 'x')", "string.format('%%')",
  "string.format('%q', 'a\\\\b\"c\\r\\0d')", "string.format('%q', 1/3)", "string.format('[%3c]', 65)",
  "string.format('%d', '12')", "string.format('%x', ' 0x10 ')", "string.format('%5.1f', '2')",
  "string.format('%d')", "string.format('%d', 'x')", "string.format('%d', {})", "string.format('%y', 1)",
  "string.format('%123d', 1)", "string.format('%1.123f', 1)", "string.format('%------d', 1)",
  "string.format('%-+ #0d', 1)", "string.format('%s', 1e15)", "string.format(1e15)", "string.format('%5s', 1/3)",
  "string.len(1/3)", "string.rep(1e15, 2, nil)", "string.upper(1e100)", "string.sub(1/3, 1, 4)",
  "string.gsub('a b', '%a', 1/3)", "string.gsub('a b', '%a', {a = 1/3, b = 2^53})",
  "string.gsub('a b', '%a', function(c) return 2^63 end)", "string.find(1e15, 'e')",
}) do
  emit(expression)
end
