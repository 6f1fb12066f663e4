#!/usr/bin/env bash
# Start-up to ready on the embedded default: a first start (initdb, migrations, demo load)
# and a restart on the same data directory, each timed from `java -jar` to the first
# 200 from /api/articles. Prints a table with each run and the median.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
PORT=${PORT:-18080}
JAR=$(ls target/herald-*.jar 2>/dev/null | grep -v plain | head -1 || true)
if [ -z "$JAR" ]; then
	./mvnw -B -q -DskipTests package
	JAR=$(ls target/herald-*.jar | grep -v plain | head -1)
fi

if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$PORT/"; then
	echo "port $PORT is already taken; stop that process or set PORT=" >&2
	exit 1
fi

ready_after() {
	local data_dir=$1 start end pid
	start=$(date +%s%N)
	PORT=$PORT HERALD_DB_EMBEDDED_DATA_DIR=$data_dir java -jar "$JAR" >"$data_dir.log" 2>&1 &
	pid=$!
	for _ in $(seq 1 600); do
		if curl -fs --max-time 2 -o /dev/null "http://127.0.0.1:$PORT/api/articles"; then
			end=$(date +%s%N)
			kill -TERM $pid
			wait $pid 2>/dev/null || true
			echo $(((end - start) / 1000000))
			return
		fi
		sleep 0.1
	done
	kill -9 $pid 2>/dev/null || true
	echo "timeout"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

first=()
again=()
for run in $(seq 1 "$RUNS"); do
	dir=$(mktemp -d)/postgres
	first+=("$(ready_after "$dir")")
	again+=("$(ready_after "$dir")")
	rm -rf "$(dirname "$dir")"
done

printf '%-28s %s\n' "scenario" "ready after (ms), each run -> median"
printf '%-28s %s -> %s\n' "first start (empty dir)" "${first[*]}" "$(printf '%s\n' "${first[@]}" | median)"
printf '%-28s %s -> %s\n' "restart (existing data)" "${again[*]}" "$(printf '%s\n' "${again[@]}" | median)"
