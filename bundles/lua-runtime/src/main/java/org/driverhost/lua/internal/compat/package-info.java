/**
 * Lua 5.1 and LuaJIT compatibility for LuaJ 3.0.1, entered through {@link org.driverhost.lua.internal.compat.Lua51Compat}.
 *
 * <p>Measured against Debian's lua5.1 5.1.5 and luajit 2.1 with the scripts in the test resources, these
 * Lua 5.1 behaviours still differ on LuaJ, because the parts involved cannot be replaced without changing
 * LuaJ's classes:
 * <ul>
 * <li>{@code #t} and the default end of {@code unpack}, {@code table.getn} and {@code table.concat} use
 * LuaJ's border search, which gives 0 for {@code {nil, nil, 3}} (5.1 and LuaJIT: 3). Any border is
 * allowed by the manual, but drivers see a different one.</li>
 * <li>Negative zero does not exist: LuaJ stores {@code -0.0} as the integer 0, so it prints {@code 0}.</li>
 * <li>NaN prints {@code nan} (as LuaJIT); Lua 5.1 on x86-64 prints {@code -nan} for {@code 0/0}.</li>
 * <li>Runtime errors caught by {@code pcall} carry Lua 5.1's wording and "chunk:line:" position but no
 * variable names ({@code attempt to call a nil value} where 5.1 reports
 * {@code attempt to call global 'f' (a nil value)}); errors that reach Java keep LuaJ's text. An error in a
 * Java function reached through a tail call ({@code return error(x)}) gets the position of a Lua function
 * further up the stack, or none, because LuaJ runs tail calls after the calling function has returned.
 * Syntax errors lack 5.1's {@code near 'token'}.</li>
 * <li>{@code tonumber} does not read hexadecimal floats ({@code "0x1p4"}) or {@code "inf"}/{@code "nan"},
 * which 5.1 reads through C {@code strtod}; {@code tonumber("-ff", 16)} is -255 as in LuaJIT.</li>
 * <li>Lua 5.2 syntax that 5.1 rejects is accepted, as LuaJIT accepts most of it: {@code \x41} and
 * {@code \z} escapes, {@code goto} statements and labels; {@code load} also takes a string.</li>
 * <li>Stack levels in {@code getfenv}/{@code setfenv}, {@code module} and {@code error(message, 2)} need
 * LuaJ's {@code DebugLib} (see {@link org.driverhost.lua.internal.compat.FunctionEnvironments}).</li>
 * <li>Binary chunks are LuaJ's Lua 5.2 format: code compiled by {@code luac5.1} does not load.</li>
 * <li>{@code io.write} and file {@code write} keep LuaJ's number text; {@code __gc} never runs.</li>
 * </ul>
 */
package org.driverhost.lua.internal.compat;
