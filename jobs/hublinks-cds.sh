#!/bin/sh
# hublinks' fast start: Spring Boot's Class Data Sharing (CDS) support on Java 17.
#
#   jobs/hublinks-cds.sh --prepare         once after installing or upgrading hublinks.jar (~15 s)
#   jobs/hublinks-cds.sh run jobs/nightly.yml [...]    any hublinks command, in place of java -jar hublinks.jar
#
# --prepare extracts hublinks.jar into cds/ beside it (java -Djarmode=tools … extract: plain jars the
# JVM can archive, instead of jars nested in the fat jar) and makes cds/hublinks.jsa from a training
# run (-XX:ArchiveClassesAtExit, -Dspring.context.exit=onRefresh) that starts the application on a
# throwaway in-memory H2 database: it touches no database, roster or output of yours, and needs no
# secret. A start then maps the classes already parsed and verified instead of loading them: a
# no-op night takes half the CPU (README, "Fast start").
#
# Any other argument starts hublinks with its arguments (the exit code is hublinks', through exec):
# with the archive if cds/ was made from this very hublinks.jar (its size and time, in
# cds/hublinks.source), else from hublinks.jar as java -jar would, so a run never uses a stale copy:
#   - no cds/ (never prepared): plain java -jar, silently;
#   - cds/ made from another hublinks.jar (the jar was upgraded, --prepare not run again): plain
#     java -jar, with one line on stderr saying so. Run --prepare again after every upgrade;
#   - a JVM other than the one that made the archive: the JVM says "Unable to use shared archive"
#     (on stdout) and starts without it. Run --prepare again after a Java upgrade.
# Not while a hublinks process runs from cds/ (as for replacing hublinks.jar itself).
#
# HUBLINKS_JAR: the jar (default hublinks.jar in the working directory, else beside jobs/, else
# target/hublinks.jar);
# HUBLINKS_CDS: the directory it is extracted to (default cds/ beside the jar);
# JAVA_OPTS: options for java (e.g. -Xmx256m), for the training run too; JAVA: the java to run.
# HUBLINKS_JIT_OPTS: the JIT's thresholds for a night's start (default below; empty: the JVM's own).
# A fresh JVM spends about half of a short night's CPU compiling: with C2's thresholds ten times
# the JVM's, the code run only while Spring starts stays with C1 and a no-op night takes a fifth
# less time, while the loops of a long night, run millions of times, still reach C2 within seconds
# (a 1M-learner first night is no slower; README, "Fast start").
set -eu

java=${JAVA:-java}
jar=${HUBLINKS_JAR:-}
if [ -z "$jar" ]; then # the working directory's, the install's (jobs/..), or a build's
    for jar in hublinks.jar "$(dirname "$0")/../hublinks.jar" target/hublinks.jar hublinks.jar; do
        [ ! -f "$jar" ] || break
    done
fi
[ -f "$jar" ] || { echo "hublinks-cds: $jar not found (set HUBLINKS_JAR)" >&2; exit 2; }
jar=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")
cds=${HUBLINKS_CDS:-$(dirname "$jar")/cds}
case $cds in /*) ;; *) cds=$(pwd)/$cds ;; esac # the archive holds the class path as given: absolute
app=$cds/$(basename "$jar")
source_of() { stat -c '%s %Y' "$1"; } # size and modification time of the jar cds/ was made from
jit=${HUBLINKS_JIT_OPTS-"-XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=20000 -XX:Tier4CompileThreshold=60000 -XX:Tier4BackEdgeThreshold=400000"}

if [ "${1:-}" != "--prepare" ]; then
    # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
    if [ -f "$cds/hublinks.source" ] && [ -f "$cds/hublinks.jsa" ] \
            && [ "$(cat "$cds/hublinks.source")" = "$(source_of "$jar")" ]; then
        exec "$java" $jit ${JAVA_OPTS:-} -XX:SharedArchiveFile="$cds/hublinks.jsa" -jar "$app" "$@"
    fi
    if [ -d "$cds" ]; then
        echo "hublinks-cds: $cds was not made from this $jar; starting without the archive (run $0 --prepare)" >&2
    fi
    exec "$java" $jit ${JAVA_OPTS:-} -jar "$jar" "$@"
fi

training=$(mktemp -d)
trap 'rm -rf "$training"' EXIT
printf 'hublinks:\n  job:\n    name: cds-training\n' > "$training/training.yml"
rm -rf "$cds"
fail() { rm -rf "$cds"; echo "hublinks-cds: $1; hublinks starts without the archive" >&2; exit 1; }

"$java" -Djarmode=tools -jar "$jar" extract --destination "$cds" > "$training/extract.log" 2>&1 \
    || { cat "$training/extract.log" >&2; fail "could not extract $jar"; }
# the training run: the context starts (Flyway migrates the in-memory database), then the JVM exits
# and writes every class it loaded; its warnings (classes CDS cannot keep, e.g. Java 5 class files) are quiet
# shellcheck disable=SC2086
(cd "$training" && "$java" ${JAVA_OPTS:-} -XX:ArchiveClassesAtExit="$cds/hublinks.jsa" \
        -Xlog:cds=error,cds+dynamic=error -Dspring.context.exit=onRefresh \
        -jar "$app" run training.yml --spring.datasource.url="jdbc:h2:mem:cds-training;DB_CLOSE_DELAY=-1") \
        > "$training/training.log" 2>&1 || { cat "$training/training.log" >&2; fail "the training run failed"; }
# -Xshare:on refuses to start unless the archive is usable
# shellcheck disable=SC2086
"$java" ${JAVA_OPTS:-} -Xshare:on -XX:SharedArchiveFile="$cds/hublinks.jsa" -jar "$app" --version > /dev/null \
    || fail "the archive made is not usable"
source_of "$jar" > "$cds/hublinks.source" # last: cds/ is complete
echo "hublinks-cds: $cds/hublinks.jsa made from $jar ($(du -m "$cds/hublinks.jsa" | cut -f1) MB);" \
    "start hublinks with $0 (or java -XX:SharedArchiveFile=$cds/hublinks.jsa -jar $app)"
