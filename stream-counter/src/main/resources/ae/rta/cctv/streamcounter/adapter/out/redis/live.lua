-- Which of the given reservations are live. KEYS: 1 global zset. ARGV: 1 now, 2.. reservation ids.
-- Returns the live ids (score, the expiry, after now). Reads only.
local live = {}
for i = 2, #ARGV do
  local score = redis.call('ZSCORE', KEYS[1], ARGV[i])
  if score and tonumber(score) > tonumber(ARGV[1]) then
    live[#live + 1] = ARGV[i]
  end
end
return live
