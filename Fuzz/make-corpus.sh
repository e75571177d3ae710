#!/usr/bin/env bash
# Rebuilds the seed inputs in Fuzz/Corpus from the repository's own material; the output is
# committed, so this runs only when the seeds should change. Needs what .ci/setup installs
# (scapy, snmpsim, net-snmp's tools, tcpdump) and root for tcpdump on loopback.
#
#   FuzzYAML          the inventory and policy files as they are, and an alias bomb
#   FuzzHealth        the tests' small recordings whole, the first rows of the tables each decoder
#                     reads, and the hostile values of issue 15
#   FuzzFrameDecoder  one frame per file, first byte the link type (0 Ethernet, 1 SLL, 2 SLL2)
#   FuzzPcapFile      small pcap and pcapng files, one of them truncated
#   FuzzSNMPMessage   datagrams captured from snmpsim answering snmpget/snmpbulkget, and traps
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=Fuzz/Corpus
rm -rf "$corpus"/Fuzz*/  # the folders; dictionaries (Fuzz<Name>.dict) are written by hand
mkdir -p "$corpus"/{FuzzYAML,FuzzHealth,FuzzFrameDecoder,FuzzPcapFile,FuzzSNMPMessage}

for file in Inventory/*.yaml Policies/*.yaml; do
    cp "$file" "$corpus/FuzzYAML/$(dirname "$file" | tr 'A-Z' 'a-z')-$(basename "$file")"
done

# Issue 15's alias bomb used as a mapping key, five levels of ten (47 s and 390 MB before the fix).
python3 - >"$corpus/FuzzYAML/alias-key-bomb.yaml" <<'PY'
lines = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
for previous, name in zip("abcd", "bcde"):
    lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 10) + "]")
print("\n".join(lines + ["? *e", ": bomb"]))
PY

fixtures=Tests/JifangAgentsTests/Fixtures
for name in eaton-93e-80 fortinet-xcu huawei-ups5000 linux-slackware juniper-mx960 h3c-e528-1 cisco-c3560 hostile-host; do
    cp "$fixtures/$name.snmprec" "$corpus/FuzzHealth/"
done
# Small seeds, one per decoder: a device's system group and the first rows of the tables that
# decoder reads, so that a mutation lands in them rather than somewhere in a whole recording.
python3 - "$fixtures" "$corpus/FuzzHealth" <<'PY'
import sys, os
fixtures, out = sys.argv[1:]
seeds = {
    "storage": ("linux-slackware", ["1.3.6.1.2.1.25.2.2", "1.3.6.1.2.1.25.2.3", "1.3.6.1.2.1.25.3.3"]),
    "interfaces": ("linux-slackware", ["1.3.6.1.2.1.2.2", "1.3.6.1.2.1.31.1.1"]),
    "sensors": ("arista-dcs-7150s", ["1.3.6.1.2.1.47.1.1", "1.3.6.1.2.1.99.1.1"]),
    "flash": ("cisco-c3560", ["1.3.6.1.2.1.47.1.1", "1.3.6.1.4.1.9.9.10.1.1", "1.3.6.1.4.1.9.9.109.1.1"]),
    "ups": ("eaton-93e-80", ["1.3.6.1.2.1.33.1"]),
}
for name, (fixture, tables) in seeds.items():
    lines = open(os.path.join(fixtures, fixture + ".snmprec")).read().splitlines()
    keep = [line for line in lines if line.startswith("1.3.6.1.2.1.1.")]
    for table in tables:
        rows = {}
        for line in lines:
            oid = line.split("|", 1)[0]
            if not oid.startswith(table + "."):
                continue
            # entry.column.index: the first three rows of a table (of a group, three subtrees).
            index = ".".join(oid[len(table) + 1:].split(".")[2:])
            if index in rows or len(rows) < 3:
                rows.setdefault(index, []).append(line)
        keep += [line for row in rows.values() for line in row]
    with open(os.path.join(out, f"small-{name}.snmprec"), "w") as f:
        f.write("\n".join(keep) + "\n")
PY
# Legal but extreme values (issue 15): sensor scale yotta and precision -2^31, Counter64 loads
# and allocation units, flash sizes of 2^31-1, a negative ifIndex, huge speeds.
cat >"$corpus/FuzzHealth/extreme-values.snmprec" <<'REC'
1.3.6.1.2.1.1.1.0|4|Linux fuzz 6.1
1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.8072.3.2.10
1.3.6.1.2.1.1.3.0|67|4294967295
1.3.6.1.2.1.1.5.0|4|fuzz
1.3.6.1.2.1.2.2.1.1.1|2|-2147483648
1.3.6.1.2.1.2.2.1.3.1|2|6
1.3.6.1.2.1.2.2.1.5.1|66|4294967295
1.3.6.1.2.1.2.2.1.10.1|65|4294967295
1.3.6.1.2.1.31.1.1.1.6.1|70|18446744073709551615
1.3.6.1.2.1.31.1.1.1.15.1|66|4294967295
1.3.6.1.2.1.25.2.3.1.2.1|6|1.3.6.1.2.1.25.2.1.4
1.3.6.1.2.1.25.2.3.1.4.1|70|9223372036854775807
1.3.6.1.2.1.25.2.3.1.5.1|2|2147483647
1.3.6.1.2.1.25.2.3.1.6.1|2|2147483647
1.3.6.1.2.1.25.3.3.1.2.196608|70|9223372036854775807
1.3.6.1.2.1.47.1.1.1.1.5.1|2|8
1.3.6.1.2.1.99.1.1.1.1.1|2|8
1.3.6.1.2.1.99.1.1.1.2.1|2|17
1.3.6.1.2.1.99.1.1.1.3.1|2|-2147483648
1.3.6.1.2.1.99.1.1.1.4.1|2|2147483647
1.3.6.1.2.1.99.1.1.1.5.1|2|1
REC

python3 - "$corpus" <<'PY'
import sys, os
from scapy.layers.l2 import Ether, ARP, Dot1Q, Dot1AD, CookedLinux, CookedLinuxV2, LLC, SNAP
from scapy.utils import wrpcap, wrpcapng
corpus = sys.argv[1]
BC = "ff:ff:ff:ff:ff:ff"
a, b = "02:00:00:00:00:0a", "02:00:00:00:00:0b"
request = ARP(op=1, hwsrc=a, psrc="10.0.0.10", pdst="10.0.0.1")
reply = ARP(op=2, hwsrc=b, psrc="10.0.0.1", hwdst=a, pdst="10.0.0.10")
frames = {
    "request": (0, Ether(src=a, dst=BC) / request),
    "reply": (0, Ether(src=b, dst=a) / reply),
    "gratuitous": (0, Ether(src=a, dst=BC) / ARP(op=1, hwsrc=a, psrc="10.0.0.10", pdst="10.0.0.10")),
    "probe": (0, Ether(src=a, dst=BC) / ARP(op=1, hwsrc=a, psrc="0.0.0.0", pdst="10.0.0.10")),
    "vlan": (0, Ether(src=a, dst=BC) / Dot1Q(vlan=20) / request),
    "qinq": (0, Ether(src=a, dst=BC) / Dot1AD(vlan=100) / Dot1Q(vlan=20) / request),
    "snap": (0, Ether(src=a, dst=BC, type=36) / LLC(dsap=0xAA, ssap=0xAA, ctrl=3) / SNAP(OUI=0, code=0x0806) / request),
    "ipv4": (0, Ether(src=a, dst=b, type=0x0800) / bytes(20)),
    "truncated": (0, bytes(Ether(src=a, dst=BC) / request)[:30]),
    "sll": (1, CookedLinux(pkttype=1, lladdrtype=1, lladdrlen=6, src=bytes.fromhex("02000000000a") + b"\0\0", proto=0x0806) / request),
    "sll2": (2, CookedLinuxV2(proto=0x0806, pkttype=1, lladdrtype=1, lladdrlen=6, src=bytes.fromhex("02000000000a") + b"\0\0") / request),
}
for name, (link, frame) in frames.items():
    with open(os.path.join(corpus, "FuzzFrameDecoder", name), "wb") as f:
        f.write(bytes([link]) + bytes(frame))

pcaps = os.path.join(corpus, "FuzzPcapFile")
ethernet = [frames[n][1] for n in ("request", "reply", "vlan", "qinq", "snap", "ipv4")]
for i, frame in enumerate(ethernet):
    frame.time = 1700000000 + i / 100
wrpcap(os.path.join(pcaps, "ethernet.pcap"), ethernet)
wrpcapng(os.path.join(pcaps, "ethernet.pcapng"), ethernet)
wrpcap(os.path.join(pcaps, "sll.pcap"), [frames["sll"][1]])
wrpcap(os.path.join(pcaps, "sll2.pcap"), [frames["sll2"][1]], linktype=276)
with open(os.path.join(pcaps, "ethernet.pcap"), "rb") as f:
    data = f.read()
with open(os.path.join(pcaps, "truncated.pcap"), "wb") as f:
    f.write(data[:-7])
PY

# SNMP: snmpsim answers snmpget/snmpbulkget (v1, v2c) from one recording; traps go to a port
# nothing listens on. tcpdump keeps every datagram on the two ports; each becomes one seed.
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/data" "$work/cache"
cp "$fixtures/linux-slackware.snmprec" "$work/data/linux.snmprec"
cp "$fixtures/eaton-93e-80.snmprec" "$work/data/ups.snmprec"
agent=127.0.0.1:16161
tcpdump -i lo -w "$work/snmp.pcap" -U 'udp port 16161 or udp port 16162' 2>/dev/null &
sleep 1
SNMPSIM_ALLOW_ROOT=true snmpsim-command-responder --data-dir "$work/data" --cache-dir "$work/cache" \
    --agent-udpv4-endpoint "$agent" --logging-method "file:$work/snmpsim.log" >/dev/null 2>&1 &
for _ in $(seq 60); do snmpget -v2c -c linux -r0 -t1 "$agent" 1.3.6.1.2.1.1.3.0 >/dev/null 2>&1 && break; done
snmpget -v1 -c linux "$agent" 1.3.6.1.2.1.1.1.0 1.3.6.1.2.1.1.2.0 1.3.6.1.2.1.1.3.0 >/dev/null
snmpget -v2c -c linux "$agent" 1.3.6.1.2.1.1.5.0 1.3.6.1.2.1.99.0 1.3.6.1.2.1.25.1.1.0 >/dev/null || true
snmpbulkget -v2c -c linux -Cr8 "$agent" 1.3.6.1.2.1.2.2.1 1.3.6.1.2.1.4.20.1.1 1.3.6.1.2.1.25.3.3.1.2 >/dev/null
snmpbulkget -v2c -c linux -Cr6 "$agent" 1.3.6.1.2.1.31.1.1.1.6 1.3.6.1.2.1.25.2.3.1 >/dev/null
snmpbulkget -v2c -c ups -Cr10 "$agent" 1.3.6.1.2.1.33.1 >/dev/null
snmpbulkget -v2c -c linux -Cr3 "$agent" 1.3.6.1.9.9.9 >/dev/null
snmptrap -v1 -c public 127.0.0.1:16162 1.3.6.1.4.1.8072.2.3 127.0.0.1 6 17 1234 1.3.6.1.2.1.1.5.0 s fuzz
snmptrap -v2c -c public 127.0.0.1:16162 '' 1.3.6.1.6.3.1.1.5.3 1.3.6.1.2.1.2.2.1.1.2 i 2 \
    1.3.6.1.2.1.31.1.1.1.6.2 C 18446744073709551615 1.3.6.1.2.1.4.20.1.1.10.0.0.1 a 10.0.0.1
sleep 1
kill %1 %2
wait 2>/dev/null || true
python3 - "$work/snmp.pcap" "$corpus/FuzzSNMPMessage" <<'PY'
import sys, os
from scapy.utils import rdpcap
from scapy.layers.inet import UDP
seen = set()
for packet in rdpcap(sys.argv[1]):
    payload = bytes(packet[UDP].payload)
    if payload in seen:
        continue
    seen.add(payload)
    side = "request" if packet[UDP].dport in (16161, 16162) else "response"
    with open(os.path.join(sys.argv[2], f"{len(seen):02d}-{side}"), "wb") as f:
        f.write(payload)
PY
du -sh "$corpus"
