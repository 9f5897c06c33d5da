-- End a reservation. KEYS: 1 agency, 2 camera, 3 global zset. ARGV: 1 now, 2 reservation id.
-- Returns 1 when a live reservation was ended, 0 otherwise (lapsed members are removed all the same).
local score = redis.call('ZSCORE', KEYS[1], ARGV[2])
redis.call('ZREM', KEYS[1], ARGV[2])
redis.call('ZREM', KEYS[2], ARGV[2])
redis.call('ZREM', KEYS[3], ARGV[2])
if score and tonumber(score) > tonumber(ARGV[1]) then
  return 1
end
return 0
