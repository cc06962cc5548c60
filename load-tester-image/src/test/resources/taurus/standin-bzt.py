#!/usr/bin/env python3
"""A stand-in for Taurus' bzt in the taurus engine's tests.

Like bzt, it takes one config file, refuses a config the worker image could not run, logs to stdout,
and writes results.xml (Taurus' final-stats shape), kpi.jtl (JMeter's CSV) and jmeter.log into the
artifacts dir. Each label gets 2 x concurrency samples (concurrency on SIGTERM/SIGINT, as partial
results). What it saw is recorded in standin-record.json in the artifacts dir.

How it behaves is read from standin.json next to this script:
  sleep              seconds to "generate load" before writing results (default 0)
  ignoreTerm         true: ignore SIGTERM, like a hung bzt
  child              true: start a child process (like JMeter) and record its pid
  failWithoutResults true: exit 1 with an error and write nothing
  exitCode           exit code after writing full results (default 0)
  loseTerms          how many SIGTERMs to lose before one is taken, as Taurus does when the signal lands
                     in code that swallows every exception (default 0)
"""
import csv
import json
import os
import signal
import stat
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
LEVELS = ["0.0", "50.0", "90.0", "95.0", "99.0", "99.9", "100.0"]
KPI_HEADER = ["timeStamp", "elapsed", "label", "responseCode", "responseMessage", "threadName", "success",
              "bytes", "grpThreads", "allThreads", "Latency", "Hostname", "Connect"]

record = {"argv": sys.argv[1:], "cwd": os.getcwd(), "pid": os.getpid(), "signals": []}
stop_requested = False


def say(message):
    print(time.strftime("%H:%M:%S") + " " + message, flush=True)


def refuse(message):
    say("ERROR: Config Error: " + message)
    sys.exit(1)


def behaviour():
    path = os.path.join(HERE, "standin.json")
    if not os.path.exists(path):
        return {}
    with open(path) as f:
        return json.load(f)


def on_signal(number, _frame):
    global stop_requested
    name = signal.Signals(number).name
    record["signals"].append(name)
    if name == "SIGTERM" and BEHAVIOUR.get("ignoreTerm"):
        say("WARNING: ignoring " + name)
        return
    if name == "SIGTERM" and record["signals"].count(name) <= BEHAVIOUR.get("loseTerms", 0):
        return
    say("INFO: " + name + " received, shutting down")
    say("WARNING: Please wait for graceful shutdown...")
    stop_requested = True


def check_config(config):
    if not isinstance(config.get("execution"), list) or not config["execution"]:
        refuse("no execution")
    execution = config["execution"][0]
    if execution.get("executor") != "jmeter":
        refuse("executor is %r, expected jmeter" % execution.get("executor"))
    if not isinstance(execution.get("concurrency"), int) or execution["concurrency"] < 1:
        refuse("concurrency %r is not a positive integer" % execution.get("concurrency"))
    scenario = config.get("scenarios", {}).get(execution.get("scenario"))
    if scenario is None:
        refuse("scenario %r is not defined" % execution.get("scenario"))
    artifacts = config.get("settings", {}).get("artifacts-dir", "")
    if not os.path.isabs(artifacts) or not os.path.isdir(artifacts):
        refuse("settings.artifacts-dir %r is not an existing absolute folder" % artifacts)
    reporters = [r for r in config.get("reporting", []) if isinstance(r, dict) and r.get("module") == "final-stats"]
    if len(reporters) != 1 or not reporters[0].get("dump-xml"):
        refuse("reporting needs one final-stats module with dump-xml")
    dump = reporters[0]["dump-xml"]
    if os.path.dirname(dump) != artifacts:
        refuse("dump-xml %r is not in the artifacts dir %r" % (dump, artifacts))
    modules = config.get("modules", {})
    if modules.get("console", {}).get("disable") is not True:
        refuse("the console dashboard is not disabled")
    flags = modules.get("jmeter", {}).get("csv-jtl-flags", {})
    for flag in ("fieldNames", "time", "label"):
        if flags.get(flag) is not True:
            refuse("modules.jmeter.csv-jtl-flags.%s is not true: kpi.jtl would lack a column the agent reads" % flag)
    jmeter = modules.get("jmeter", {}).get("path")
    if jmeter:
        if not os.path.isfile(jmeter):
            refuse("modules.jmeter.path %r does not exist" % jmeter)
        ext = os.path.join(os.path.dirname(os.path.dirname(jmeter)), "lib", "ext")
        record["libExt"] = sorted(os.listdir(ext)) if os.path.isdir(ext) else []
    return execution, scenario, artifacts, dump


def labels_of(scenario):
    if scenario.get("script"):
        return plan_labels(scenario["script"])
    requests = scenario.get("requests")
    if not requests:
        refuse("the scenario has neither requests nor a script")
    labels = []
    for request in requests:
        if not request.get("url"):
            refuse("a request has no url")
        labels.append(request.get("label") or request["url"])
    return labels


def plan_labels(script):
    if not os.path.isabs(script) or not os.path.isfile(script):
        refuse("script %r is not an existing absolute path" % script)
    if os.path.realpath(os.path.dirname(script)) != os.path.realpath(os.getcwd()):
        refuse("working dir %r is not the plan's folder" % os.getcwd())
    root = ET.parse(script).getroot()
    if root.tag != "jmeterTestPlan":
        refuse("script is not a JMeter plan")
    for prop in root.iter("stringProp"):
        if prop.get("name") == "filename" and prop.text:
            if not os.path.isfile(prop.text):
                refuse("data file %r does not resolve from the working dir" % prop.text)
            record.setdefault("dataFiles", []).append(prop.text)
    labels = [s.get("testname") for s in root.iter("HTTPSamplerProxy") if s.get("enabled", "true") == "true"]
    return labels or ["plan"]


def samples(labels, per_label, start_ms):
    rows = []
    for li, label in enumerate(labels):
        for i in range(per_label):
            elapsed = 10 * (li + 1) + i
            ok = i % 5 != 4
            rows.append({"timeStamp": start_ms + i, "elapsed": elapsed, "label": label,
                         "responseCode": "200" if ok else "500",
                         "responseMessage": "OK" if ok else "Internal Server Error, \"again\"",
                         "threadName": "dlt 1-%d" % (i + 1), "success": "true" if ok else "false",
                         "bytes": 100 + i, "grpThreads": 1, "allThreads": 1, "Latency": elapsed // 2,
                         "Hostname": "standin", "Connect": 1})
    return rows


def write_kpi(path, rows):
    with open(path, "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=KPI_HEADER)
        writer.writeheader()
        writer.writerows(rows)


def stat_element(group, tag, value, param=None):
    text = str(value)
    element = ET.SubElement(group, tag, {"value": text} if param is None else {"value": text, "param": param})
    ET.SubElement(element, "name").text = tag if param is None else tag + "/" + param
    ET.SubElement(element, "value").text = text


def group(root, label, rows, concurrency):
    times = sorted(r["elapsed"] / 1000.0 for r in rows)
    count = len(times)
    mean = sum(times) / count if count else 0.0
    element = ET.SubElement(root, "Group", {"label": label})
    stat_element(element, "throughput", count)
    stat_element(element, "concurrency", concurrency)
    stat_element(element, "succ", sum(1 for r in rows if r["success"] == "true"))
    stat_element(element, "fail", sum(1 for r in rows if r["success"] != "true"))
    stat_element(element, "avg_rt", "%.5f" % mean)
    stat_element(element, "stdev_rt", "%.5f" % (sum((t - mean) ** 2 for t in times) / count) ** 0.5 if count else "0.00000")
    stat_element(element, "avg_lt", "%.5f" % (sum(r["Latency"] for r in rows) / 1000.0 / count if count else 0.0))
    stat_element(element, "avg_ct", "%.5f" % 0.001)
    stat_element(element, "bytes", sum(r["bytes"] for r in rows))
    for code in sorted({r["responseCode"] for r in rows}):
        stat_element(element, "rc", sum(1 for r in rows if r["responseCode"] == code), code)
    for level in LEVELS:
        index = min(count - 1, max(0, int(round(float(level) / 100.0 * count + 0.5)) - 1)) if count else 0
        stat_element(element, "perc", "%.5f" % (times[index] if count else 0.0), level)


def write_results(path, labels, rows, concurrency, duration):
    root = ET.Element("FinalStatus")
    ET.SubElement(root, "TestDuration").text = "%.1f" % duration
    for label in labels:
        group(root, label, [r for r in rows if r["label"] == label], concurrency)
    group(root, "", rows, concurrency)
    ET.ElementTree(root).write(path, encoding="UTF-8", xml_declaration=True)


def main():
    started = time.time()
    say("INFO: Taurus CLI Tool vSTANDIN")
    if len(sys.argv) != 2:
        refuse("expected exactly one config file, got %r" % sys.argv[1:])
    if stat.S_ISFIFO(os.fstat(0).st_mode):
        refuse("stdin is a pipe: real bzt would read it as one more config")
    with open(sys.argv[1]) as f:
        config = json.load(f)
    execution, scenario, artifacts, dump = check_config(config)
    labels = labels_of(scenario)
    concurrency = execution["concurrency"]

    def save_record():
        with open(os.path.join(artifacts, "standin-record.json"), "w") as f:
            json.dump(record, f)

    if BEHAVIOUR.get("failWithoutResults"):
        say("ERROR: Child Process Error: JMeter exited with non-zero code: 1")
        save_record()
        sys.exit(1)
    child = subprocess.Popen(["sleep", "600"]) if BEHAVIOUR.get("child") else None
    if child:
        record["childPid"] = child.pid
    with open(os.path.join(artifacts, "jmeter.log"), "w") as f:
        f.write("INFO o.a.j.JMeter: standin JMeter with %d users on %s\n" % (concurrency, ", ".join(labels)))
    record["state"] = "running"
    save_record()
    say("INFO: Waiting for results...")
    deadline = started + float(BEHAVIOUR.get("sleep", 0))
    while time.time() < deadline and not stop_requested:
        time.sleep(0.05)
    per_label = concurrency if stop_requested else 2 * concurrency
    rows = samples(labels, per_label, int(started * 1000))
    write_kpi(os.path.join(artifacts, "kpi.jtl"), rows)
    say("INFO: Dumping final status as XML: " + dump)
    write_results(dump, labels, rows, concurrency, time.time() - started)
    if child:
        child.kill()
    record["state"] = "stopped" if stop_requested else "done"
    save_record()
    code = 1 if stop_requested else int(BEHAVIOUR.get("exitCode", 0))
    say("INFO: Done performing with code: %d" % code)
    sys.exit(code)


BEHAVIOUR = behaviour()
signal.signal(signal.SIGTERM, on_signal)
signal.signal(signal.SIGINT, on_signal)

if __name__ == "__main__":
    main()
