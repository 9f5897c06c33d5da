-- Extend a live reservation. KEYS: 1 agency, 2 camera, 3 global zset, 4 owner key.
-- ARGV: 1 now, 2 new expiry, 3 reservation id, 4 owner asking ('' for anyone: an administrator).
-- Returns 1 when extended, 0 when the reservation has lapsed, was released or belongs to another owner.
local score = redis.call('ZSCORE', KEYS[1], ARGV[3])
if not score or tonumber(score) <= tonumber(ARGV[1]) then
  return 0
end
local owner = redis.call('GET', KEYS[4])
if ARGV[4] ~= '' and owner ~= ARGV[4] then
  return 0
end
if owner then
  redis.call('PEXPIRE', KEYS[4], tonumber(ARGV[2]) - tonumber(ARGV[1]))
end
redis.call('ZADD', KEYS[1], 'XX', ARGV[2], ARGV[3])
redis.call('ZADD', KEYS[2], 'XX', ARGV[2], ARGV[3])
redis.call('ZADD', KEYS[3], 'XX', ARGV[2], ARGV[3])
return 1
