#!/usr/bin/env bash
# Debian packages csat_lab uses outside Python, installed only when missing:
#   fonts     fonts-wqy-microhei: a small CJK font so Chinese chart labels render (not as boxes)
#   chromium  Debian's Chromium for the browser tests (no browser is ever downloaded)
#   npm       Node's package manager, to install the trainer kit's pinned reveal.js and MathJax
#   java      a Java 17 runtime (openjdk-17-jre-headless) so the Spark parity tests run Spark in local mode
# Installs when running as root with apt-get; otherwise prints what to install and carries on.
set -u
need=()
for what in "$@"; do
  case "$what" in
    fonts) fc-list 2>/dev/null | grep -qiE "wqy|noto sans cjk|source han sans|droid sans fallback" || need+=(fonts-wqy-microhei) ;;
    chromium) [ -x /usr/bin/chromium ] || need+=(chromium) ;;
    npm) command -v npm >/dev/null 2>&1 || need+=(npm) ;;
    java) command -v java >/dev/null 2>&1 || need+=(openjdk-17-jre-headless) ;;
    *) echo "system_deps.sh: unknown item '$what' (fonts, chromium, npm, java)" >&2; exit 2 ;;
  esac
done
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian packages: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
else
  echo "note: please install ${need[*]} (e.g. sudo apt-get install ${need[*]}); continuing without them"
fi
