-- Test driver for deploy, update and removal: a TLS line server on an
-- ephemeral port that records every lifecycle callback in "events.log" of its
-- sandbox (which outlives the driver) and replies to commands:
--   STATE       -> "STATE <version> <chunk runs> <marker>"
--   MARK <text> -> stores <text> in a global, answers "MARKED"
--   LOOP        -> never returns, until the instruction budget stops it
--   FAIL        -> raises a Lua error
--   anything else is echoed.
-- The test changes VERSION when it repacks the driver as an update.

local VERSION = "v1"

-- Globals survive an update, because the new chunk runs in the same Lua state.
g_chunkRuns = (g_chunkRuns or 0) + 1
g_marker = g_marker or "none"
g_boundPort = g_boundPort or nil

local function Record(event)
  local file = io.open("events.log", "a")
  file:write(VERSION .. " " .. event .. "\n")
  file:close()
end

function OnDriverInit(dit)
  Record("OnDriverInit " .. dit)
end

function OnDriverLateInit(dit)
  Record("OnDriverLateInit " .. dit)
  -- After an update, the port of the previous version is taken again.
  local port = g_boundPort or tonumber(Properties["Port"]) or 0
  local ok, err = C4:CreateTLSServer(port, "\n", 0, 1, "", "server-cert.pem", "server-key.pem", "", "", "lifecycle")
  if not ok then
    C4:ErrorLog("cannot start the lifecycle server on port " .. tostring(port) .. ": " .. tostring(err))
  end
end

function OnDriverDestroyed(dit)
  Record("OnDriverDestroyed " .. dit)
end

function OnServerStatusChanged(port, status, identifier)
  if status == "ONLINE" then
    g_boundPort = port
  end
  Record("OnServerStatusChanged " .. status)
end

function OnServerConnectionStatusChanged(handle, port, status, address, identifier)
  Record("OnServerConnectionStatusChanged " .. status)
end

function OnServerDataIn(handle, data, address, port, identifier)
  local line = string.gsub(data, "\n$", "")
  local mark = string.match(line, "^MARK (.+)$")
  if line == "STATE" then
    C4:ServerSend(handle, "STATE " .. VERSION .. " " .. g_chunkRuns .. " " .. g_marker .. "\n")
  elseif mark then
    g_marker = mark
    C4:ServerSend(handle, "MARKED\n")
  elseif line == "LOOP" then
    while true do
    end
  elseif line == "FAIL" then
    error("deliberate failure in OnServerDataIn")
  else
    C4:ServerSend(handle, data)
  end
end
