-- Drop lapsed reservations of the agencies given as KEYS (and of the global zset, the last key), so counts and
-- the expiration metric stay current for agencies nobody reserves for. Counts never depend on it.
-- ARGV: 1 now (ms). Returns the number dropped from each agency zset (the global one is not counted).
local dropped = {}
local last = #KEYS
for i = 1, last - 1 do
  dropped[i] = redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', ARGV[1])
end
redis.call('ZREMRANGEBYSCORE', KEYS[last], '-inf', ARGV[1])
return dropped
