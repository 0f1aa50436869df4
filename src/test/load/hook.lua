-- wrk script of the load run (run.sh): POSTs the request file named by $REQUEST_FILE with a fresh hookInstance on
-- every request, unique across wrk's threads and runs, so that ombc-cds's retry cache never answers.
local file = io.open(os.getenv("REQUEST_FILE"), "r")
local template = file:read("*a")
file:close()

-- Secured runs (secured.sh): $TOKENS_FILE holds one JWT per line, each used once (thread-interleaved from
-- $TOKEN_OFFSET), since the service accepts a jti only once.
local tokens = nil
if os.getenv("TOKENS_FILE") then
  tokens = {}
  for line in io.lines(os.getenv("TOKENS_FILE")) do tokens[#tokens + 1] = line end
end
local nthreads = tonumber(os.getenv("THREADS") or "2")
local offset = tonumber(os.getenv("TOKEN_OFFSET") or "0")

local threads = {}
local next_id = 0
setup = function(thread)
  next_id = next_id + 1
  thread:set("thread_id", next_id)
  thread:set("run_id", os.getenv("RUN_ID") or tostring(os.time()))  -- digits only
  table.insert(threads, thread)
end

-- Global, not local: done() reads it from each thread (thread:get) to tell how many tokens a run used.
counter = 0
request = function()
  counter = counter + 1
  -- CDS Hooks 2.0: hookInstance is a UUID; the run id, thread and counter make it unique.
  local instance = string.format("%08x-%04x-4%03x-8%03x-%012x", tonumber(run_id) % 4294967296, thread_id, 0, 0,
      counter)
  local body = template:gsub('"hookInstance"%s*:%s*"[^"]*"', '"hookInstance":"' .. instance .. '"', 1)
  local headers = { ["Content-Type"] = "application/json" }
  if tokens then
    -- Past the file's end: no token, so the call fails (401) and counts as an error, never a silent reuse.
    local token = tokens[offset + (counter - 1) * nthreads + thread_id]
    if token then headers["Authorization"] = "Bearer " .. token end
  end
  return wrk.format("POST", nil, headers, body)
end

-- One machine-readable line: requests/s, p50, p99 (ms), errors (socket errors, non-2xx, timeouts).
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
      + summary.errors.timeout
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d\n", summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors, summary.requests))
  -- Secured runs: how far into the tokens file this run went, so that the next run starts after it.
  if os.getenv("TOKENS_FILE") then
    local most = 0
    for _, thread in ipairs(threads) do most = math.max(most, thread:get("counter")) end
    io.write(string.format("TOKENS_USED %d\n", most * nthreads))
  end
end
