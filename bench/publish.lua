-- wrk script for bench/publish.sh: every request POSTs a new, unique article of realistic
-- size (about 2.5 KB of JSON with a four-paragraph body that the sanitizer must clean).
local sections = { "kazakhstan", "regional", "world", "russia", "middle-east", "europe", "americas" }
local counter = 0
local threads = {}

function setup(thread)
	thread:set("tid", #threads + 1)
	table.insert(threads, thread)
end

function init(args)
	run = args[1] or tostring(os.time())
	key = args[2]
	headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. key }
	paragraph = "<p>The Mazhilis approved the draft budget in its second reading on Wednesday, "
		.. "with <em>spending on education</em> and <strong>healthcare</strong> rising, "
		.. "<a href=\"https://news.example/budget\">the ministry said</a>. Deputies debated the "
		.. "deficit target for several hours before the vote.</p>"
	body = paragraph .. paragraph .. "<blockquote><p>A quote from the minister.</p></blockquote>"
		.. paragraph .. paragraph
end

function request()
	counter = counter + 1
	local id = string.format("bench-%s-%d-%d", run, tid, counter)
	local json = string.format([[{"externalId":"%s","section":"%s","title":"Budget passes second reading %s",
"summary":"Parliament approved next year's budget; spending on education and healthcare rises.",
"bodyHtml":"%s","url":"https://news.example/articles/%s","authors":["Aigerim Sadykova","Desk"],
"language":"en","image":{"url":"https://news.example/img/%s.jpg","caption":"The Mazhilis in session",
"credit":"Newsroom","license":"CC BY 4.0"},"tags":["budget","parliament","economy"],
"source":{"name":"Orda.kz","url":"https://orda.kz/"},"publishedAt":"2026-03-04T09:30:00Z"}]],
		id, sections[(counter % #sections) + 1], id, body:gsub('"', '\\"'), id, id)
	return wrk.format("POST", "/api/articles", headers, json)
end
