-- HMAC-SHA256 (RFC 2104) built from C4:Hash, for senders that sign the body
-- instead of sending the shared secret itself. Controllers have no HMAC
-- function that every firmware provides, so drivers build it from a hash and
-- the bit library: HMAC(K, m) = H((K xor opad) .. H((K xor ipad) .. m)).

local Hmac = {}

local BLOCK_BYTES = 64   -- SHA-256 block size
local IPAD = 0x36
local OPAD = 0x5c

local function Sha256(data)
  -- return_encoding NONE returns the raw 32 bytes instead of hexadecimal text.
  return C4:Hash("SHA256", data, { return_encoding = "NONE" })
end

-- The key padded with zero bytes to one block, each byte xor'ed with pad.
local function PaddedKey(key, pad)
  local bytes = {}
  for i = 1, BLOCK_BYTES do
    bytes[i] = string.char(bit.bxor(string.byte(key, i) or 0, pad))
  end
  return table.concat(bytes)
end

local function ToHex(data)
  return (string.gsub(data, ".", function(c) return string.format("%02x", string.byte(c)) end))
end

-- Returns the HMAC-SHA256 of message under key as 64 lower-case hex digits.
function Hmac.Sha256Hex(key, message)
  if #key > BLOCK_BYTES then
    key = Sha256(key)
  end
  local inner = Sha256(PaddedKey(key, IPAD) .. message)
  return ToHex(Sha256(PaddedKey(key, OPAD) .. inner))
end

-- Compares two strings in time that depends only on their lengths, so that a
-- client cannot find the secret byte by byte from response times.
function Hmac.Equal(a, b)
  if #a ~= #b then
    return false
  end
  local difference = 0
  for i = 1, #a do
    difference = bit.bor(difference, bit.bxor(string.byte(a, i), string.byte(b, i)))
  end
  return difference == 0
end

return Hmac
