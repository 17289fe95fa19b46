-- TLS chat server: clients connect with any TLS client (openssl s_client),
-- pick a nickname with /nick and every line they type reaches all the other
-- clients. It shows the parts of the DriverWorks API a line-based server needs:
--   * C4:CreateTLSServer with "\n" as delimiter, so that OnServerDataIn gets
--     one line per call, the "\n" included;
--   * OnServerConnectionStatusChanged for joins and leaves;
--   * C4:ServerSend and C4:ServerCloseClient;
--   * C4:SetTimer for a per-client idle timeout;
--   * Properties, read when the server starts and on OnPropertyChanged;
--   * a module of the package loaded with require ("chat/room.lua").
-- The certificate and key are made when the package is built (self-signed).

local Room = require "chat.room"

local SERVER_ID = "tls-chat"
local CERTIFICATE = "server-cert.pem"
local PRIVATE_KEY = "server-key.pem"

-- Globals survive an update of the driver (the new script runs in the same Lua
-- state), so "or" keeps the values of the previous version.
g_idleTimers = g_idleTimers or {}   -- handle -> timer object of C4:SetTimer
g_pending = g_pending or {}         -- handle -> bytes of a line not yet complete
g_discarding = g_discarding or {}   -- handle -> true while dropping an over-long line

local function Setting(name, default)
  return tonumber(Properties[name]) or default
end

local function SendLine(handle, line)
  C4:ServerSend(handle, line .. "\n")
end

local function CloseClient(handle)
  C4:ServerCloseClient(handle)
end

local function StopIdleTimer(handle)
  local timer = g_idleTimers[handle]
  if timer then
    -- Cancel returns nothing, so this also clears the table entry.
    g_idleTimers[handle] = timer:Cancel()
  end
end

-- A client that sends nothing for "Idle Timeout Seconds" gets a notice and is closed.
-- Every line restarts its timer, so one non-repeating timer per client is enough.
local function RestartIdleTimer(handle)
  StopIdleTimer(handle)
  local seconds = Setting("Idle Timeout Seconds", 300)
  g_idleTimers[handle] = C4:SetTimer(seconds * 1000, function(timer)
    g_idleTimers[handle] = nil
    SendLine(handle, "* idle for " .. seconds .. " s, closing")
    CloseClient(handle)
  end)
end

local function StartServer()
  local port = Setting("Port", 8444)
  -- options 0: TLS 1.2 and 1.3; verify mode 1 (SSL_VERIFY_NONE): clients need
  -- no certificate; "": the default cipher list.
  local ok, err = C4:CreateTLSServer(port, "\n", 0, 1, "", CERTIFICATE, PRIVATE_KEY, "", "", SERVER_ID)
  if not ok then
    C4:ErrorLog("cannot start the chat server on port " .. tostring(port) .. ": " .. tostring(err))
  end
end

function OnDriverInit(dit)
  g_room = Room.new(SendLine, CloseClient)
end

function OnDriverLateInit(dit)
  StartServer()
end

function OnDriverDestroyed(dit)
  -- Servers and timers are stopped by the runtime too; doing it here keeps the
  -- driver correct on controllers that expect drivers to clean up.
  for handle in pairs(g_idleTimers) do
    StopIdleTimer(handle)
  end
  C4:DestroyServer()
end

function OnPropertyChanged(name)
  if name == "Port" then
    C4:DestroyServer()
    StartServer()
  end
  -- The other settings are read when they are used, so they apply to the next
  -- line or the next timer without a restart.
end

function OnServerStatusChanged(port, status, identifier)
  print("chat server on port " .. tostring(port) .. " is " .. status)
end

function OnServerConnectionStatusChanged(handle, port, status, address, identifier)
  if status == "ONLINE" then
    local client = g_room:Join(handle)
    print(client.nick .. " connected from " .. tostring(address) .. " (handle " .. tostring(handle) .. ")")
    RestartIdleTimer(handle)
  else
    StopIdleTimer(handle)
    g_pending[handle] = nil
    g_discarding[handle] = nil
    g_room:Leave(handle)
  end
end

-- With a delimiter, data normally ends with "\n". It does not when the runtime
-- flushes a partial line (after its flush timeout, or when a line reaches its
-- maximum payload size), so partial data is kept until the line is complete.
function OnServerDataIn(handle, data, address, port, identifier)
  if not g_room:Get(handle) then
    return
  end
  RestartIdleTimer(handle)

  local maxBytes = Setting("Max Line Bytes", 512)
  local text = (g_pending[handle] or "") .. data
  local complete = string.sub(text, -1) == "\n"
  local line = string.gsub(text, "\r?\n$", "")

  if not complete then
    g_pending[handle] = text
    if #line > maxBytes and not g_discarding[handle] then
      g_pending[handle] = nil
      g_discarding[handle] = true
      SendLine(handle, "* line longer than " .. maxBytes .. " bytes dropped")
    elseif g_discarding[handle] then
      g_pending[handle] = nil
    end
    return
  end

  g_pending[handle] = nil
  if g_discarding[handle] then
    -- The end of a line that was already reported as too long.
    g_discarding[handle] = nil
    return
  end
  if #line > maxBytes then
    SendLine(handle, "* line longer than " .. maxBytes .. " bytes dropped")
    return
  end
  g_room:HandleLine(handle, line)
end
