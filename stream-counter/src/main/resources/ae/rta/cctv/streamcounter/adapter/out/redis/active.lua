-- Live reservations in each agency zset given as KEYS. ARGV: 1 now (ms).
local counts = {}
for i, key in ipairs(KEYS) do
  counts[i] = redis.call('ZCOUNT', key, '(' .. ARGV[1], '+inf')
end
return counts
