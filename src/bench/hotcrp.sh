#!/usr/bin/env bash
# HotCRP, the peer of issue 15, on Debian's PHP-FPM + nginx + MariaDB, all on loopback under a work
# directory (no system-wide service is started), seeded like ApiBenchmark's world: 16 PC members
# ("jurors"), 16 submitted papers ("entries"), every juror assigned a review of every paper, a review
# form of two marks like the benchmark's rubric (Message 1-10, Craft 1-6), one API token per juror. Then HotcrpPeer measures the API review save at 1, 4 and 16 clients
# and the memory of the stack (PSS of php-fpm, nginx and MariaDB).
#
#   src/bench/hotcrp.sh [HOTCRP_SRC] [seconds]   set up, measure, stop (one command)
#   src/bench/hotcrp.sh up [HOTCRP_SRC]           set up a fresh stack and leave it running
#   src/bench/hotcrp.sh bench [seconds]           measure the running stack (default 10 s a figure)
#   src/bench/hotcrp.sh down                      stop it
#
# HOTCRP_SRC (argument or environment): HotCRP's source (github.com/kohler/hotcrp), either a checkout
# or a bare git directory, e.g. a mirror made with `git clone --mirror` (a session's `fetch` tool
# leaves one at /work/.mirror/kohler+hotcrp/repo). From a bare git directory the script exports HEAD
# (`git --git-dir=DIR archive HEAD`). Nothing of HotCRP goes into this repository: it is copied to
# HOTCRP_WORK (default /tmp/hotcrp-work), where its database, configuration and logs live too.
# Ports (loopback): HOTCRP_PORT (nginx, default 18071), HOTCRP_FPM_PORT (php-fpm, default 19071);
# MariaDB listens only on a socket in the work directory. HOTCRP_JURORS, HOTCRP_PAPERS, HOTCRP_REVIEWS
# (reviews a paper, default every juror) and HOTCRP_MARKS (2 or 4) change the world's size; the issue's
# is HOTCRP_PAPERS=2000 HOTCRP_JURORS=5 HOTCRP_REVIEWS=3 HOTCRP_MARKS=4. HotcrpPeer drives one client
# per juror, each saving its own assigned reviews in turn. HOTCRP_FPM_CHILDREN sets php-fpm's
# pm.max_children (default 5, Debian's own pool default; pm = dynamic as Debian ships it).
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO=$PWD
WORK=${HOTCRP_WORK:-/tmp/hotcrp-work}
PORT=${HOTCRP_PORT:-18071}
FPM_PORT=${HOTCRP_FPM_PORT:-19071}
CHILDREN=${HOTCRP_FPM_CHILDREN:-5}
DB=hotcrpbench
JURORS=${HOTCRP_JURORS:-16}
PAPERS=${HOTCRP_PAPERS:-16}
MARKS=${HOTCRP_MARKS:-2}
REVIEWS=${HOTCRP_REVIEWS:-$JURORS}   # reviews per paper: paper i goes to jurors i, i+1, ... (mod JURORS)
RUN=$WORK/run
SOCK=$RUN/mysqld.sock
export PATH="$PATH:/usr/sbin:/sbin"

die() { echo "hotcrp.sh: $*" >&2; exit 1; }

fpm_bin() { ls /usr/sbin/php-fpm* 2>/dev/null | sort -V | tail -1; }

install_packages() {
    local missing=()
    [ -n "$(fpm_bin)" ] || missing+=(php-fpm)
    command -v php >/dev/null || missing+=(php-cli)
    command -v mariadbd >/dev/null || missing+=(mariadb-server)
    command -v mariadb >/dev/null || missing+=(mariadb-client)
    command -v nginx >/dev/null || missing+=(nginx-light)
    if command -v php >/dev/null; then
        local mods; mods=$(php -m)
        grep -qx mysqli <<<"$mods" || missing+=(php-mysql)
        grep -qx intl <<<"$mods" || missing+=(php-intl)
        grep -qx mbstring <<<"$mods" || missing+=(php-mbstring)
        grep -qx curl <<<"$mods" || missing+=(php-curl)
        grep -qx zip <<<"$mods" || missing+=(php-zip)
    else
        missing+=(php-mysql php-intl php-mbstring php-curl php-zip)
    fi
    if [ ${#missing[@]} -gt 0 ]; then
        echo "Installing ${missing[*]} (Debian packages)"
        apt-get update -qq
        # policy-rc.d or no init system: the packages' own services are not started; ours run below
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
}

get_source() {
    local src=${1:-${HOTCRP_SRC:-}}
    [ -n "$src" ] || die "say where HotCRP's source is: src/bench/hotcrp.sh up DIR (or HOTCRP_SRC=DIR), DIR a
checkout of https://github.com/kohler/hotcrp or a bare mirror of it (git clone --mirror; in a
session, the fetch tool's github:kohler/hotcrp gives /work/.mirror/kohler+hotcrp/repo)"
    mkdir -p "$WORK/hotcrp"
    if [ -f "$src/HEAD" ] && [ -d "$src/objects" ]; then
        git --git-dir="$src" archive HEAD | tar -x -C "$WORK/hotcrp"
        echo "HotCRP $(git --git-dir="$src" log -1 --format='%h (%cs)' HEAD) exported from $src"
    elif [ -f "$src/lib/createdb.sh" ]; then
        cp -a "$src/." "$WORK/hotcrp/"
        echo "HotCRP copied from $src"
    else
        die "$src is neither a HotCRP checkout nor a bare git directory of it"
    fi
}

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1" 2>/dev/null)" 2>/dev/null; }

down() {
    for p in nginx php-fpm mariadb; do
        if pid_alive "$RUN/$p.pid"; then
            kill "$(cat "$RUN/$p.pid")"
            for _ in $(seq 100); do pid_alive "$RUN/$p.pid" || break; sleep 0.1; done
        fi
    done
}

start_mariadb() {
    mkdir -p "$WORK/mysql" "$WORK/log"
    mariadb-install-db --no-defaults --datadir="$WORK/mysql" --user="$(id -un)" \
        --auth-root-authentication-method=socket >"$WORK/log/mariadb-install.log" 2>&1
    # Debian's server defaults (50-server.cnf) that matter here: utf8mb4; otherwise the server's own.
    (setsid mariadbd --no-defaults --datadir="$WORK/mysql" --socket="$SOCK" --pid-file="$RUN/mariadb.pid" \
        --skip-networking --user="$(id -un)" --log-error="$WORK/log/mariadb.err" \
        --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci </dev/null >/dev/null 2>&1 &)
    for _ in $(seq 300); do
        mariadb-admin --no-defaults --socket="$SOCK" -uroot ping >/dev/null 2>&1 && return
        sleep 0.1
    done
    die "MariaDB did not start: $(tail -5 "$WORK/log/mariadb.err")"
}

start_fpm() {
    cat >"$WORK/php-fpm.conf" <<EOF
[global]
pid = $RUN/php-fpm.pid
error_log = $WORK/log/php-fpm.log
daemonize = yes

[www]
user = www-data
group = www-data
listen = 127.0.0.1:$FPM_PORT
pm = dynamic
pm.max_children = $CHILDREN
pm.start_servers = $(( CHILDREN < 2 ? CHILDREN : 2 ))
pm.min_spare_servers = 1
pm.max_spare_servers = $(( CHILDREN < 3 ? CHILDREN : 3 ))
EOF
    "$(fpm_bin)" -y "$WORK/php-fpm.conf" -p "$WORK" || die "php-fpm did not start: $(tail -5 "$WORK/log/php-fpm.log")"
}

start_nginx() {
    mkdir -p "$WORK/nginx-tmp"
    cat >"$WORK/nginx.conf" <<EOF
worker_processes 2;
pid $RUN/nginx.pid;
error_log $WORK/log/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx-tmp;
  fastcgi_temp_path $WORK/nginx-tmp;
  server {
    listen 127.0.0.1:$PORT;
    # HotCRP's README: everything under the site path goes to index.php
    location / {
      fastcgi_pass 127.0.0.1:$FPM_PORT;
      fastcgi_split_path_info ^()(/[\\s\\S]*)\$;
      fastcgi_param SCRIPT_FILENAME $WORK/hotcrp/index.php;
      include /etc/nginx/fastcgi_params;
    }
  }
}
EOF
    nginx -c "$WORK/nginx.conf" -p "$WORK" -e "$WORK/log/nginx-error.log" || die "nginx did not start"
}

hotcrp() { (cd "$WORK/hotcrp" && php "$@"); }

seed() {
    local h=$WORK/hotcrp seedd=$WORK/seed
    mkdir -p "$seedd"
    {
        echo 'email,given_name,family_name,roles'
        echo 'chair@bench.example,Bench,Chair,chair'
        for j in $(seq 0 $((JURORS - 1))); do echo "j$j@jury.example,Bench,Juror $j,pc"; done
    } >"$seedd/users.csv"
    hotcrp batch/saveusers.php -q "$seedd/users.csv" >"$WORK/log/saveusers.log" 2>&1 \
        || die "saveusers: $(cat "$WORK/log/saveusers.log")"
    # Submissions closed, reviews open: what a jury sees while it judges. The review form is the
    # benchmark's rubric: two marks, "Message" (1-10) and "Craft" (1-6), no text fields; with
    # HOTCRP_MARKS=4 also "Clarity" and "Impact" (1-5), as in the issue's data set.
    values() { local n=$1 sep='' i; for i in $(seq 1 "$n"); do printf '%s{"id":%d,"symbol":%d,"name":"%s %d","order":%d}' "$sep" "$i" "$i" "$2" "$i" "$i"; sep=,; done; }
    local extra=''
    if [ "$MARKS" = 4 ]; then
        extra=",{\"id\":\"s03\",\"name\":\"Clarity\",\"values\":[$(values 5 Clarity)]},{\"id\":\"s04\",\"name\":\"Impact\",\"values\":[$(values 5 Impact)]}"
    fi
    hotcrp batch/settings.php save --expr "{\"submission_open\":true,\"submission_done\":\"$(date -d '-1 day' '+%Y-%m-%d %H:%M')\",
        \"review_open\":true,\"review\":[{\"id\":1,\"soft\":\"$(date -d '+30 day' '+%Y-%m-%d %H:%M')\"}],
        \"rf\":[{\"id\":\"s01\",\"name\":\"Message\",\"values\":[$(values 10 Mark)]},
               {\"id\":\"s02\",\"name\":\"Craft\",\"values\":[$(values 6 Craft)]}$extra,
               {\"id\":\"t01\",\"delete\":true},{\"id\":\"t02\",\"delete\":true},{\"id\":\"t03\",\"delete\":true}]}" \
        >"$WORK/log/settings.log" 2>&1 \
        || die "settings: $(cat "$WORK/log/settings.log")"
    {
        echo '['
        for i in $(seq 1 $PAPERS); do
            [ "$i" = 1 ] || echo ','
            echo "{\"pid\":$i,\"title\":\"Bench poster $i\",\"abstract\":\"A poster about staying safe online, number $i.\","
            echo " \"authors\":[{\"name\":\"Riya T\",\"email\":\"school$i@school.example\"}],\"submitted\":true,"
            echo " \"submission\":{\"content\":\"%PDF-1.4 bench poster $i\",\"mimetype\":\"application/pdf\"}}"
        done
        echo ']'
    } >"$seedd/papers.json"
    hotcrp batch/savepapers.php -q "$seedd/papers.json" >"$WORK/log/savepapers.log" 2>&1 \
        || die "savepapers: $(cat "$WORK/log/savepapers.log")"
    {
        echo 'paper,action,user'
        for i in $(seq 1 $PAPERS); do
            for k in $(seq 0 $((REVIEWS - 1))); do echo "$i,pcreview,j$(( (i + k) % JURORS ))@jury.example"; done
        done
    } >"$seedd/assign.csv"
    hotcrp batch/assign.php "$seedd/assign.csv" >"$WORK/log/assign.log" 2>&1 || die "assign: $(cat "$WORK/log/assign.log")"
    local n
    n=$(mariadb --no-defaults --socket="$SOCK" -uroot -N -e "select count(*) from PaperReview" $DB)
    [ "$n" = $((PAPERS * REVIEWS)) ] || die "expected $((PAPERS * REVIEWS)) review assignments, found $n"
    # One API token per juror, as a juror would make on the account page (HotCRP's batch/apitoken.php).
    : >"$seedd/tokens"
    for j in $(seq 0 $((JURORS - 1))); do
        hotcrp batch/apitoken.php -u "j$j@jury.example" --expiry=never --note=bench >>"$seedd/tokens"
    done
    # Every review is scored once (a draft), so the benchmark's saves change existing reviews; one
    # loop per juror, side by side. HOTCRP_SEED_SAVES=0 skips this (the issue's 6,000 reviews take a
    # quarter of an hour through the API on a busy machine): the first save of each review then creates it.
    local j=0 token more=''
    [ "${HOTCRP_SEED_SAVES:-1}" != 0 ] || PAPERS_SAVED=0
    [ "$MARKS" = 4 ] && more=',"Clarity":3,"Impact":3'
    : >"$seedd/failed"
    while read -r token; do
        (for i in $(seq 1 "${PAPERS_SAVED:-$PAPERS}"); do
            [ $(( (j - i % JURORS + JURORS) % JURORS )) -lt "$REVIEWS" ] || continue
            curl -sS -o "$seedd/last-$j.json" -w '%{http_code}' -H "Authorization: Bearer $token" \
                -H 'Content-Type: application/json' \
                --data "{\"Message\":$(( 1 + (i + j) % 10 )),\"Craft\":$(( 1 + (i + j) % 6 ))$more,\"draft\":true}" \
                "http://127.0.0.1:$PORT/api/review?p=$i" | grep -q 200 && grep -q '"ok": *true' "$seedd/last-$j.json" \
                || { echo "paper $i, juror $j: $(cat "$seedd/last-$j.json")" >>"$seedd/failed"; exit 1; }
        done) &
        j=$((j + 1))
    done <"$seedd/tokens"
    wait
    [ ! -s "$seedd/failed" ] || die "a first save failed: $(head -c 2000 "$seedd/failed")"
    {
        echo "base=http://127.0.0.1:$PORT"
        echo "papers=$PAPERS"
        echo "tokens=$(paste -sd, "$seedd/tokens")"
        echo "run=$RUN"
        echo "socket=$SOCK"
        echo "db=$DB"
        echo "fpmChildren=$CHILDREN"
        echo "version=$(cat "$WORK/version" 2>/dev/null || true)"
    } >"$WORK/peer.properties"
}

up() {
    [ "$(id -u)" = 0 ] || die "run as root (packages, php-fpm's www-data pool)"
    install_packages
    down
    rm -rf "$WORK"
    mkdir -p "$RUN" "$WORK/log"
    get_source "${1:-}" | tee "$WORK/version"
    start_mariadb
    (cd "$WORK/hotcrp" && lib/createdb.sh --batch --replace --quiet --user=root --socket="$SOCK" $DB) \
        >"$WORK/log/createdb.log" 2>&1 || die "createdb.sh: $(cat "$WORK/log/createdb.log")"
    cat >>"$WORK/hotcrp/conf/options.php" <<EOF
\$Opt["dbSocket"] = "$SOCK";
\$Opt["shortName"] = "Bench";
\$Opt["paperSite"] = "http://127.0.0.1:$PORT";
\$Opt["sendEmail"] = false;
// HotCRP limits each user's API calls (250 a minute, 5,000 an hour); a window of 0 lifts the limit.
\$Opt["apiRefreshWindow"] = 0;
\$Opt["apiRefreshWindow2"] = 0;
EOF
    # conf/options.php holds the database password: readable by the pool's user only.
    chgrp www-data "$WORK/hotcrp/conf/options.php"
    chmod 640 "$WORK/hotcrp/conf/options.php"
    chmod 755 "$WORK" "$RUN"
    start_fpm
    start_nginx
    seed
    echo "HotCRP on http://127.0.0.1:$PORT ($JURORS jurors, $PAPERS papers, $REVIEWS reviews a paper;" \
        "php-fpm pm.max_children=$CHILDREN); settings in $WORK/peer.properties; stop with:" \
        "HOTCRP_WORK=$WORK src/bench/hotcrp.sh down"
}

bench() {
    [ -f "$WORK/peer.properties" ] && pid_alive "$RUN/nginx.pid" || die "no running peer: src/bench/hotcrp.sh up SRC"
    ./mvnw -B -q test-compile
    ./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
    java -Dhotcrp.work="$WORK" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
        org.juryroom.bench.HotcrpPeer "$@"
}

case "${1:-}" in
    up) shift; up "$@" ;;
    bench) shift; bench "$@" ;;
    down) down ;;
    *)
        trap down EXIT
        up "${1:-}"
        bench "${2:-10}"
        ;;
esac
