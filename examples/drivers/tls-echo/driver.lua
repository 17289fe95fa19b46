-- TLS echo server: every line a client sends ("\n" included) is sent back to
-- that client unchanged. The certificate and key are made when the package is
-- built, so each build has its own.

local SERVER_ID = "tls-echo"
local CERTIFICATE = "server-cert.pem"
local PRIVATE_KEY = "server-key.pem"

-- OpenSSL option bits 0 select TLS 1.2 and 1.3; verify mode 1 (SSL_VERIFY_NONE)
-- requests no client certificate; an empty cipher list selects the default.
local function StartServer()
  local port = tonumber(Properties["Port"]) or 8443
  local ok, err = C4:CreateTLSServer(port, "\n", 0, 1, "", CERTIFICATE, PRIVATE_KEY, "", "", SERVER_ID)
  if not ok then
    C4:ErrorLog("cannot start the echo server on port " .. tostring(port) .. ": " .. tostring(err))
  end
end

function OnDriverLateInit(dit)
  StartServer()
end

function OnDriverDestroyed(dit)
  C4:DestroyServer()
end

function OnServerStatusChanged(port, status, identifier)
  print("server " .. tostring(identifier) .. " on port " .. tostring(port) .. " is " .. status)
end

function OnServerConnectionStatusChanged(handle, port, status, address, identifier)
  print("client " .. tostring(handle) .. " from " .. tostring(address) .. " on port " .. tostring(port) .. " is " .. status)
end

function OnServerDataIn(handle, data, address, port, identifier)
  C4:ServerSend(handle, data)
end
