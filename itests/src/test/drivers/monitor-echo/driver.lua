-- Test driver: a TLS echo server on an ephemeral port that also reports every
-- callback, with its arguments, as a text line to the clients that registered
-- by sending "MONITOR\n". Written in Lua 5.1, as drivers for controllers are.

local IDENTIFIER = "monitor-id"
local monitors = {}
local reportedPort = nil

local function Hex(data)
  return (string.gsub(data, ".", function(c) return string.format("%02x", string.byte(c)) end))
end

local function Report(...)
  local words = {}
  for i = 1, select("#", ...) do
    words[i] = tostring(select(i, ...))
  end
  local line = table.concat(words, " ") .. "\n"
  for handle in pairs(monitors) do
    C4:ServerSend(handle, line)
  end
end

function OnDriverLateInit(dit)
  local port = tonumber(Properties["Port"]) or 0
  local ok, err = C4:CreateTLSServer(port, "\n", 0, 1, "", "server-cert.pem", "server-key.pem", "", "", IDENTIFIER)
  if not ok then
    C4:ErrorLog("cannot start the monitor echo server: " .. tostring(err))
  end
end

function OnDriverDestroyed(dit)
  C4:DestroyServer()
end

function OnServerStatusChanged(port, status, identifier)
  if status == "ONLINE" then
    reportedPort = port
  end
  Report("SERVER", port, status, identifier)
end

function OnServerConnectionStatusChanged(handle, port, status, address, identifier)
  if status == "OFFLINE" then
    monitors[handle] = nil
  end
  Report("CONNECTION", handle, port, status, address, identifier)
end

function OnServerDataIn(handle, data, address, port, identifier)
  if data == "MONITOR\n" then
    monitors[handle] = true
    C4:ServerSend(handle, "HELLO " .. tostring(handle) .. " " .. tostring(reportedPort) .. "\n")
    return
  end
  if monitors[handle] then
    return
  end
  Report("DATA", handle, Hex(data), address, type(port), identifier)
  C4:ServerSend(handle, data)
end
