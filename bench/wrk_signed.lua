-- wrk script of the gateway bench (bench/load.py): every request is one line of a body file made
-- before the timed window, "SESSION<TAB>JSON". Mode "once" sends each line once (a signed query
-- is single-use: its nonce is spent) and stops the thread when the last answer is in; "cycle"
-- goes round the lines (baselines); "get" sends GETs. Arguments after "--":
--   DIR MODE PATH REPLY_BYTES        (bodies are DIR/bodies-<thread>.txt)
-- done() prints one line "BENCH-JSON {...}" with the counts and latency percentiles (µs).

local counter = 0
local threads = {}

-- wrk's own duration is always its -d cap (its main thread sleeps that long), even when "once"
-- threads stopped early for want of bodies: the rate is taken over the span from the first
-- request to the last answer instead, on the monotonic clock (LuaJIT's ffi).
local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } sio_timespec;
int clock_gettime(int clk_id, sio_timespec *tp);
]]
local clock = ffi.new("sio_timespec")

local function now_us()
   ffi.C.clock_gettime(1, clock)  -- CLOCK_MONOTONIC
   return tonumber(clock.tv_sec) * 1000000 + math.floor(tonumber(clock.tv_nsec) / 1000)
end

function setup(thread)
   thread:set("id", counter)
   counter = counter + 1
   table.insert(threads, thread)
end

function init(args)
   local dir = args[1]
   mode = args[2]
   target = args[3]
   reply = args[4]
   bodies = {}
   for line in io.lines(dir .. "/bodies-" .. id .. ".txt") do
      local tab = line:find("\t", 1, true)
      bodies[#bodies + 1] = {line:sub(1, tab - 1), line:sub(tab + 1)}
   end
   sent = 0
   received = 0
   first_us = 0
   last_us = 0
   bad = 0
   first_bad = ""
end

function delay()
   -- "once": a connection with nothing left to send waits (the thread stops before it wakes)
   if mode == "once" and sent >= #bodies then
      return 3600000
   end
   return 0
end

function request()
   if first_us == 0 then
      first_us = now_us()
   end
   sent = sent + 1
   local b = bodies[((sent - 1) % #bodies) + 1]
   local headers = {}
   headers["Authorization"] = "Bearer " .. b[1]
   if reply ~= "0" then
      headers["X-Bench-Reply-Bytes"] = reply
   end
   if mode == "get" then
      return wrk.format("GET", target, headers)
   end
   headers["Content-Type"] = "application/json"
   return wrk.format("POST", target, headers, b[2])
end

function response(status, headers, body)
   received = received + 1
   last_us = now_us()
   if status ~= 200 then
      bad = bad + 1
      if first_bad == "" then
         first_bad = tostring(status) .. " " .. string.sub(body or "", 1, 160)
      end
   end
   if mode == "once" and received >= #bodies then
      wrk.thread:stop()
   end
end

local function quoted(s)
   s = string.gsub(s, '[%c"\\]', function(c) return string.format("\\u%04x", string.byte(c)) end)
   return '"' .. s .. '"'
end

function done(summary, latency, requests)
   local non200, sent_total, first = 0, 0, ""
   local span_from, span_to = 0, 0
   for _, t in ipairs(threads) do
      non200 = non200 + t:get("bad")
      sent_total = sent_total + t:get("sent")
      local f, l = t:get("first_us"), t:get("last_us")
      if f > 0 and (span_from == 0 or f < span_from) then
         span_from = f
      end
      if l > span_to then
         span_to = l
      end
      if first == "" then
         first = t:get("first_bad")
      end
   end
   local e = summary.errors
   io.write(string.format(
      'BENCH-JSON {"requests":%d,"sent":%d,"duration_us":%d,"span_us":%d,"bytes":%d,' ..
      '"non200":%d,' ..
      '"connect_errors":%d,"read_errors":%d,"write_errors":%d,"status_errors":%d,' ..
      '"timeouts":%d,"p50_us":%d,"p95_us":%d,"p99_us":%d,"max_us":%d,"mean_us":%d,' ..
      '"first_bad":%s}\n',
      summary.requests, sent_total, summary.duration, math.max(span_to - span_from, 0),
      summary.bytes, non200, e.connect,
      e.read, e.write, e.status, e.timeout, latency:percentile(50), latency:percentile(95),
      latency:percentile(99), latency.max, latency.mean, quoted(first)))
end
