#!/usr/bin/env python3
"""JFR recording -> collapsed stacks -> a self-contained SVG flame graph, with no other tool than the JDK's `jfr`.

    python3 docs/flamegraph.py target/bench/input-form-32.jfr docs/flamegraph-input-form.svg \
        --threads http-nio --title "Input form, 32 clients"

Keeps the CPU samples (jdk.ExecutionSample) of the threads whose name starts with one of --threads (the server's
http-nio-* workers by default: the benchmark's clients share the JVM), writes the collapsed stacks next to the SVG
(.collapsed, one "frame;frame;frame count" a line, the format of Brendan Gregg's flamegraph.pl) and prints the
methods with the most inclusive samples. Hover a frame in the SVG for its name and share.
"""
import argparse
import collections
import html
import json
import subprocess
import sys
import zlib


# frames that only pass the call on (reflection, lambdas, method handles): left out so the graph stays readable
PLUMBING = ("$$Lambda", "LambdaForm$", "DirectMethodHandle$Holder", "GeneratedMethodAccessor",
            "DelegatingMethodAccessorImpl", "NativeMethodAccessorImpl", "java.lang.reflect.Method.invoke")


def samples(jfr_file, prefixes, depth):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", str(depth), "--events", "jdk.ExecutionSample",
                          jfr_file], check=True, capture_output=True, text=True).stdout
    for event in json.loads(out)["recording"]["events"]:
        values = event["values"]
        thread = (values.get("sampledThread") or {}).get("javaName") or ""
        if prefixes and not any(thread.startswith(p) for p in prefixes):
            continue
        trace = values.get("stackTrace") or {}
        frames = trace.get("frames") or []
        # JFR keeps the 64 frames nearest the leaf unless the JVM ran with
        # -XX:FlightRecorderOptions:stackdepth=256; a cut stack gets a root of its own rather than a wrong one
        stack = ["(stack cut: deeper than recorded)"] if trace.get("truncated") else []
        for f in reversed(frames):  # root first
            m = f["method"]
            name = m["type"]["name"].replace("/", ".") + "." + m["name"]
            if not any(p in name for p in PLUMBING):
                stack.append(name)
        if stack:
            yield tuple(stack)


def color(name):
    h = zlib.crc32(name.encode())
    if name.startswith("org.gcmreview"):
        return "rgb(%d,%d,%d)" % (80 + h % 40, 170 + h % 60, 80 + h % 40)      # green: the application
    if name.startswith(("org.thymeleaf", "org.attoparser", "org.unbescape")):
        return "rgb(%d,%d,%d)" % (230, 120 + h % 60, 50 + h % 40)            # orange: templates
    if name.startswith(("org.camunda", "org.apache.ibatis")):
        return "rgb(%d,%d,%d)" % (180 + h % 40, 90 + h % 40, 200)            # purple: Camunda
    if name.startswith(("org.postgresql", "com.zaxxer", "org.springframework.jdbc")):
        return "rgb(%d,%d,%d)" % (80 + h % 40, 140 + h % 40, 220)            # blue: JDBC
    if name.startswith(("org.springframework.security", "org.springframework.session")):
        return "rgb(%d,%d,%d)" % (220, 200 + h % 40, 60 + h % 40)            # yellow: security, session
    return "rgb(%d,%d,%d)" % (200 + h % 55, 80 + h % 80, 60 + h % 40)       # red: everything else


def svg(counts, title, width=1600, row=16):
    total = sum(counts.values())
    root = {"n": 0, "c": {}}
    for stack, n in counts.items():
        node = root
        node["n"] += n
        for frame in stack:
            node = node["c"].setdefault(frame, {"n": 0, "c": {}})
            node["n"] += n
    depth = max(len(s) for s in counts) + 1
    height = (depth + 3) * row
    out = ['<?xml version="1.0" standalone="no"?>',
           '<svg version="1.1" width="%d" height="%d" xmlns="http://www.w3.org/2000/svg" font-family="monospace" '
           'font-size="11">' % (width, height),
           '<rect width="100%" height="100%" fill="#f8f8f8"/>',
           '<text x="%d" y="%d" text-anchor="middle" font-size="15">%s (%d samples)</text>'
           % (width // 2, row, html.escape(title), total)]
    scale = (width - 20) / total

    def draw(name, node, x, level):
        w = node["n"] * scale
        if w < 0.3:
            return
        y = height - (level + 1) * row
        label = "%s (%d samples, %.1f%%)" % (name, node["n"], 100.0 * node["n"] / total)
        out.append('<g><title>%s</title><rect x="%.1f" y="%d" width="%.1f" height="%d" fill="%s" rx="2"/>'
                   % (html.escape(label), x, y, w, row - 1, color(name)))
        chars = int(w / 7)
        if chars > 3:
            short = name if len(name) <= chars else name[:chars - 2] + ".."
            out.append('<text x="%.1f" y="%d">%s</text>' % (x + 3, y + row - 4, html.escape(short)))
        out.append('</g>')
        cx = x
        for child_name, child in sorted(node["c"].items()):
            draw(child_name, child, cx, level + 1)
            cx += child["n"] * scale

    draw("all", root, 10, 0)
    out.append('</svg>')
    return "\n".join(out)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("jfr")
    p.add_argument("svg")
    p.add_argument("--threads", default="http-nio", help="comma-separated thread name prefixes ('' for all)")
    p.add_argument("--title", default="CPU samples")
    p.add_argument("--depth", type=int, default=256)
    p.add_argument("--top", type=int, default=40)
    p.add_argument("--collapsed", help="also write the collapsed stacks here (flamegraph.pl's input format)")
    a = p.parse_args()
    prefixes = [t for t in a.threads.split(",") if t]
    counts = collections.Counter(samples(a.jfr, prefixes, a.depth))
    if not counts:
        sys.exit("no samples of threads " + a.threads)
    total = sum(counts.values())
    if a.collapsed:
        with open(a.collapsed, "w") as f:
            for stack, n in sorted(counts.items()):
                f.write(";".join(stack) + " " + str(n) + "\n")
    with open(a.svg, "w") as f:
        f.write(svg(counts, a.title))
    inclusive = collections.Counter()
    self_time = collections.Counter()
    for stack, n in counts.items():
        for frame in set(stack):
            inclusive[frame] += n
        self_time[stack[-1]] += n
    print("%d samples" % total)
    print("inclusive:")
    for frame, n in inclusive.most_common(a.top):
        print("%5.1f%% %s" % (100.0 * n / total, frame))
    print("self:")
    for frame, n in self_time.most_common(a.top // 2):
        print("%5.1f%% %s" % (100.0 * n / total, frame))


if __name__ == "__main__":
    main()
