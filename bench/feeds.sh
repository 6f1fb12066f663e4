#!/usr/bin/env bash
# Feed serving against nginx serving the same bytes, on loopback, in the same run:
#   (a) cached feed GET with Accept-Encoding: gzip  (nginx: gzip_static + ETag)
#   (b) conditional GET answered 304                (If-None-Match with the current ETag)
# each for the outlet's feed (FEED) and a tag feed (TAG_FEED), which must keep the same
# share of nginx (both are served by the fast path from memory),
# plus (c) the latency of cold renders of 50-item feeds: every request names a page that
# was never rendered (a new cursor), so each one reads the database, renders and gzips,
# and (d) the latency of cold search feeds over SEARCH_ARTICLES (100,000) articles seeded
# by SQL: every request is a search never made before, against the same searches run by
# psql straight on the database as the reference.
# (a) and (b) also run against two more Heralds on the same database, started alike, one
# counting (the default) and one not (HERALD_AUDIENCE_ENABLED=false), in turns (order swapped
# every run), to price the counting in requests/s and in the CPU time each JVM spends per
# request.
# Prints a table with the median of RUNS runs and Herald's share of nginx's requests/s.
# Needs wrk and nginx (installed with apt-get when missing and allowed); bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
ARTICLES=${ARTICLES:-400}
HERALD_PORT=${HERALD_PORT:-18480}
NGINX_PORT=${NGINX_PORT:-18481}
PGPORT=${PGPORT:-18483}
SEARCH_ARTICLES=${SEARCH_ARTICLES:-100000}
# The second Herald, counting off, shares the first one's embedded PostgreSQL (PGPORT).
OFF_PORT=${OFF_PORT:-18482}
# Counting is priced between two Heralds started alike on that database, neither of which
# seeded it nor owns it: ON_PORT counting (the default), OFF_PORT not.
ON_PORT=${ON_PORT:-18484}
# A direct reader's User-Agent on every request, so counting does its usual work.
AGENT='User-Agent: newsboat/2.36.0 (Linux x86_64)'
FEED=${FEED:-/feeds/rss.xml}
TAG_FEED=${TAG_FEED:-/feeds/tags/benchmark/rss.xml}
KEY=bench-publisher-key

need() {
	if ! command -v "$1" >/dev/null 2>&1; then
		if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$2" >/dev/null
		else
			echo "bench/feeds.sh needs $1 (apt-get install $2)" >&2
			exit 1
		fi
	fi
}
need wrk wrk
need nginx nginx
if (( SEARCH_ARTICLES > 0 )); then need psql postgresql-client; fi

JAR=${JAR:-$(ls target/herald-*.jar 2>/dev/null | grep -v plain | head -1 || true)}
if [ -z "$JAR" ]; then
	./mvnw -B -q -DskipTests package
	JAR=$(ls target/herald-*.jar | grep -v plain | head -1)
fi

WORK=$(mktemp -d)
HERALD_PID=
OFF_PID=
ON_PID=
NGINX_STARTED=
cleanup() {
	[ -n "$OFF_PID" ] && kill -TERM "$OFF_PID" 2>/dev/null && wait "$OFF_PID" 2>/dev/null || true
	[ -n "$ON_PID" ] && kill -TERM "$ON_PID" 2>/dev/null && wait "$ON_PID" 2>/dev/null || true
	[ -n "$HERALD_PID" ] && kill -TERM "$HERALD_PID" 2>/dev/null && wait "$HERALD_PID" 2>/dev/null || true
	[ -n "$NGINX_STARTED" ] && nginx -c "$WORK/nginx.conf" -p "$WORK" -s stop 2>/dev/null || true
	rm -rf "$WORK"
}
trap cleanup EXIT

# --- Herald on a throw-away embedded PostgreSQL, with a known publisher key ---------------
HASH=$(printf %s "$KEY" | sha256sum | cut -d' ' -f1)
PORT=$HERALD_PORT HERALD_DB_EMBEDDED_DATA_DIR= HERALD_DB_EMBEDDED_PORT=$PGPORT HERALD_PUBLISHER_KEYS=$HASH MANAGEMENT_PORT=0 \
	java -jar "$JAR" >"$WORK/herald.log" 2>&1 &
HERALD_PID=$!
for _ in $(seq 1 900); do
	curl -fs -o /dev/null "http://127.0.0.1:$HERALD_PORT$FEED" && break
	sleep 0.2
done
curl -fs -o /dev/null "http://127.0.0.1:$HERALD_PORT$FEED" || { tail -50 "$WORK/herald.log"; exit 1; }

# --- Seed enough articles for ARTICLES/50 full pages ---------------------------------------
sections=(kazakhstan russia middle-east europe americas regional world)
paragraph='<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat.</p>'
body="$paragraph$paragraph$paragraph$paragraph$paragraph$paragraph"
seed() {
	local i=$1 section=${sections[$(($1 % 7))]}
	curl -fs -o /dev/null "http://127.0.0.1:$HERALD_PORT/api/articles" \
		-H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' -d "{
		\"externalId\": \"bench-$i\", \"section\": \"$section\", \"title\": \"Benchmark story number $i\",
		\"summary\": \"A story the feed benchmark published, number $i of $ARTICLES.\",
		\"bodyHtml\": \"$body\", \"url\": \"https://news.example/bench/$i\",
		\"authors\": [\"Bench Desk\", \"Second Author\"], \"language\": \"en\",
		\"image\": {\"url\": \"https://news.example/images/bench-$i.jpg\", \"caption\": \"Caption $i\",
		           \"credit\": \"Photo: Herald\", \"license\": \"CC BY 4.0\"},
		\"tags\": [\"Benchmark\", \"Economy\"], \"source\": {\"name\": \"Orda.kz\", \"url\": \"https://orda.kz/\"},
		\"publishedAt\": \"2026-01-01T00:00:00Z\"}"
}
# Eight writers at a time; wait for those only (a bare `wait` would wait for Herald too).
batch=()
for i in $(seq 1 "$ARTICLES"); do
	seed "$i" &
	batch+=($!)
	if (( ${#batch[@]} == 8 )); then wait "${batch[@]}" || true; batch=(); fi
done
if (( ${#batch[@]} > 0 )); then wait "${batch[@]}" || true; fi

# Wait until the feed shows the last seeded article (the relay delivers asynchronously).
for _ in $(seq 1 300); do
	curl -fs "http://127.0.0.1:$HERALD_PORT$FEED" | grep -q "Benchmark story number $ARTICLES<" && break
	sleep 0.1
done
sleep 2 # let the newest event's second pass, so Last-Modified is sent too

# --- Two more Heralds on the same database, counting on and off, started alike -------------
# The first Herald owns the embedded database and took the seeding, which leaves its heap
# and compiled code unlike a fresh one's: the counting is priced between two that did neither.
started() { # port log
	for _ in $(seq 1 900); do
		curl -fs "http://127.0.0.1:$1$FEED" | grep -q "Benchmark story number $ARTICLES<" && return 0
		sleep 0.2
	done
	tail -50 "$2"
	exit 1
}
PORT=$OFF_PORT HERALD_AUDIENCE_ENABLED=false HERALD_DB_URL=jdbc:postgresql://127.0.0.1:$PGPORT/postgres \
	HERALD_DB_USER=postgres HERALD_PUBLISHER_KEYS=$HASH MANAGEMENT_PORT=0 \
	java -jar "$JAR" >"$WORK/herald-off.log" 2>&1 &
OFF_PID=$!
PORT=$ON_PORT HERALD_DB_URL=jdbc:postgresql://127.0.0.1:$PGPORT/postgres \
	HERALD_DB_USER=postgres HERALD_PUBLISHER_KEYS=$HASH MANAGEMENT_PORT=0 \
	java -jar "$JAR" >"$WORK/herald-on.log" 2>&1 &
ON_PID=$!
started "$OFF_PORT" "$WORK/herald-off.log"
started "$ON_PORT" "$WORK/herald-on.log"

# --- nginx serving the very same bytes ------------------------------------------------------
mkdir -p "$WORK/root/feeds" "$WORK/logs"
curl -fs "http://127.0.0.1:$HERALD_PORT$FEED" -o "$WORK/root$FEED"
curl -fs -H 'Accept-Encoding: gzip' "http://127.0.0.1:$HERALD_PORT$FEED" -o "$WORK/root$FEED.gz"
touch -r "$WORK/root$FEED" "$WORK/root$FEED.gz"
mkdir -p "$WORK/root$(dirname "$TAG_FEED")"
curl -fs "http://127.0.0.1:$HERALD_PORT$TAG_FEED" -o "$WORK/root$TAG_FEED"
curl -fs -H 'Accept-Encoding: gzip' "http://127.0.0.1:$HERALD_PORT$TAG_FEED" -o "$WORK/root$TAG_FEED.gz"
touch -r "$WORK/root$TAG_FEED" "$WORK/root$TAG_FEED.gz"
chmod -R a+rX "$WORK" # nginx workers run as an unprivileged user
cat >"$WORK/nginx.conf" <<CONF
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/logs/error.log warn;
events { worker_connections 4096; }
http {
	access_log off;
	sendfile on;
	tcp_nopush on;
	keepalive_requests 1000000;
	types { application/rss+xml xml; }
	default_type application/octet-stream;
	etag on;
	open_file_cache max=64 inactive=60s;
	open_file_cache_valid 60s;
	gzip_static on;
	gzip_vary on;
	server {
		listen 127.0.0.1:$NGINX_PORT;
		root $WORK/root;
		add_header Cache-Control "public, max-age=60";
	}
}
CONF
nginx -c "$WORK/nginx.conf" -p "$WORK"
NGINX_STARTED=1
sleep 0.5

same_bytes() { curl -fs -H 'Accept-Encoding: gzip' "$1" -o "$WORK/check" && cmp -s "$WORK/check" "$WORK/root$FEED.gz" && echo same || echo DIFFERENT; }
h_gzip=$(same_bytes "http://127.0.0.1:$HERALD_PORT$FEED")
n_gzip=$(same_bytes "http://127.0.0.1:$NGINX_PORT$FEED")
etag_of() { curl -fs -o /dev/null -D - -H 'Accept-Encoding: gzip' "$1" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}'; }
H_ETAG=$(etag_of "http://127.0.0.1:$HERALD_PORT$FEED")
N_ETAG=$(etag_of "http://127.0.0.1:$NGINX_PORT$FEED")
status_of() { curl -s -o /dev/null -w '%{http_code}' -H 'Accept-Encoding: gzip' -H "If-None-Match: $2" "$1"; }
[ "$(status_of "http://127.0.0.1:$HERALD_PORT$FEED" "$H_ETAG")" = 304 ] || { echo "Herald gave no 304" >&2; exit 1; }
O_ETAG=$(etag_of "http://127.0.0.1:$OFF_PORT$FEED")
C_ETAG=$(etag_of "http://127.0.0.1:$ON_PORT$FEED")
[ "$(status_of "http://127.0.0.1:$ON_PORT$FEED" "$C_ETAG")" = 304 ] || { echo "Herald (counting on) gave no 304" >&2; exit 1; }
[ "$(status_of "http://127.0.0.1:$OFF_PORT$FEED" "$O_ETAG")" = 304 ] || { echo "Herald (counting off) gave no 304" >&2; exit 1; }
# Its links name its own port, so its bytes differ from the first's; their size must not.
o_gzip=$(curl -fs -H 'Accept-Encoding: gzip' "http://127.0.0.1:$OFF_PORT$FEED" | wc -c)
[ "$(status_of "http://127.0.0.1:$NGINX_PORT$FEED" "$N_ETAG")" = 304 ] || { echo "nginx gave no 304" >&2; exit 1; }
HT_ETAG=$(etag_of "http://127.0.0.1:$HERALD_PORT$TAG_FEED")
NT_ETAG=$(etag_of "http://127.0.0.1:$NGINX_PORT$TAG_FEED")
[ "$(status_of "http://127.0.0.1:$HERALD_PORT$TAG_FEED" "$HT_ETAG")" = 304 ] || { echo "Herald gave no 304 for the tag feed" >&2; exit 1; }

rps() { wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -H "$AGENT" "$@" | awk '/Requests\/sec/{printf "%d", $2}'; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

# Warm up every server (JIT, connection pools), then alternate runs so drift hits all alike.
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP:-15s}" -H 'Accept-Encoding: gzip' "http://127.0.0.1:$HERALD_PORT$FEED" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP:-15s}" -H 'Accept-Encoding: gzip' -H "If-None-Match: $H_ETAG" "http://127.0.0.1:$HERALD_PORT$FEED" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP:-15s}" -H 'Accept-Encoding: gzip' "http://127.0.0.1:$OFF_PORT$FEED" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP:-15s}" -H 'Accept-Encoding: gzip' -H "If-None-Match: $O_ETAG" "http://127.0.0.1:$OFF_PORT$FEED" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP:-15s}" -H 'Accept-Encoding: gzip' "http://127.0.0.1:$ON_PORT$FEED" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP:-15s}" -H 'Accept-Encoding: gzip' -H "If-None-Match: $C_ETAG" "http://127.0.0.1:$ON_PORT$FEED" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d2s -H 'Accept-Encoding: gzip' "http://127.0.0.1:$NGINX_PORT$FEED" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -H 'Accept-Encoding: gzip' "http://127.0.0.1:$HERALD_PORT$TAG_FEED" >/dev/null
# Counting on and off are priced in turns, on first in odd runs and off first in even ones,
# each with the CPU time its JVM spent per request (from /proc), steadier than requests/s
# on a shared machine.
ticks_of() { awk '{print $14 + $15}' "/proc/$1/stat"; }
TICK_US=$((1000000 / $(getconf CLK_TCK)))
priced() { # rps-array cpu-array pid wrk-args... : appends requests/s and CPU µs per request
	local -n rates=$1 costs=$2
	local pid=$3 before after out
	shift 3
	before=$(ticks_of "$pid")
	out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -H "$AGENT" "$@")
	after=$(ticks_of "$pid")
	rates+=("$(awk '/Requests\/sec/{printf "%d", $2}' <<<"$out")")
	costs+=("$(awk -v t=$((after - before)) -v us="$TICK_US" '/requests in/{printf "%.2f", t * us / $1}' <<<"$out")")
}
hg=() ng=() h3=() n3=() htg=() ntg=() ht3=() nt3=() og=() o3=() cg=() c3=() cgc=() ogc=() c3c=() o3c=()
for run in $(seq 1 "$RUNS"); do
	hg+=("$(rps -H 'Accept-Encoding: gzip' "http://127.0.0.1:$HERALD_PORT$FEED")")
	ng+=("$(rps -H 'Accept-Encoding: gzip' "http://127.0.0.1:$NGINX_PORT$FEED")")
	if (( run % 2 )); then
		priced cg cgc "$ON_PID" -H 'Accept-Encoding: gzip' "http://127.0.0.1:$ON_PORT$FEED"
		priced og ogc "$OFF_PID" -H 'Accept-Encoding: gzip' "http://127.0.0.1:$OFF_PORT$FEED"
		priced c3 c3c "$ON_PID" -H 'Accept-Encoding: gzip' -H "If-None-Match: $C_ETAG" "http://127.0.0.1:$ON_PORT$FEED"
		priced o3 o3c "$OFF_PID" -H 'Accept-Encoding: gzip' -H "If-None-Match: $O_ETAG" "http://127.0.0.1:$OFF_PORT$FEED"
	else
		priced og ogc "$OFF_PID" -H 'Accept-Encoding: gzip' "http://127.0.0.1:$OFF_PORT$FEED"
		priced cg cgc "$ON_PID" -H 'Accept-Encoding: gzip' "http://127.0.0.1:$ON_PORT$FEED"
		priced o3 o3c "$OFF_PID" -H 'Accept-Encoding: gzip' -H "If-None-Match: $O_ETAG" "http://127.0.0.1:$OFF_PORT$FEED"
		priced c3 c3c "$ON_PID" -H 'Accept-Encoding: gzip' -H "If-None-Match: $C_ETAG" "http://127.0.0.1:$ON_PORT$FEED"
	fi
	h3+=("$(rps -H 'Accept-Encoding: gzip' -H "If-None-Match: $H_ETAG" "http://127.0.0.1:$HERALD_PORT$FEED")")
	n3+=("$(rps -H 'Accept-Encoding: gzip' -H "If-None-Match: $N_ETAG" "http://127.0.0.1:$NGINX_PORT$FEED")")
	htg+=("$(rps -H 'Accept-Encoding: gzip' "http://127.0.0.1:$HERALD_PORT$TAG_FEED")")
	ntg+=("$(rps -H 'Accept-Encoding: gzip' "http://127.0.0.1:$NGINX_PORT$TAG_FEED")")
	ht3+=("$(rps -H 'Accept-Encoding: gzip' -H "If-None-Match: $HT_ETAG" "http://127.0.0.1:$HERALD_PORT$TAG_FEED")")
	nt3+=("$(rps -H 'Accept-Encoding: gzip' -H "If-None-Match: $NT_ETAG" "http://127.0.0.1:$NGINX_PORT$TAG_FEED")")
done

# --- Cold renders: one request at a time, each for a 50-item page never rendered before ---
first_seq=$(curl -fs "http://127.0.0.1:$HERALD_PORT/api/articles?limit=1" | sed -n 's/.*"nextCursor":"\([0-9]*\)".*/\1/p')
cold_script() {
	cat <<LUA
local formats = { "rss.xml", "atom.xml", "feed.json" }
local cursor = $first_seq
local n = 0
request = function()
	n = n + 1
	local format = formats[(n % 3) + 1]
	if n % 3 == 0 then cursor = cursor - 1 end
	if cursor <= 50 then cursor = $first_seq end
	return wrk.format("GET", "/feeds/" .. format .. "?cursor=" .. cursor .. "$1", { ["Accept-Encoding"] = "gzip" })
end
LUA
}
# Warm the JIT on the same code path with pages of 49 items (other cache keys), then
# measure 50-item pages that were never rendered.
cold_script "&limit=49" >"$WORK/warm.lua"
cold_script "" >"$WORK/cold.lua"
wrk -t1 -c1 -d"${COLD_WARMUP:-10s}" -s "$WORK/warm.lua" "http://127.0.0.1:$HERALD_PORT" >/dev/null
COLD_REQUESTS=$(( (first_seq - 50) * 3 ))
cold=$(wrk -t1 -c1 -d"${COLD_DURATION:-10s}" --latency -s "$WORK/cold.lua" "http://127.0.0.1:$HERALD_PORT" )
cold_count=$(echo "$cold" | awk '/requests in/{print $1}')
cold_p50=$(echo "$cold" | awk '$1=="50%"{print $2}')
cold_p99=$(echo "$cold" | awk '$1=="99%"{print $2}')

plain_bytes=$(stat -c %s "$WORK/root$FEED")
gzip_bytes=$(stat -c %s "$WORK/root$FEED.gz")
items=$(grep -o '<item>' "$WORK/root$FEED" | wc -l)

echo
echo "Feed $FEED: $items items, $plain_bytes bytes plain, $gzip_bytes gzip; gzip bytes served: Herald $h_gzip, nginx $n_gzip; Herald (counting off): $o_gzip bytes gzip"
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $RUNS runs each, median requests/s"
printf '%-34s %-24s %-24s %s\n' "scenario" "Herald (runs -> median)" "nginx (runs -> median)" "Herald/nginx"
row() {
	local name=$1 h=$2 n=$3
	local hm nm
	hm=$(tr ' ' '\n' <<<"$h" | median)
	nm=$(tr ' ' '\n' <<<"$n" | median)
	printf '%-34s %-24s %-24s %s\n' "$name" "$h -> $hm" "$n -> $nm" "$(awk -v a="$hm" -v b="$nm" 'BEGIN{printf "%.0f %%", 100*a/b}')"
}
row "(a) cached GET, gzip" "${hg[*]}" "${ng[*]}"
row "(b) conditional GET -> 304" "${h3[*]}" "${n3[*]}"
row "(a) tag feed: cached GET, gzip" "${htg[*]}" "${ntg[*]}"
row "(b) tag feed: conditional -> 304" "${ht3[*]}" "${nt3[*]}"
echo
echo "Audience counting: two more Heralds on the same database, started alike, counting on and HERALD_AUDIENCE_ENABLED=false, in turns"
printf '%-30s %-12s %-12s %-22s %-30s %s\n' "scenario" "on (median)" "off (median)" "on/off (goal >= 95 %)" "on/off per run -> median" "CPU us/request on / off (medians)"
priced_row() {
	local name=$1 on=$2 off=$3 on_cpu=$4 off_cpu=$5
	local onm offm pairs
	onm=$(tr ' ' '\n' <<<"$on" | median)
	offm=$(tr ' ' '\n' <<<"$off" | median)
	pairs=$(paste -d' ' <(tr ' ' '\n' <<<"$on") <(tr ' ' '\n' <<<"$off") | awk '{printf "%d\n", 100 * $1 / $2}')
	printf '%-30s %-12s %-12s %-22s %-30s %s / %s\n' "$name" "$onm" "$offm" \
		"$(awk -v a="$onm" -v b="$offm" 'BEGIN{printf "%.0f %%", 100*a/b}')" \
		"$(tr '\n' ' ' <<<"$pairs")-> $(median <<<"$pairs") %" \
		"$(tr ' ' '\n' <<<"$on_cpu" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')" \
		"$(tr ' ' '\n' <<<"$off_cpu" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
}
priced_row "(a) cached GET, gzip" "${cg[*]}" "${og[*]}" "${cgc[*]}" "${ogc[*]}"
priced_row "(b) conditional GET -> 304" "${c3[*]}" "${o3[*]}" "${c3c[*]}" "${o3c[*]}"
echo
echo "(c) cold render of a 50-item feed (a never-rendered page per request: DB read + render + gzip + HTTP, one at a time, after a JIT warm-up on 49-item pages):"
echo "    $cold_count requests of at most $COLD_REQUESTS distinct pages; p50 $cold_p50, p99 $cold_p99 (goal: p99 < 20 ms)"

# --- (d) Cold search feeds over SEARCH_ARTICLES articles ---------------------------------
(( SEARCH_ARTICLES > 0 )) || exit 0
PSQL=(psql -X -q -t -A -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U postgres postgres)
words() { awk -v lang="$1" '$1 == lang { $1 = ""; sub(/^ /, ""); print }' bench/search-words.txt; }
seeded_at=$(date +%s)
timeout "${SEED_TIMEOUT:-900}" "${PSQL[@]}" -v articles="$SEARCH_ARTICLES" -v first_seq=1000000 \
	-v ru="$(words ru)" -v en="$(words en)" -v kk="$(words kk)" -f bench/search-seed.sql >/dev/null
seed_seconds=$(( $(date +%s) - seeded_at ))
# Searches never made before: every word of the vocabulary alone, then pairs of words (all
# of which must match), Russian, English and Kazakh in turn; none repeats.
awk '{ lang[NR] = $1; n[NR] = NF - 1; for (i = 2; i <= NF; i++) w[NR, i - 1] = $i }
END {
	for (k = 0; k < 6000; k++) {
		l = (k % 5 == 4) ? 3 : 1 + k % 2
		if (k < 600) { q = w[l, 1 + int(k / 2) % n[l]] }
		else { i = 1 + k % n[l]; j = 1 + (k * 31 + int(k / n[l])) % n[l]; if (i == j) continue; q = w[l, i] " " w[l, j] }
		if (!seen[q]++) print q
	}
}' bench/search-words.txt >"$WORK/queries.txt"
search_script() {
	echo 'local queries = {'
	sed 's/.*/"&",/' "$WORK/queries.txt"
	cat <<LUA
}
local formats = { "rss.xml", "atom.xml", "feed.json" }
local n = 0
local function encode(text)
	return (text:gsub("[^%w]", function(c) return string.format("%%%02X", string.byte(c)) end))
end
request = function()
	n = n + 1
	local q = queries[((n - 1) % #queries) + 1]
	return wrk.format("GET", "/feeds/search/" .. formats[(n % 3) + 1] .. "?q=" .. encode(q) .. "$1",
		{ ["Accept-Encoding"] = "gzip" })
end
LUA
}
# Warm the JIT and the database's buffers with the same searches at 49 items (other cache
# keys), then measure 50-item pages that were never rendered.
search_script "&limit=49" >"$WORK/search-warm.lua"
search_script "" >"$WORK/search.lua"
curl -fs -o /dev/null "http://127.0.0.1:$HERALD_PORT/feeds/search/rss.xml?q=%D0%B2%D1%8B%D0%B1%D0%BE%D1%80%D1%8B"
wrk -t1 -c1 -d"${COLD_WARMUP:-10s}" -s "$WORK/search-warm.lua" "http://127.0.0.1:$HERALD_PORT" >/dev/null
search=$(wrk -t1 -c1 -d"${COLD_DURATION:-10s}" --latency -s "$WORK/search.lua" "http://127.0.0.1:$HERALD_PORT")
search_count=$(echo "$search" | awk '/requests in/{print $1}')
search_p50=$(echo "$search" | awk '$1=="50%"{print $2}')
search_p99=$(echo "$search" | awk '$1=="99%"{print $2}')
# The reference: the repository's query, run by psql on the same database, one at a time.
columns="id, slug, external_id, section, title, summary, body_html, url, authors, language, image_url, image_caption, image_credit, image_license, tags, source_name, source_url, published_at, updated_at, status, version, seq, content_hash"
{
	echo 'set client_min_messages = warning;'
	echo '\timing on'
	echo '\o /dev/null'
	head -n "${SEARCH_REFERENCE_QUERIES:-1000}" "$WORK/queries.txt" | while IFS= read -r q; do
		echo "select $columns from articles where status = 'published' and search @@ article_search_query('$q') order by seq desc limit 51;"
	done
} >"$WORK/reference.sql"
"${PSQL[@]}" -f "$WORK/reference.sql" | awk '/^Time:/{print $2}' | sort -n >"$WORK/reference.ms"
ref_count=$(wc -l <"$WORK/reference.ms")
ref_at() { awk -v p="$1" '{a[NR]=$1} END {i = int(NR * p + 0.999999); if (i < 1) i = 1; printf "%.2fms", a[i]}' "$WORK/reference.ms"; }
plan_of() { "${PSQL[@]}" -c "explain (analyze, costs off) select id from articles where status = 'published' and search @@ article_search_query('$1') order by seq desc limit 51" | awk '/Scan/{sub(/^ *(->)? */, ""); sub(/ \(actual.*/, ""); print; exit}'; }
common=$(words ru | awk '{print $1}')
rare="$(words ru | awk '{print $NF}') $(words ru | awk '{print $(NF-1)}')"
echo
echo "(d) cold search feed over $SEARCH_ARTICLES articles (seeded by SQL in ${seed_seconds} s), one at a time, after a warm-up at 49 items:"
echo "    Herald: $search_count requests, every one a search never made before; p50 $search_p50, p99 $search_p99 (goal: p99 <= 50 ms)"
echo "    psql, the same query straight on the database: $ref_count searches; p50 $(ref_at 0.5), p99 $(ref_at 0.99)"
echo "    plan of a common word ($common): $(plan_of "$common"); of two rare ones ($rare): $(plan_of "$rare")"
