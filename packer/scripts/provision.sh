#!/usr/bin/env bash
# Installs one tier of the orders application into an image: the JDK and the CloudWatch
# agent, the tier's jar extracted for a fast start, an AOT cache from a training run, the
# systemd unit that starts it, and the agent's configuration. Everything here is static:
# the same for every instance launched from the image. Where the database, queue and
# bucket are is written by user data at launch (/etc/orders/orders.env).
#
#   TIER   web or worker (required)
#   SRC    the folder the files were uploaded to: <tier>.jar, files/, scripts/
#          (default /tmp/orders-bake, where orders.pkr.hcl puts them)
#   ROOT   empty (default): install into this system, as Packer does on the build instance.
#          A directory: install under it instead (a staging root, as packer/check does):
#          packages, the user and ownership by that user are skipped, because they belong
#          to the real system; everything else (extraction, the AOT training run, units,
#          configuration) is done for real under ROOT.
#   JAVA   the java binary that extracts the jar and makes the AOT cache; it must be the
#          JDK the unit runs, because an AOT cache only works with the JDK that made it
#          (default: Amazon Corretto 25, where the package installs it)
#   JAVA_PACKAGE, CLOUDWATCH_AGENT_PACKAGE   package names, optionally with a pinned version
set -euo pipefail

TIER="${TIER:?set TIER to web or worker}"
ROOT="${ROOT:-}"
SRC="${SRC:-/tmp/orders-bake}"
JAVA="${JAVA:-/usr/lib/jvm/java-25-amazon-corretto/bin/java}"
JAVA_PACKAGE="${JAVA_PACKAGE:-java-25-amazon-corretto-headless}"
CLOUDWATCH_AGENT_PACKAGE="${CLOUDWATCH_AGENT_PACKAGE:-amazon-cloudwatch-agent}"

case "$TIER" in
  web | worker) ;;
  *) echo "TIER must be web or worker, not '$TIER'" >&2; exit 2 ;;
esac

unit="orders-$TIER.service"
home="$ROOT/opt/orders/$TIER"

log() { echo "provision [$TIER]: $*"; }

install_packages() {
  log "installing $JAVA_PACKAGE, $CLOUDWATCH_AGENT_PACKAGE, jq, awscli-2"
  # Amazon Linux 2023 locks its repositories to the base image's release, so the same
  # base_release gives the same package versions.
  dnf install -y "$JAVA_PACKAGE" "$CLOUDWATCH_AGENT_PACKAGE" jq awscli-2
  dnf clean all
}

create_user() {
  # A system user with no login shell and no home: the JVM needs neither, and nothing can
  # log in as it.
  if ! id orders >/dev/null 2>&1; then
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin orders
  fi
}

# Extracts the jar into app/<tier>.jar + app/lib/, Spring Boot's layout for a fast start:
# the JVM loads classes from plain jars on the class path instead of jars nested in one.
extract_jar() {
  log "extracting $SRC/$TIER.jar into $home/app"
  rm -rf "$home/app"
  install -d -m 0755 "$home"
  "$JAVA" -Djarmode=tools -jar "$SRC/$TIER.jar" extract --destination "$home/app"
  test -f "$home/app/$TIER.jar" && test -d "$home/app/lib"
}

# The JVM options of the unit's ExecStart (between the java binary and -jar), without its
# -XX:AOTCache: the training run uses the same collector and heap settings as the service.
unit_jvm_options() {
  sed -e ':a' -e '/\\$/N; s/\\\n//; ta' "$SRC/files/$unit" |
    sed -n 's/^ExecStart=[^ ]*java \(.*\) -jar .*/\1/p' |
    tr -s ' ' '\n' | grep -v -e '^-XX:AOTCache=' -e '^$' || true
}

# The AOT cache (JEP 483, 514, 515): a training run loads and links the application's
# classes and records method profiles; the service maps them at start instead of doing
# that work again. The context is refreshed (every bean created) and the JVM exits before
# anything starts: no web server, no scheduler, no SQS listener. Creating beans touches
# neither the database (Flyway is off, and the pool connects lazily) nor AWS (the SDK
# clients connect on first call), so no dependency is needed at bake time. The SDK clients
# do need a region to be built; any will do, as at launch user data sets AWS_REGION.
# A failed refresh still leaves a cache behind, so the exit status is what counts.
train_aot_cache() {
  local options output
  mapfile -t options < <(unit_jvm_options)
  output="$(mktemp)"
  log "AOT training run with ${options[*]}"
  if ! AWS_REGION="${AWS_REGION:-us-east-1}" "$JAVA" "${options[@]}" -XX:AOTCacheOutput="$home/app/app.aot" \
    -Dspring.context.exit=onRefresh -jar "$home/app/$TIER.jar" --spring.flyway.enabled=false >"$output" 2>&1; then
    grep -v 'Skipping' "$output" >&2
    rm -f "$output"
    return 1
  fi
  # Classes the cache cannot hold (proxies, classes failing verification) are listed one
  # line each; a count says enough.
  log "AOT cache: $(grep -c 'Skipping' "$output" || true) classes left out; $(grep 'AOTCache creation is complete' "$output" || echo 'NOT CREATED')"
  rm -f "$output"
  test -s "$home/app/app.aot"
}

install_files() {
  log "installing $unit, resolve-db-env and the CloudWatch agent's configuration"
  install -D -m 0644 "$SRC/files/$unit" "$ROOT/etc/systemd/system/$unit"
  install -D -m 0755 "$SRC/scripts/resolve-db-env" "$ROOT/usr/local/libexec/orders/resolve-db-env"
  install -d -m 0755 "$ROOT/opt/aws/amazon-cloudwatch-agent/etc"
  # One configuration for both tiers: the tier names the log file, log group and dimension.
  sed "s/__TIER__/$TIER/g" "$SRC/files/amazon-cloudwatch-agent.json" \
    >"$ROOT/opt/aws/amazon-cloudwatch-agent/etc/amazon-cloudwatch-agent.json"
  chmod 0644 "$ROOT/opt/aws/amazon-cloudwatch-agent/etc/amazon-cloudwatch-agent.json"
  # User data writes orders.env here at launch: root may write, the service's group may
  # read. (In a staging root it stays root's: the user exists only on a real system.)
  install -d -m 0750 "$ROOT/etc/orders"
  if [ -z "$ROOT" ]; then
    chown root:orders /etc/orders
  fi
}

enable_units() {
  if [ -z "$ROOT" ]; then
    # The agent translates etc/amazon-cloudwatch-agent.json each time it starts.
    systemctl enable "$unit" amazon-cloudwatch-agent.service
  else
    # What `systemctl enable` does for the unit's [Install] WantedBy=multi-user.target.
    install -d -m 0755 "$ROOT/etc/systemd/system/multi-user.target.wants"
    ln -sfn "../$unit" "$ROOT/etc/systemd/system/multi-user.target.wants/$unit"
  fi
}

if [ -z "$ROOT" ]; then
  install_packages
  create_user
fi
test -x "$JAVA" || { echo "no java at $JAVA" >&2; exit 1; }
[[ "$("$JAVA" -version 2>&1)" == *'version "25'* ]] || { echo "$JAVA is not a JDK 25" >&2; exit 1; }
extract_jar
train_aot_cache
# Code and cache are root's and read-only to the service, which must not change them.
chmod -R u=rwX,go=rX "$home"
install_files
enable_units
if [ -z "$ROOT" ]; then
  rm -rf "$SRC"
fi
log "done"
