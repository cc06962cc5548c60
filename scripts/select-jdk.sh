#!/usr/bin/env bash
# Sourced by dlt-local and .ci/run: makes JAVA_HOME point at a JDK 21 or newer.
# Keeps JAVA_HOME (or the java on PATH) when it is new enough; otherwise looks in the usual places.

java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1 | cut -d. -f1
}

select_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")" \
      /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/*; do
    if [ -z "$candidate" ] || [ ! -x "$candidate/bin/java" ] || [ ! -x "$candidate/bin/javac" ]; then
      continue
    fi
    major=$(java_major "$candidate/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "No JDK 21 or newer found: install one (e.g. Temurin 21) and set JAVA_HOME." >&2
  return 1
}

select_jdk
