#!/usr/bin/env python3
# Checks the Flatpak manifest without flatpak-builder or a network: that it is
# valid JSON, names this app and its command, pins every downloaded source by
# checksum, and builds this source tree with meson as its last module.
#
# Usage: check-flatpak-manifest.py MANIFEST SRCROOT
# Exits 0 when the manifest is sound, 1 with a message per problem otherwise,
# 2 on wrong usage.

import json
import os
import re
import sys

APP_ID = "io.github.commonroom.CommonRoom"
COMMAND = "commonroom"
SHA256 = re.compile(r"^[0-9a-f]{64}$")
DOWNLOADED = ("archive", "file")

SUBDIR = re.compile(r"""\bsubdir\(\s*'([^']+)'\s*\)""")

# What the last module's meson build needs to find in the tree it copies,
# besides every meson.build that a subdir() names.
REQUIRED_FILES = (
    "meson_options.txt",
    "src/app/main.c",
    "data/" + APP_ID + ".desktop.in",
    "data/" + APP_ID + ".metainfo.xml.in",
    "data/" + APP_ID + ".gschema.xml",
    "po/POTFILES.in",
    "po/LINGUAS",
)


def check_source(where, source, manifest_dir, problems):
    if not isinstance(source, dict):
        problems.append(f"{where}: a source must be an object")
        return
    kind = source.get("type")
    if kind is None:
        problems.append(f"{where}: has no \"type\"")
    elif kind in DOWNLOADED:
        url = source.get("url")
        if not isinstance(url, str) or not url.startswith("https://"):
            problems.append(f"{where}: {kind} source needs an https \"url\"")
        sha = source.get("sha256")
        if not isinstance(sha, str) or not SHA256.match(sha):
            problems.append(
                f"{where}: {kind} source needs a \"sha256\" of 64 "
                "lower-case hex digits"
            )
    elif kind == "dir":
        path = source.get("path")
        if not isinstance(path, str):
            problems.append(f"{where}: dir source needs a \"path\"")
        elif not os.path.isdir(os.path.join(manifest_dir, path)):
            problems.append(
                f"{where}: dir source path \"{path}\" is not a folder "
                f"next to the manifest"
            )
    elif kind == "git":
        if "url" not in source:
            problems.append(f"{where}: git source needs a \"url\"")
        if "commit" not in source and "tag" not in source:
            problems.append(f"{where}: git source needs a \"commit\" or \"tag\"")


def check_subdirs(srcroot, rel, problems, seen):
    """Follows subdir() from rel/meson.build, reporting missing folders."""
    build_file = os.path.join(srcroot, rel, "meson.build")
    if build_file in seen:
        return
    seen.add(build_file)
    try:
        with open(build_file, encoding="utf-8") as f:
            text = f.read()
    except OSError:
        problems.append(f"{os.path.join(rel, 'meson.build')} is missing "
                        "from the source tree")
        return
    for line in text.splitlines():
        code = line.split("#", 1)[0]
        for sub in SUBDIR.findall(code):
            check_subdirs(srcroot, os.path.normpath(os.path.join(rel, sub)),
                          problems, seen)


def check(manifest_path, srcroot):
    problems = []
    try:
        with open(manifest_path, encoding="utf-8") as f:
            manifest = json.load(f)
    except OSError as e:
        return [f"cannot read the manifest: {e.strerror}"]
    except json.JSONDecodeError as e:
        return [f"not valid JSON: line {e.lineno}, column {e.colno}: {e.msg}"]

    if not isinstance(manifest, dict):
        return ["the manifest must be a JSON object"]

    app_id = manifest.get("id", manifest.get("app-id"))
    if app_id != APP_ID:
        problems.append(f"app id is {app_id!r}, expected {APP_ID!r}")
    if manifest.get("command") != COMMAND:
        problems.append(
            f"command is {manifest.get('command')!r}, expected {COMMAND!r}"
        )
    for key in ("runtime", "runtime-version", "sdk"):
        if not isinstance(manifest.get(key), str):
            problems.append(f"\"{key}\" is missing")
    finish_args = manifest.get("finish-args", [])
    if "--share=network" in finish_args:
        problems.append("the app works offline: drop --share=network")

    modules = manifest.get("modules")
    if not isinstance(modules, list) or not modules:
        problems.append("\"modules\" must be a non-empty list")
        return problems

    manifest_dir = os.path.dirname(os.path.abspath(manifest_path))
    for i, module in enumerate(modules):
        if not isinstance(module, dict):
            # A string names a module in a file of its own; not used here.
            problems.append(f"module {i}: must be an object")
            continue
        name = module.get("name", f"#{i}")
        where = f"module {name}"
        if "name" not in module:
            problems.append(f"{where}: has no \"name\"")
        sources = module.get("sources")
        if not isinstance(sources, list) or not sources:
            problems.append(f"{where}: has no sources")
            continue
        for j, source in enumerate(sources):
            check_source(f"{where}, source {j}", source, manifest_dir, problems)

    last = modules[-1]
    if isinstance(last, dict):
        if last.get("buildsystem") != "meson":
            problems.append(
                f"the last module ({last.get('name')}) must build with meson"
            )
        dirs = [s for s in last.get("sources", [])
                if isinstance(s, dict) and s.get("type") == "dir"]
        if not dirs:
            problems.append(
                "the last module must build this tree (a \"dir\" source)"
            )
        for source in dirs:
            tree = os.path.realpath(os.path.join(manifest_dir, source["path"]))
            if tree != os.path.realpath(srcroot):
                problems.append(
                    f"the last module builds {tree}, not the source root "
                    f"{os.path.realpath(srcroot)}"
                )

    check_subdirs(srcroot, "", problems, set())
    for rel in REQUIRED_FILES:
        if not os.path.isfile(os.path.join(srcroot, rel)):
            problems.append(f"{rel} is missing from the source tree")

    return problems


def main(argv):
    if len(argv) != 3:
        print(f"usage: {os.path.basename(argv[0])} MANIFEST SRCROOT",
              file=sys.stderr)
        return 2
    manifest_path, srcroot = argv[1], argv[2]
    problems = check(manifest_path, srcroot)
    for problem in problems:
        print(f"{manifest_path}: {problem}", file=sys.stderr)
    if problems:
        return 1
    print(f"{manifest_path}: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
