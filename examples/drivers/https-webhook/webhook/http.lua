-- A small HTTP/1.1 request parser and response writer, enough for a webhook
-- receiver. The server is created with an empty delimiter, so OnServerDataIn
-- receives the bytes in whatever chunks TCP and TLS deliver them: a request may
-- be split over several calls, and one call may carry several requests. The
-- driver appends each chunk to a buffer and calls ParseHead and TakeBody until
-- they need more bytes.

local Http = {}

Http.MAX_HEAD_BYTES = 8192

local REASONS = {
  [100] = "Continue",
  [200] = "OK",
  [400] = "Bad Request",
  [401] = "Unauthorized",
  [404] = "Not Found",
  [405] = "Method Not Allowed",
  [413] = "Content Too Large",
  [431] = "Request Header Fields Too Large",
  [501] = "Not Implemented",
}

-- Splits a comma-separated header value into lower-case tokens (a set).
local function Tokens(value)
  local tokens = {}
  for token in string.gmatch(string.lower(value or ""), "[^,%s]+") do
    tokens[token] = true
  end
  return tokens
end

-- Parses the request line and headers at the front of buffer.
-- Returns nil while the head is incomplete; request, rest once it is complete;
-- or false, status, message when the head is invalid (the connection must be
-- closed, because the end of this request cannot be found).
function Http.ParseHead(buffer)
  local headEnd = string.find(buffer, "\r\n\r\n", 1, true)
  if not headEnd then
    if #buffer > Http.MAX_HEAD_BYTES then
      return false, 431, "request head longer than " .. Http.MAX_HEAD_BYTES .. " bytes"
    end
    return nil
  end
  if headEnd > Http.MAX_HEAD_BYTES then
    return false, 431, "request head longer than " .. Http.MAX_HEAD_BYTES .. " bytes"
  end

  local head = string.sub(buffer, 1, headEnd - 1)
  local rest = string.sub(buffer, headEnd + 4)
  local lines = {}
  for line in string.gmatch(head .. "\r\n", "(.-)\r\n") do
    table.insert(lines, line)
  end

  local method, target, major, minor = string.match(lines[1], "^(%u+) (%S+) HTTP/(%d)%.(%d)$")
  if not method then
    return false, 400, "invalid request line"
  end

  local headers = {}
  for i = 2, #lines do
    local name, value = string.match(lines[i], "^([%w!#$%%&'*+.^_`|~-]+):[ \t]*(.-)[ \t]*$")
    if not name then
      return false, 400, "invalid header line " .. (i - 1)
    end
    name = string.lower(name)
    if headers[name] and name == "content-length" and headers[name] ~= value then
      return false, 400, "conflicting Content-Length headers"
    elseif headers[name] and name ~= "content-length" then
      headers[name] = headers[name] .. ", " .. value
    else
      headers[name] = value
    end
  end

  local request = {
    method = method,
    target = target,
    path = string.match(target, "^[^?#]*"),
    version = major .. "." .. minor,
    headers = headers,
    contentLength = 0,
  }

  if headers["transfer-encoding"] then
    return false, 501, "Transfer-Encoding is not supported; send Content-Length"
  end
  if headers["content-length"] then
    if not string.find(headers["content-length"], "^%d+$") or #headers["content-length"] > 15 then
      return false, 400, "invalid Content-Length " .. headers["content-length"]
    end
    request.contentLength = tonumber(headers["content-length"])
  end

  -- HTTP/1.1 keeps the connection open unless asked to close it; HTTP/1.0
  -- closes it unless asked to keep it.
  local connection = Tokens(headers["connection"])
  if request.version == "1.1" then
    request.keepAlive = not connection["close"]
  else
    request.keepAlive = connection["keep-alive"] == true
  end
  request.expectsContinue = string.lower(headers["expect"] or "") == "100-continue"
  return request, rest
end

-- Returns body, rest once the buffer contains the whole body, nil before.
function Http.TakeBody(request, buffer)
  if #buffer < request.contentLength then
    return nil
  end
  return string.sub(buffer, 1, request.contentLength), string.sub(buffer, request.contentLength + 1)
end

-- Returns a complete response. headers is a list of { name, value } pairs;
-- Content-Length is always added so that the client finds the end of the body.
function Http.Response(status, headers, body, keepAlive)
  body = body or ""
  local lines = { "HTTP/1.1 " .. status .. " " .. (REASONS[status] or "Unknown") }
  for _, header in ipairs(headers or {}) do
    table.insert(lines, header[1] .. ": " .. header[2])
  end
  table.insert(lines, "Content-Length: " .. #body)
  table.insert(lines, "Connection: " .. (keepAlive and "keep-alive" or "close"))
  return table.concat(lines, "\r\n") .. "\r\n\r\n" .. body
end

-- The interim response that tells a client sending "Expect: 100-continue" to
-- go on with its body.
function Http.Continue()
  return "HTTP/1.1 100 Continue\r\n\r\n"
end

return Http
