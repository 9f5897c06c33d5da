-- Extend a live reservation. KEYS: 1 agency, 2 camera, 3 global zset. ARGV: 1 now, 2 new expiry, 3 reservation id.
-- Returns 1 when extended, 0 when the reservation has lapsed or was released.
local score = redis.call('ZSCORE', KEYS[1], ARGV[3])
if not score or tonumber(score) <= tonumber(ARGV[1]) then
  return 0
end
redis.call('ZADD', KEYS[1], 'XX', ARGV[2], ARGV[3])
redis.call('ZADD', KEYS[2], 'XX', ARGV[2], ARGV[3])
redis.call('ZADD', KEYS[3], 'XX', ARGV[2], ARGV[3])
return 1
