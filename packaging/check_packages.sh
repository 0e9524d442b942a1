#!/usr/bin/env bash
# Builds the Linux packages from a configured build folder and checks them: contents, declared
# dependencies, desktop file and AppStream metadata, the manual pages, and that the packaged program
# starts and renders a screenshot. Prints the .deb's installed size.
# usage: packaging/check_packages.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$build"
rm -f clusterscope_*.deb clusterscope-*.tar.gz
cpack -G "DEB;TGZ" >/dev/null
deb=$(ls clusterscope_*.deb)
tgz=$(ls clusterscope-*.tar.gz)
fail() { echo "check_packages: $*" >&2; exit 1; }

contents=$(dpkg-deb -c "$deb")
for path in ./usr/bin/clusterscope ./usr/bin/clusterscope-cli \
            ./usr/share/applications/io.github.clusterscope.ClusterScope.desktop \
            ./usr/share/metainfo/io.github.clusterscope.ClusterScope.metainfo.xml \
            ./usr/share/mime/packages/clusterscope-scenario.xml \
            ./usr/share/icons/hicolor/scalable/apps/io.github.clusterscope.ClusterScope.svg \
            ./usr/share/icons/hicolor/48x48/apps/io.github.clusterscope.ClusterScope.png \
            ./usr/share/icons/hicolor/256x256/apps/io.github.clusterscope.ClusterScope.png \
            ./usr/share/doc/ClusterScope/LICENSE \
            ./usr/share/man/man1/clusterscope.1.gz ./usr/share/man/man1/clusterscope-cli.1.gz; do
  grep -qF "$path" <<<"$contents" || fail "$deb lacks $path"
done
depends=$(dpkg-deb -f "$deb" Depends)
for dep in libqt6quick6 libqt6widgets6 libqt6charts6 libqt6svg6 qml6-module-qtquick qml6-module-qtqml-workerscript; do
  grep -q "$dep" <<<"$depends" || fail "Depends lacks $dep: $depends"
done
listing=$(tar -tzf "$tgz")
grep -q "bin/clusterscope$" <<<"$listing" || fail "$tgz lacks bin/clusterscope"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dpkg-deb -x "$deb" "$work/root"
desktop-file-validate "$work/root/usr/share/applications/io.github.clusterscope.ClusterScope.desktop"
# Scenario files and a teacher's class files open in the program.
for type in application/x-clusterscope-scenario application/x-clusterscope-class; do
  grep -q "type=\"$type\"" "$work/root/usr/share/mime/packages/clusterscope-scenario.xml" || fail "no MIME type $type"
  grep -q "^MimeType=.*$type;" "$work/root/usr/share/applications/io.github.clusterscope.ClusterScope.desktop" \
    || fail "the desktop entry does not open $type"
done
appstreamcli validate --no-net --pedantic "$work/root/usr/share/metainfo/io.github.clusterscope.ClusterScope.metainfo.xml" >/dev/null \
  || appstreamcli validate --no-net "$work/root/usr/share/metainfo/io.github.clusterscope.ClusterScope.metainfo.xml"
QT_QPA_PLATFORM=offscreen "$work/root/usr/bin/clusterscope" --version | grep -q "ClusterScope" || fail "--version"
QT_QPA_PLATFORM=offscreen "$work/root/usr/bin/clusterscope" --screenshot "$work/shot.png" --progress-file "$work/p.json"
[ -s "$work/shot.png" ] || fail "the packaged program wrote no screenshot"
"$work/root/usr/bin/clusterscope-cli" list | grep -q cluster-heartbeat || fail "the packaged CLI lists no scenario"
# The manual pages: what the packaged programs print (--man), and they render without warnings.
for program in clusterscope clusterscope-cli; do
  page="$work/root/usr/share/man/man1/$program.1.gz"
  cmp -s <(gzip -dc "$page") <(QT_QPA_PLATFORM=offscreen "$work/root/usr/bin/$program" --man) \
    || fail "$page differs from $program --man"
  if command -v groff >/dev/null; then
    warnings=$(gzip -dc "$page" | groff -man -Tutf8 -ww -z 2>&1) || fail "$page does not render: $warnings"
    [ -z "$warnings" ] || fail "$page renders with warnings: $warnings"
  fi
done

echo "packages ok: $deb (Installed-Size $(dpkg-deb -f "$deb" Installed-Size) KiB), $tgz"
