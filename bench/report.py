"""Writes bench/results.md from the results of one run."""
import os
import platform
import subprocess


def machine():
    cpu = "unknown"
    with open("/proc/cpuinfo") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as info:
        ram = int(info.readline().split()[1]) / 1024 / 1024
    load = open("/proc/loadavg").read().split()[:3]
    return (f"{os.cpu_count()} CPUs ({cpu}), {ram:.1f} GiB RAM, Linux {platform.release()}, "
            f"load average at the start {' '.join(load)}")


def version(argv):
    try:
        out = subprocess.run(argv, capture_output=True, text=True)
        return (out.stdout or out.stderr).strip().splitlines()[0]
    except (OSError, IndexError):
        return "unknown"


def figure(value, unit):
    if unit == "ms":
        return f"{value:.2f} ms"
    if unit == "MiB":
        return f"{value:.1f} MiB"
    return f"{value:.0f} {unit}"


def table(result):
    lines = ["| subject | n | median | 90th | 99th | TwoHats ÷ this |", "|---|---:|---:|---:|---:|---:|"]
    ours = result.series[0]
    for series in result.series:
        ratio = f"{ours.median / series.median:.2f}" if series.peer and series.median else ""
        lines.append(f"| {series.subject} | {len(series.samples)} | {figure(series.median, series.unit)} | "
                     f"{figure(series.p(90), series.unit)} | {figure(series.p(99), series.unit)} | {ratio} |")
    return lines


def verdict(check):
    return "met" if check.met else "**missed**"


def write(path, results, header, closing):
    out = ["# Benchmark results", "", *header, ""]
    out += ["## Summary", "", "| benchmark | target | TwoHats | limit | |", "|---|---|---:|---:|---|"]
    for result in results:
        if result.skipped:
            out.append(f"| {result.title} | | | | skipped: {result.skipped} |")
        unit = result.series[0].unit if result.series else ""
        for check in result.checks:
            out.append(f"| {result.title} | {check.text} | {figure(check.value, unit)} | {figure(check.limit, unit)} | {verdict(check)} |")
    for result in results:
        out += ["", f"## {result.title}", "", result.what, ""]
        if result.skipped:
            out += [f"Skipped: {result.skipped}."]
            continue
        out += table(result)
        if result.checks:
            out.append("")
        for check in result.checks:
            out.append(f"- Target: {check.text}. TwoHats {figure(check.value, result.series[0].unit)}, "
                       f"limit {figure(check.limit, result.series[0].unit)}: {verdict(check)}.")
        for note in result.notes:
            out += ["", note]
    if closing:
        out += ["", closing.strip()]
    with open(path, "w") as file:
        file.write("\n".join(out) + "\n")


def header_lines(binary, seconds):
    commit = version(["git", "rev-parse", "--short", "HEAD"])
    return [
        f"Written by `make bench` (commit {commit}, the whole run took {seconds:.0f} s). "
        "Release build, pseudo-terminal 80x24, `TERM=xterm-256color`, emulated by pyte; "
        "temporary data folders only.",
        "",
        f"- Machine: {machine()}.",
        f"- Peers: dialog {version(['/usr/bin/dialog', '--version'])}, "
        f"whiptail {version(['/usr/bin/whiptail', '--version'])}.",
        f"- TwoHats: {version([binary, '--version'])}.",
        "- Times are milliseconds from the harness writing (or starting the program) to the read "
        "that completed the frame; percentiles interpolate between ranks. The floor rows are the "
        "same harness running `/bin/echo` or `cat`: no program can be faster than that.",
    ]
