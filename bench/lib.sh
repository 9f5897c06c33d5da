# Sourced by the bench scripts: puts the repository root in the working folder and a JDK >= 21 in JAVA_HOME.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source <(sed -n '/^java_major()/,/^}/p; /^find_jdk()/,/^}/p; /^apt_install()/,/^}/p; /^say()/p' cctv)
find_jdk

# bench_classpath MODULE: builds MODULE and what it needs (tests compiled, not run) and prints its test classpath.
bench_classpath() {
  local module=$1
  ./mvnw -B -q --no-transfer-progress install -DskipTests -Dskip.npm -pl "$module" -am >&2
  ./mvnw -B -q --no-transfer-progress -pl "$module" dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >&2
  echo "$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.classpath")"
}
