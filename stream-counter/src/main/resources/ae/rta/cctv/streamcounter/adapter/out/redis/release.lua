-- End a reservation. KEYS: 1 agency, 2 camera, 3 global zset, 4 owner key.
-- ARGV: 1 now, 2 reservation id, 3 owner asking ('' for anyone: an administrator).
-- Returns 1 when a live reservation was ended, 0 otherwise (lapsed members are removed all the same); another
-- owner's reservation is left as it is and answers 0.
if ARGV[3] ~= '' and redis.call('ZSCORE', KEYS[1], ARGV[2]) and redis.call('GET', KEYS[4]) ~= ARGV[3] then
  return 0
end
redis.call('DEL', KEYS[4])
local score = redis.call('ZSCORE', KEYS[1], ARGV[2])
redis.call('ZREM', KEYS[1], ARGV[2])
redis.call('ZREM', KEYS[2], ARGV[2])
redis.call('ZREM', KEYS[3], ARGV[2])
if score and tonumber(score) > tonumber(ARGV[1]) then
  return 1
end
return 0
