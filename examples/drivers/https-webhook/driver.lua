-- HTTPS webhook receiver: other systems POST JSON events to
-- https://<controller>:<Port><Path>, and the driver logs each event and
-- replies with a JSON receipt. It shows how a driver speaks a byte-stream
-- protocol over the DriverWorks server API:
--   * C4:CreateTLSServer with an empty delimiter, so that OnServerDataIn gets
--     raw chunks, which the driver buffers per connection handle;
--   * HTTP/1.1 keep-alive: several requests on one connection, a request split
--     over several reads, several requests in one read;
--   * authentication with a shared secret, sent as it is (X-Webhook-Token) or
--     as an HMAC-SHA256 of the body (X-Webhook-Signature: sha256=<hex>), which
--     is built from C4:Hash and the bit library;
--   * C4:JsonDecode / C4:JsonEncode for the bodies, C4:SetTimer to close idle
--     connections, C4:ServerCloseClient after "Connection: close".

local Http = require "webhook.http"
local Hmac = require "webhook.hmac"

local SERVER_ID = "https-webhook"
local CERTIFICATE = "server-cert.pem"
local PRIVATE_KEY = "server-key.pem"
local JSON_HEADERS = { { "Content-Type", "application/json" } }

-- Globals survive an update of the driver, so the event counter goes on.
g_eventCount = g_eventCount or 0
g_connections = {}   -- handle -> { buffer, request, requests, closing, timer }
g_warnedNoToken = false

local function Setting(name, default)
  return tonumber(Properties[name]) or default
end

local function StopIdleTimer(connection)
  if connection.timer then
    connection.timer = connection.timer:Cancel()
  end
end

-- Closes a keep-alive connection on which nothing arrives for "Idle Timeout
-- Seconds", so that idle or half-sent requests do not hold connections forever.
local function RestartIdleTimer(handle, connection)
  StopIdleTimer(connection)
  connection.timer = C4:SetTimer(Setting("Idle Timeout Seconds", 30) * 1000, function(timer)
    connection.timer = nil
    connection.closing = true
    C4:ServerCloseClient(handle)
  end)
end

local function Send(handle, connection, status, value, keepAlive, extraHeaders)
  local headers = { JSON_HEADERS[1] }
  for _, header in ipairs(extraHeaders or {}) do
    table.insert(headers, header)
  end
  -- Sorted keys make the body the same for the same value, which helps tests and logs.
  local body = C4:JsonEncode(value, false, true) or "{}"
  C4:ServerSend(handle, Http.Response(status, headers, body, keepAlive))
  if not keepAlive then
    -- ServerCloseClient closes after the response queued above is written.
    connection.closing = true
    StopIdleTimer(connection)
    C4:ServerCloseClient(handle)
  end
end

local function SendError(handle, connection, status, message, keepAlive, extraHeaders)
  print("request " .. connection.requests .. " on handle " .. tostring(handle) .. ": " .. status .. " " .. message)
  Send(handle, connection, status, { error = message }, keepAlive, extraHeaders)
end

-- Returns true when the request carries the shared secret, or a signature of
-- its body made with it.
local function Authorized(request, body)
  local token = Properties["Token"] or ""
  if token == "" then
    if not g_warnedNoToken then
      C4:ErrorLog("the Token property is empty, so every request is rejected; set a shared secret")
      g_warnedNoToken = true
    end
    return false
  end

  local signature = request.headers["x-webhook-signature"]
  if signature then
    local hex = string.match(string.lower(signature), "^sha256=(%x+)$")
    return hex ~= nil and Hmac.Equal(hex, Hmac.Sha256Hex(token, body))
  end
  return Hmac.Equal(request.headers["x-webhook-token"] or "", token)
end

local function HandleRequest(handle, connection, request, body, address)
  local keepAlive = request.keepAlive
  if request.path ~= (Properties["Path"] or "/hook") then
    SendError(handle, connection, 404, "no webhook at " .. request.path, keepAlive)
    return
  end
  if request.method ~= "POST" then
    SendError(handle, connection, 405, "method " .. request.method .. " not allowed; use POST", keepAlive,
      { { "Allow", "POST" } })
    return
  end
  if not Authorized(request, body) then
    SendError(handle, connection, 401, "missing or wrong X-Webhook-Token or X-Webhook-Signature", keepAlive)
    return
  end

  local event, err = C4:JsonDecode(body)
  if type(event) ~= "table" then
    SendError(handle, connection, 400, "body is not a JSON object: " .. tostring(err or type(event)), keepAlive)
    return
  end

  g_eventCount = g_eventCount + 1
  local name = tostring(event.event or event.type or "unnamed")
  print("event " .. g_eventCount .. " '" .. name .. "' from " .. tostring(address) .. ", " .. #body .. " bytes")
  Send(handle, connection, 200, {
    ok = true,
    event = name,
    eventNumber = g_eventCount,
    requestOnConnection = connection.requests,
  }, keepAlive)
end

-- Handles every complete request in the connection's buffer, in order.
local function Process(handle, connection, address)
  while not connection.closing do
    local request = connection.request
    if not request then
      local restOrStatus, message
      request, restOrStatus, message = Http.ParseHead(connection.buffer)
      if request == nil then
        return
      end
      connection.requests = connection.requests + 1
      if request == false then
        SendError(handle, connection, restOrStatus, message, false)
        return
      end
      connection.buffer = restOrStatus

      -- A body over the limit is rejected before it arrives; the connection is
      -- closed, because skipping the body would mean reading it all.
      local maxBytes = Setting("Max Body Bytes", 65536)
      if request.contentLength > maxBytes then
        SendError(handle, connection, 413, "body of " .. request.contentLength .. " bytes is larger than "
          .. maxBytes .. " bytes", false)
        return
      end
      if request.expectsContinue and #connection.buffer < request.contentLength then
        C4:ServerSend(handle, Http.Continue())
      end
      connection.request = request
    end

    local body, rest = Http.TakeBody(request, connection.buffer)
    if not body then
      return
    end
    connection.buffer = rest
    connection.request = nil
    HandleRequest(handle, connection, request, body, address)
  end
end

local function StartServer()
  local port = Setting("Port", 8445)
  -- An empty delimiter delivers bytes as they are read. Options 0: TLS 1.2 and
  -- 1.3; verify mode 1: no client certificate; "": default cipher list.
  local ok, err = C4:CreateTLSServer(port, "", 0, 1, "", CERTIFICATE, PRIVATE_KEY, "", "", SERVER_ID)
  if not ok then
    C4:ErrorLog("cannot start the webhook server on port " .. tostring(port) .. ": " .. tostring(err))
  end
end

function OnDriverLateInit(dit)
  StartServer()
end

function OnDriverDestroyed(dit)
  for _, connection in pairs(g_connections) do
    StopIdleTimer(connection)
  end
  C4:DestroyServer()
end

function OnPropertyChanged(name)
  if name == "Port" then
    C4:DestroyServer()
    StartServer()
  elseif name == "Token" then
    g_warnedNoToken = false
  end
end

function OnServerStatusChanged(port, status, identifier)
  print("webhook server on port " .. tostring(port) .. " is " .. status)
end

function OnServerConnectionStatusChanged(handle, port, status, address, identifier)
  if status == "ONLINE" then
    local connection = { buffer = "", requests = 0, closing = false }
    g_connections[handle] = connection
    RestartIdleTimer(handle, connection)
  else
    local connection = g_connections[handle]
    if connection then
      StopIdleTimer(connection)
      g_connections[handle] = nil
    end
  end
end

function OnServerDataIn(handle, data, address, port, identifier)
  local connection = g_connections[handle]
  if not connection or connection.closing then
    return
  end
  RestartIdleTimer(handle, connection)

  -- Process leaves at most one unfinished head (up to Http.MAX_HEAD_BYTES)
  -- or one unfinished body (up to "Max Body Bytes") in the buffer.
  connection.buffer = connection.buffer .. data
  Process(handle, connection, address)
end
