#!/usr/bin/env bash
# Validate the .desktop file and the AppStream metainfo with the freedesktop tools, where
# they are installed (Debian/Ubuntu: apt-get install desktop-file-utils appstream); says
# which check it skipped otherwise. --no-net: the screenshot and home page URLs name where
# the project is published, and whether they answer from here is no property of the file.
set -euo pipefail
cd "$(dirname "$0")"
APP_ID=io.github.exportgui.ExportGui

if command -v desktop-file-validate >/dev/null 2>&1; then
    out=$(desktop-file-validate "$APP_ID.desktop" 2>&1) || { echo "$out"; exit 1; }
    if [ -n "$out" ]; then echo "$out"; echo "desktop-file-validate: warnings count as failures"; exit 1; fi
    echo "desktop-file-validate: $APP_ID.desktop ok"
else
    echo "desktop-file-validate: SKIPPED (not installed; apt-get install desktop-file-utils)"
fi

if command -v appstreamcli >/dev/null 2>&1; then
    appstreamcli validate --no-net --explain "$APP_ID.metainfo.xml"
else
    echo "appstreamcli: SKIPPED (not installed; apt-get install appstream)"
fi
