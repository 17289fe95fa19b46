-- Test driver: a plain TCP server on an ephemeral port. A client that sends
-- "REPORT\n" gets, once the driver's timers have all fired, two lines: a JSON
-- object with the results of timers and helper functions, then
-- "ID <device id> <controller address>". Written in Lua 5.1, as drivers for
-- controllers are.

local json = require "json"

local results = { ticks = 0, addTimer = false }
local waiting = {}
local addTimerId = nil

local function Ready()
  return results.ticks == 3 and results.addTimer
end

local function Reply(handle)
  results.sha1 = C4:Hash("SHA1", "abc")
  results.b64 = C4:Base64Encode("\0\255")
  results.configVersion = C4:GetDriverConfigInfo("version")
  results.json = json.encode({ 1, "two" })
  results.decoded = C4:JsonDecode('{"n":[10,20]}').n[2]
  results.systemEvent = C4SystemEvents.OnPIP
  C4:ServerSend(handle, C4:JsonEncode(results, false, true) .. "\n")
  C4:ServerSend(handle, "ID " .. C4:GetDeviceID() .. " " .. C4:GetControllerNetworkAddress() .. "\n")
end

local function ReplyToWaiting()
  if Ready() then
    for handle in pairs(waiting) do
      Reply(handle)
    end
    waiting = {}
  end
end

function OnTimerExpired(id)
  results.addTimer = (id == addTimerId)
  ReplyToWaiting()
end

function OnDriverLateInit(dit)
  local ok, err = C4:CreateServer(0, "\n")
  if not ok then
    C4:ErrorLog("cannot start the timers and helpers server: " .. tostring(err))
  end
  C4:SetTimer(20, function(timer, skips)
    results.ticks = results.ticks + 1
    results.skips = type(skips)
    if results.ticks == 3 then
      timer:Cancel()
      print("timers done")
      ReplyToWaiting()
    end
  end, true)
  addTimerId = C4:AddTimer(0.05, "SECONDS", false)
end

function OnServerDataIn(handle, data)
  if data == "REPORT\n" then
    if Ready() then
      Reply(handle)
    else
      waiting[handle] = true
    end
  end
end
