-- The chat room: who is connected under which nickname, and what each command
-- does. It never calls C4 itself: the driver passes in the functions that send
-- a line and close a connection, which keeps this module easy to follow (and to
-- run under a plain lua5.1 with two stub functions).

local Room = {}
Room.__index = Room

local NICK_PATTERN = "^[%w_%-]+$"
local MAX_NICK_CHARS = 16
local HELP = "commands: /nick NAME, /who, /quit"

-- send(handle, line) queues one line (without "\n") for a client;
-- close(handle) closes a client after its queued lines are written.
function Room.new(send, close)
  local room = setmetatable({}, Room)
  room.send = send
  room.close = close
  room.clients = {}      -- handle -> { nick = "..." }
  room.guestCount = 0
  return room
end

function Room:Get(handle)
  return self.clients[handle]
end

-- Sends a line to every client but one (nil: to everyone).
function Room:Broadcast(line, exceptHandle)
  for handle in pairs(self.clients) do
    if handle ~= exceptHandle then
      self.send(handle, line)
    end
  end
end

function Room:FindNick(nick)
  local wanted = string.lower(nick)
  for handle, client in pairs(self.clients) do
    if string.lower(client.nick) == wanted then
      return handle
    end
  end
  return nil
end

function Room:Join(handle)
  self.guestCount = self.guestCount + 1
  local client = { nick = "guest" .. self.guestCount }
  self.clients[handle] = client
  self.send(handle, "* welcome, you are " .. client.nick .. "; " .. HELP)
  self:Broadcast("* " .. client.nick .. " joined", handle)
  return client
end

function Room:Leave(handle)
  local client = self.clients[handle]
  if not client then
    return
  end
  self.clients[handle] = nil
  self:Broadcast("* " .. client.nick .. " left")
end

function Room:Rename(handle, nick)
  local client = self.clients[handle]
  if #nick == 0 or #nick > MAX_NICK_CHARS or not string.find(nick, NICK_PATTERN) then
    self.send(handle, "* invalid nickname: use 1 to " .. MAX_NICK_CHARS .. " letters, digits, '_' or '-'")
    return
  end
  local owner = self:FindNick(nick)
  if owner and owner ~= handle then
    self.send(handle, "* nickname " .. nick .. " is taken")
    return
  end
  local old = client.nick
  client.nick = nick
  self.send(handle, "* you are now " .. nick)
  self:Broadcast("* " .. old .. " is now " .. nick, handle)
end

function Room:Who(handle)
  local nicks = {}
  for _, client in pairs(self.clients) do
    table.insert(nicks, client.nick)
  end
  table.sort(nicks)
  self.send(handle, "* online: " .. table.concat(nicks, ", "))
end

-- Handles one complete line, without its line ending.
function Room:HandleLine(handle, line)
  local client = self.clients[handle]
  if not client or line == "" then
    return
  end

  local command, argument = string.match(line, "^/(%S+)%s*(.-)%s*$")
  if not command then
    self:Broadcast("<" .. client.nick .. "> " .. line, handle)
  elseif command == "nick" then
    self:Rename(handle, argument)
  elseif command == "who" then
    self:Who(handle)
  elseif command == "quit" then
    self.send(handle, "* bye")
    self.close(handle)
  else
    self.send(handle, "* unknown command /" .. command .. "; " .. HELP)
  end
end

return Room
