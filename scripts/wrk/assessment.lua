-- An assessment POST followed by a GET of the result it redirects to, over and over.
-- BODY and TOKEN come from the environment (scripts/bench.py fills them in).
local body = os.getenv("BENCH_ASSESSMENT_BODY")
local token = os.getenv("BENCH_CSRF_TOKEN")
local result_path = nil

request = function()
  if result_path ~= nil then
    local path = result_path
    result_path = nil
    return wrk.format("GET", path)
  end
  return wrk.format("POST", "/assessment/", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = "csrftoken=" .. token,
  }, body)
end

response = function(status, headers, body)
  if status == 303 then
    result_path = headers["Location"]
  end
end
