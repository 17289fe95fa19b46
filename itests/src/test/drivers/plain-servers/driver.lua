-- Test driver: a plain TCP line server and a UDP server, both on ephemeral ports.
-- To a TCP line "READ <path>" it replies "OK <first line of the file>" or
-- "ERR <message of io.open>", and it echoes any other line. To each UDP datagram
-- it replies, from the UDP server's socket, with "udp:" and the datagram.

local TCP_ID = "plain-tcp"
local UDP_ID = "plain-udp"

function OnDriverLateInit(dit)
  local ok, err = C4:CreateServer(0, "\n", false, TCP_ID)
  if not ok then
    C4:ErrorLog("cannot start the TCP server: " .. tostring(err))
  end
  ok, err = C4:CreateServer(0, "", true, UDP_ID)
  if not ok then
    C4:ErrorLog("cannot start the UDP server: " .. tostring(err))
  end
end

function OnDriverDestroyed(dit)
  C4:DestroyServer()
end

local function ReadFirstLine(path)
  local file, err = io.open(path)
  if not file then
    return "ERR " .. tostring(err)
  end
  local line = file:read("*l")
  file:close()
  return "OK " .. tostring(line)
end

function OnServerDataIn(handle, data, address, port, identifier)
  if identifier == UDP_ID then
    C4:ServerSend(port, "udp:" .. data, address)
    return
  end
  local path = string.match(data, "^READ (.-)\n$")
  if path then
    C4:ServerSend(handle, ReadFirstLine(path) .. "\n")
    return
  end
  C4:ServerSend(handle, data)
end
