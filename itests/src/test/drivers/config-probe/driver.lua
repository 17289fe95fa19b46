-- Test driver: a plain TCP server on an ephemeral port that answers one command per line, so that tests can
-- read and change its properties and persisted values. It also echoes the data of servers declared in
-- Config Admin with the identifier "declared", and records their status changes.

local changes = {}
local declaredStatus = "NONE"

function OnDriverLateInit(dit)
  local ok, err = C4:CreateServer(0, "\n", false, "probe")
  if not ok then
    C4:ErrorLog("cannot start the probe server: " .. tostring(err))
  end
end

function OnPropertyChanged(name)
  table.insert(changes, name)
end

function OnServerStatusChanged(port, status, identifier)
  if identifier == "declared" then
    declaredStatus = status
  end
end

local function Answer(line)
  local command, rest = string.match(line, "^(%S+)%s?(.*)$")
  if command == "GET" then
    return "VALUE " .. tostring(Properties[rest])
  elseif command == "CHANGES" then
    return "CHANGES " .. table.concat(changes, ",")
  elseif command == "UPDATE" then
    local name, value = string.match(rest, "^([^=]+)=(.*)$")
    C4:UpdateProperty(name, value)
    return "OK"
  elseif command == "PSET" then
    local name, value = string.match(rest, "^([^=]+)=(.*)$")
    C4:PersistSetValue(name, { text = value, binary = "a\0b\255" }, true)
    return "OK"
  elseif command == "PGET" then
    local stored = C4:PersistGetValue(rest, true)
    if type(stored) ~= "table" then
      return "VALUE nil"
    end
    return "VALUE " .. stored.text .. " " .. tostring(stored.binary == "a\0b\255")
  elseif command == "DECLARED" then
    return "STATUS " .. declaredStatus
  end
  return "UNKNOWN " .. tostring(command)
end

function OnServerDataIn(handle, data, address, port, identifier)
  if identifier == "declared" then
    C4:ServerSend(handle, data)
    return
  end
  local line = string.gsub(data, "\n$", "")
  C4:ServerSend(handle, Answer(line) .. "\n")
end
