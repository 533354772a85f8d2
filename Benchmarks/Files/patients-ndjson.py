#!/usr/bin/env python3
"""Writes an NDJSON file of about BYTES bytes of FHIR R4 Patients with valid, distinct
personnummer, for measuring `nara import` near its size limit (docs/BENCHMARKS.md).

    python3 patients-ndjson.py BYTES OUT.ndjson
"""
import datetime
import json
import sys

target, path = int(sys.argv[1]), sys.argv[2]


def check_digit(nine):
    total = 0
    for i, c in enumerate(nine):
        v = int(c) * (2 if i % 2 == 0 else 1)
        total += v // 10 + v % 10
    return str((10 - total % 10) % 10)


given = ["Anna", "Erik", "Maria", "Lars", "Karin", "Johan", "Eva", "Per"]
family = ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson"]
day, serial, n, size = datetime.date(1935, 1, 1), 1, 0, 0
with open(path, "w") as out:
    while size < target:
        ymd, s3 = day.strftime("%Y%m%d"), "%03d" % serial
        patient = {
            "resourceType": "Patient", "id": "p%d" % n,
            "identifier": [{"system": "http://electronichealth.se/identifier/personnummer",
                            "value": ymd + s3 + check_digit(ymd[2:] + s3)}],
            "name": [{"family": family[n % 8], "given": [given[(n // 8) % 8]]}],
            "gender": "male" if serial % 2 else "female", "birthDate": day.isoformat(),
            "telecom": [{"system": "phone", "value": "070-%07d" % n}],
            "address": [{"line": ["Storgatan %d" % (n % 200 + 1)], "postalCode": "%05d" % (10000 + n % 80000),
                         "city": "Ekbacken"}],
        }
        line = json.dumps(patient, ensure_ascii=False, separators=(",", ":")) + "\n"
        out.write(line)
        size += len(line.encode())
        n += 1
        serial += 1
        if serial > 998:
            serial, day = 1, day + datetime.timedelta(days=1)
print(n, "patients,", size, "bytes")
