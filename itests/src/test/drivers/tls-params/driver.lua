-- Test driver: starts one TLS echo server per entry of the module "servers",
-- which the test writes into the package together with the credentials.
-- Each entry holds the parameters of C4:CreateTLSServer; the test finds the
-- ports through the identifiers. A password may be given reversed, so that
-- the package never holds it in clear.

local servers = require("servers")

function OnDriverLateInit(dit)
  for _, s in ipairs(servers) do
    local password = s.password or ""
    if s.reversedPassword then
      password = string.reverse(s.reversedPassword)
    end
    local ok, err = C4:CreateTLSServer(0, "\n", s.options, s.verifyMode, s.cipherList or "",
      s.certificate, s.privateKey, password, s.chain or "", s.identifier)
    password = nil
    if ok then
      print("started " .. s.identifier)
    else
      C4:ErrorLog("rejected " .. s.identifier .. ": " .. tostring(err))
    end
  end
end

function OnDriverDestroyed(dit)
  C4:DestroyServer()
end

function OnServerDataIn(handle, data, address, port, identifier)
  C4:ServerSend(handle, data)
end
