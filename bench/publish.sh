#!/usr/bin/env bash
# Sustained publish throughput on the embedded default: 8 concurrent CMS clients POST new
# articles (each stored, sanitised, evented and NOTIFYed) to Herald started from the
# packaged jar, for DURATION seconds per run, with wrk. Reference, same run, same embedded
# PostgreSQL: pgbench issuing Herald's create transaction raw (bench/publish-pgbench.sql),
# i.e. what the database alone sustains for the same work. Prints a table per run and the
# medians; afterwards checks that every 201 produced exactly one article and one event.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
DURATION=${DURATION:-20}
WARMUP_ARTICLES=${WARMUP_ARTICLES:-15000}
WARMUP_MAX=${WARMUP_MAX:-300}
CONNECTIONS=${CONNECTIONS:-8}
PORT=${PORT:-18081}
PGPORT=${PGPORT:-15433}

for tool in wrk pgbench psql curl java; do
	if ! command -v "$tool" >/dev/null; then
		echo "bench/publish.sh needs $tool (apt-get install wrk postgresql-client)" >&2
		exit 1
	fi
done

JAR=$(ls target/herald-*.jar 2>/dev/null | grep -v plain | head -1 || true)
if [ -z "$JAR" ]; then
	./mvnw -B -q -DskipTests package
	JAR=$(ls target/herald-*.jar | grep -v plain | head -1)
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/herald-bench-publish.XXXXXX")
HERALD_PID=
cleanup() {
	if [ -n "$HERALD_PID" ]; then
		kill -TERM "$HERALD_PID" 2>/dev/null || true
		wait "$HERALD_PID" 2>/dev/null || true
	fi
	rm -rf "$WORK"
}
trap cleanup EXIT

KEY=bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
HASH=$(printf %s "$KEY" | sha256sum | cut -d' ' -f1)
PORT=$PORT MANAGEMENT_PORT=0 HERALD_DB_EMBEDDED_DATA_DIR=$WORK/postgres HERALD_DB_EMBEDDED_PORT=$PGPORT HERALD_DEMO_CONTENT=false \
	HERALD_PUBLISHER_KEYS=$HASH java -Xmx1g -jar "$JAR" >"$WORK/herald.log" 2>&1 &
HERALD_PID=$!
for _ in $(seq 1 600); do
	curl -fs -o /dev/null "http://127.0.0.1:$PORT/api/sections" && break
	sleep 0.2
done
curl -fs -o /dev/null "http://127.0.0.1:$PORT/api/sections" || { echo "Herald did not start" >&2; tail -50 "$WORK/herald.log" >&2; exit 1; }

URL=http://127.0.0.1:$PORT
PSQL=(psql -X -q -t -A -h 127.0.0.1 -p "$PGPORT" -U postgres postgres)

# wrk prints latencies with a unit (us, ms, s); convert to milliseconds.
to_ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v*=1000}; printf "%.1f", v}'; }
# Percentile (0-100) of a column of numbers.
percentile() { sort -n | awk -v p="$1" '{a[NR]=$1} END {i=int((NR*p+99)/100); if (i<1) i=1; print a[i]}'; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# The JIT needs thousands of requests before Herald runs at speed, and on a shared machine
# that takes minutes: warm up by count (WARMUP_ARTICLES), within WARMUP_MAX seconds.
warm=0
round=0
warm_start=$(date +%s)
while [ "$warm" -lt "$WARMUP_ARTICLES" ] && [ $(($(date +%s) - warm_start)) -lt "$WARMUP_MAX" ]; do
	round=$((round + 1))
	done_now=$(wrk -t2 -c"$CONNECTIONS" -d10s -s bench/publish.lua "$URL" -- "warm$round" "$KEY" | awk '/requests in/ {print $1}')
	warm=$((warm + done_now))
	echo "warm-up: $warm articles ($((done_now / 10))/s in the last 10 s)" >&2
done

declare -a h_rps h_p50 h_p99 p_tps p_p50 p_p99
printf '%-4s | %-32s | %-32s | %s\n' "run" "Herald POST /api/articles" "pgbench, same transaction raw" "ratio"
printf '%-4s | %-10s %-10s %-10s | %-10s %-10s %-10s | %s\n' "" "art./s" "p50 ms" "p99 ms" "tx/s" "p50 ms" "p99 ms" "Herald/pgbench"
for run in $(seq 1 "$RUNS"); do
	wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/publish.lua "$URL" -- "r$run" "$KEY" >"$WORK/wrk.$run"
	if grep -q "Non-2xx" "$WORK/wrk.$run"; then
		echo "Herald answered errors:" >&2
		cat "$WORK/wrk.$run" >&2
		exit 1
	fi
	rps=$(awk '/^Requests\/sec/ {printf "%.0f", $2}' "$WORK/wrk.$run")
	p50=$(awk '$1 == "50%" {print $2}' "$WORK/wrk.$run" | to_ms)
	p99=$(awk '$1 == "99%" {print $2}' "$WORK/wrk.$run" | to_ms)

	rm -f "$WORK"/pgb*
	(cd "$WORK" && pgbench -n -h 127.0.0.1 -p "$PGPORT" -U postgres -c "$CONNECTIONS" -j 2 -T "$DURATION" \
		-f "$OLDPWD/bench/publish-pgbench.sql" -l --log-prefix=pgb postgres >"$WORK/pgbench.$run" 2>&1)
	tps=$(awk '/^tps/ {printf "%.0f", $3}' "$WORK/pgbench.$run")
	cat "$WORK"/pgb.* | awk '{print $3/1000}' >"$WORK/pglat.$run"
	pp50=$(percentile 50 <"$WORK/pglat.$run")
	pp99=$(percentile 99 <"$WORK/pglat.$run")

	h_rps+=("$rps"); h_p50+=("$p50"); h_p99+=("$p99"); p_tps+=("$tps"); p_p50+=("$pp50"); p_p99+=("$pp99")
	printf '%-4s | %-10s %-10s %-10s | %-10s %-10.1f %-10.1f | %.2f\n' "$run" "$rps" "$p50" "$p99" "$tps" "$pp50" "$pp99" \
		"$(echo "$rps $tps" | awk '{print $1/$2}')"
done
m_rps=$(printf '%s\n' "${h_rps[@]}" | median)
m_tps=$(printf '%s\n' "${p_tps[@]}" | median)
printf '%-4s | %-10s %-10s %-10s | %-10s %-10.1f %-10.1f | %.2f\n' "med" "$m_rps" \
	"$(printf '%s\n' "${h_p50[@]}" | median)" "$(printf '%s\n' "${h_p99[@]}" | median)" "$m_tps" \
	"$(printf '%s\n' "${p_p50[@]}" | median)" "$(printf '%s\n' "${p_p99[@]}" | median)" \
	"$(echo "$m_rps $m_tps" | awk '{print $1/$2}')"

# Every created article has exactly one event, ids without gaps.
"${PSQL[@]}" -c "select 'articles created through Herald: ' || count(*) from articles where external_id like 'bench-%'"
"${PSQL[@]}" -c "select 'their events: ' || count(*) || ' (' || count(distinct e.article_id) || ' articles)' from article_events e join articles a on a.id = e.article_id where a.external_id like 'bench-%'"
"${PSQL[@]}" -c "select 'outbox ids 1..' || max(id) || ', gaps: ' || (max(id) - count(*)) from article_events"
echo "Goal: >= 300 articles/s with events and NOTIFY (median above: $m_rps)."
