import Foundation
import Testing

/// The exported Bundle against the FHIR R4 (4.0.1) structure, checked by the Python
/// package fhir.resources 6.4.0, its last release whose models are R4: every resource,
/// field name, type and cardinality. `.ci/run` installs it into `.build/fhir-venv`; the
/// test makes that environment itself when it is missing, and is skipped only on a
/// machine without python3.
@Suite struct FHIRValidationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized
    static let requirements = ["fhir.resources==6.4.0", "pydantic<2"]

    static let validator = """
        import json, sys
        import fhir.resources
        from fhir.resources.bundle import Bundle
        assert fhir.resources.__fhir_version__ == "4.0.1", fhir.resources.__fhir_version__
        bundle = Bundle.parse_obj(json.load(open(sys.argv[1], encoding="utf-8")))
        print("valid", len(bundle.entry or []))
        """

    /// Patients another region's system would send: HL7 Sweden's protection label, a
    /// national reserve id of unknown sex, and two regions' reserve numbers (one deceased
    /// on a known day, with a next of kin and an interpreter need; one with only the fact and
    /// a meta.lastUpdated), each listed at UNIT (the exporting user's unit, so that the
    /// export includes them).
    static let regionalPatients = """
        {"resourceType":"Bundle","type":"collection","entry":[
        {"resource":{"resourceType":"Patient","id":"skyddad","meta":{"security":[{"system":"http://hl7.se/fhir/ig/base/CodeSystem/SecurityLabel","code":"skyddadFolkbokforing"}]},
          "identifier":[{"system":"http://electronichealth.se/identifier/personnummer","value":"19121212-1212"}],"name":[{"family":"Tolvansson","given":["Tolvan"]}],"generalPractitioner":[{"reference":"Organization/UNIT"}]}},
        {"resource":{"resourceType":"Patient","id":"nrid","identifier":[{"system":"http://electronichealth.se/identifier/nationelltReservnummer","value":"25780404KHD5"}],"name":[{"text":"Okänd Person"}],"generalPractitioner":[{"reference":"Organization/UNIT"}]}},
        {"resource":{"resourceType":"Patient","id":"sth","identifier":[{"system":"https://uid.regionstockholm.se/reservnummer","value":"991981000010"}],"name":[{"family":"Ek","given":["Ada"]}],"deceasedDateTime":"2026-03-01","contact":[{"relationship":[{"text":"dotter"}],"name":{"family":"Ek","given":["Eva"]},"telecom":[{"system":"phone","value":"070-123 45 67"}]}],"communication":[{"language":{"coding":[{"system":"urn:ietf:bcp:47","code":"fi"}]},"preferred":true}],"extension":[{"url":"http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired","valueBoolean":true}],"generalPractitioner":[{"reference":"Organization/UNIT"}]}},
        {"resource":{"resourceType":"Patient","id":"gvl","meta":{"lastUpdated":"2026-03-02T08:00:00Z"},"deceasedBoolean":true,"identifier":[{"system":"urn:oid:1.2.752.74.9.9","value":"19651207-01M1"}],"name":[{"family":"Berg","given":["Bo"]}],"generalPractitioner":[{"reference":"Organization/UNIT"}]}}
        ]}
        """

    static func python3() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return (path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin"])
            .map { URL(fileURLWithPath: $0).appendingPathComponent("python3") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// `.build/fhir-venv` (or `NARA_FHIR_VENV`) with fhir.resources, made when missing.
    static func venvPython(_ python3: URL) throws -> URL {
        let venv = ProcessInfo.processInfo.environment["NARA_FHIR_VENV"].map { URL(fileURLWithPath: $0) }
            ?? root.appendingPathComponent(".build/fhir-venv")
        let python = venv.appendingPathComponent("bin/python")
        let env = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        if FileManager.default.isExecutableFile(atPath: python.path),
           try NaraBinary.execute(python, ["-c", "import fhir.resources"], environment: env).status == 0 {
            return python
        }
        let made = try NaraBinary.execute(python3, ["-m", "venv", venv.path], environment: env)
        #expect(made.status == 0, "python3 -m venv: \(made.stderr)")
        let pip = try NaraBinary.execute(python, ["-m", "pip", "install", "-q"] + requirements, environment: env)
        #expect(pip.status == 0, "pip install \(requirements.joined(separator: " ")): \(pip.stderr)")
        return python
    }

    @Test func exportedBundleIsValidFHIRR4() throws {
        guard let python3 = Self.python3() else {
            print("FHIRValidationTests skipped: no python3 on this machine to run fhir.resources")
            return
        }
        let python = try Self.venvPython(python3)
        let dir = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = dir.appendingPathComponent("demo.sqlite").path
        let home = dir.appendingPathComponent("home")
        let demo = try NaraBinary.run(["demo", "--store", store, "--patients", "60", "--today", "2026-11-23"], home: home)
        #expect(demo.status == 0, "\(demo.stderr)")
        let unit = try sqliteShell(store, """
            SELECT unit_id FROM staff WHERE id = (SELECT value FROM store_meta WHERE key = 'demo_user')
            """)
        #expect(!unit.isEmpty)
        let incoming = dir.appendingPathComponent("regions.json")
        try Self.regionalPatients.replacingOccurrences(of: "Organization/UNIT", with: "Organization/" + unit)
            .write(to: incoming, atomically: true, encoding: .utf8)
        let imported = try NaraBinary.run(["import", incoming.path, "--store", store], home: home)
        #expect(imported.status == 0, "\(imported.stderr)")
        let out = dir.appendingPathComponent("export.json")
        let exported = try NaraBinary.run(["export", "--store", store, "--out", out.path], home: home)
        #expect(exported.status == 0, "\(exported.stderr)")

        let text = try String(contentsOf: out, encoding: .utf8)
        #expect(text.contains(#""code":"skyddadFolkbokforing""#))
        #expect(text.contains(#""system":"https://uid.regionstockholm.se/reservnummer""#))
        #expect(text.contains(#""system":"urn:oid:1.2.752.74.9.9","value":"19651207-01M1""#))
        #expect(text.contains(#""deceasedDateTime":"2026-03-01""#) && text.contains(#""deceasedBoolean":true"#))
        #expect(text.contains(#""lastUpdated":"2026-03-02T09:00:00+01:00""#))
        #expect(text.contains(#""name":{"text":"Eva Ek"}"#) && text.contains(#""text":"dotter""#))
        #expect(text.contains(#""code":"fi","system":"urn:ietf:bcp:47""#))
        #expect(text.contains("patient-interpreterRequired"))
        // The demo's chronically ill have measurements: laboratory results and vital signs.
        #expect(text.contains(#""resourceType":"Observation""#))
        #expect(text.contains(#""code":"85354-9","system":"http://loinc.org""#))
        #expect(text.contains(#""code":"72166-2","system":"http://loinc.org""#))

        let script = dir.appendingPathComponent("validate.py")
        try Self.validator.write(to: script, atomically: true, encoding: .utf8)
        let result = try NaraBinary.execute(python, [script.path, out.path], environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.hasPrefix("valid "), "\(result.stdout)")
    }
}
