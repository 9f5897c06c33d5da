-- Reserve one live stream unless a limit is full. One atomic step, one round trip.
-- KEYS: 1 agency zset, 2 camera zset, 3 global zset, 4 idempotency key, 5 owner key of the new reservation
-- ARGV: 1 now (ms), 2 expires-at (ms), 3 agency limit, 4 camera limit, 5 global limit (-1: none), 6 reservation id,
--       7 owner ('' for none: anyone may heartbeat and release it)
-- Zsets hold reservation ids scored by expiry; lapsed members are dropped here, so no sweeper is needed.
-- The last element of every reply is how many of the agency's reservations lapsed and were dropped now.
local now = tonumber(ARGV[1])
local prior = redis.call('GET', KEYS[4])
if prior then
  local score = redis.call('ZSCORE', KEYS[1], prior)
  if score and tonumber(score) > now then
    return {1, prior, score, 0}
  end
end
local expired = redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now)
local agencyLimit = tonumber(ARGV[3])
local agencyActive = redis.call('ZCARD', KEYS[1])
if agencyActive >= agencyLimit then
  return {0, 'AGENCY', agencyLimit, agencyActive, expired}
end
local cameraLimit = tonumber(ARGV[4])
local cameraActive = redis.call('ZCARD', KEYS[2])
if cameraActive >= cameraLimit then
  return {0, 'CAMERA', cameraLimit, cameraActive, expired}
end
local globalLimit = tonumber(ARGV[5])
if globalLimit >= 0 then
  local globalActive = redis.call('ZCARD', KEYS[3])
  if globalActive >= globalLimit then
    return {0, 'GLOBAL', globalLimit, globalActive, expired}
  end
end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[6])
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[6])
redis.call('ZADD', KEYS[3], ARGV[2], ARGV[6])
redis.call('SET', KEYS[4], ARGV[6], 'PX', tonumber(ARGV[2]) - now)
if ARGV[7] ~= '' then
  redis.call('SET', KEYS[5], ARGV[7], 'PX', tonumber(ARGV[2]) - now)
end
return {1, ARGV[6], ARGV[2], expired}
