import Foundation
import Testing
@testable import NaraFHIR

/// Each bad file is refused as a whole, with the resource (place, type, id) and the field.
@Suite struct BadFileTests {
    static let org = #"{"resourceType":"Organization","id":"o1","name":"Vårdcentralen Ås"}"#
    static let doc = #"{"resourceType":"Practitioner","id":"d1","name":[{"text":"Eva Ek"}]}"#

    static func bundle(_ resources: String...) -> String {
        let entries = resources.map { #"{"resource":\#($0)}"# }.joined(separator: ",")
        return #"{"resourceType":"Bundle","type":"collection","entry":[\#(entries)]}"#
    }

    static func patient(_ value: String, system: String = "http://electronichealth.se/identifier/personnummer") -> String {
        #"{"resourceType":"Patient","id":"p1","identifier":[{"system":"\#(system)","value":"\#(value)"}],"name":[{"family":"Ek","given":["Ada"]}]}"#
    }

    @Test func brokenJSON() {
        let error = Fixture.error(#"{"resourceType":"Bundle","type":"collection","entry":[{"resource":"#)
        #expect(error?.hasPrefix("not valid JSON") == true, "\(error ?? "accepted")")
        #expect(Fixture.error("") == "the file is empty")
        #expect(Fixture.error("[1,2]")?.hasPrefix("not valid JSON") == true)
    }

    /// Security review L6: a standard reader keeps the last `entry`, nara read both.
    @Test func duplicateMembersAreRefusedWithTheirPlace() {
        let org2 = Self.org.replacingOccurrences(of: "o1", with: "o2")
        let twoEntries = """
            {"resourceType":"Bundle","type":"collection",
              "entry":[{"resource":\(Self.org)}],
              "entry":[{"resource":\(org2)}]}
            """
        #expect(Fixture.error(twoEntries) == #"not valid JSON: duplicate member "entry" at line 3, column 3"#)
        // Inside a resource, where the last would have won.
        let twoTypes = Self.bundle(#"{"resourceType":"Organization","id":"o1","resourceType":"Observation"}"#)
        #expect(Fixture.error(twoTypes)?.contains(#"duplicate member "resourceType" at line 1, column "#) == true,
                "\(Fixture.error(twoTypes) ?? "accepted")")
        // An NDJSON line names its line.
        let ndjson = Self.org + "\n" + #"{"resourceType":"Patient","id":"p1","id":"p2"}"#
        #expect(Fixture.error(ndjson) == #"line 2: not valid JSON: duplicate member "id" at line 2, column 37"#,
                "\(Fixture.error(ndjson) ?? "accepted")")
        // The same name in different objects is no duplicate.
        #expect(Fixture.error(Self.bundle(Self.org, org2)) == nil)
    }

    @Test func numbersWithLeadingZerosAreRefused() {
        for bad in ["0001", "-01", "00.5", "00"] {
            let text = Self.bundle(#"{"resourceType":"Organization","id":"o1","x":\#(bad)}"#)
            #expect(Fixture.error(text)?.contains("a number with a leading zero at line 1, column ") == true,
                    "\(bad): \(Fixture.error(text) ?? "accepted")")
        }
        for good in ["0", "-0", "0.5", "0e3", "10", "-0.0"] {
            let text = Self.bundle(#"{"resourceType":"Organization","id":"o1","name":"Ås","x":\#(good)}"#)
            #expect(Fixture.error(text) == nil, "\(good): \(Fixture.error(text) ?? "")")
        }
    }

    @Test func brokenNDJSONLineIsNamed() {
        let text = Self.patient("19121212-1212") + "\n" + #"{"resourceType":"Patient", "id": "#
        #expect(Fixture.error(text)?.hasPrefix("line 2: not valid JSON") == true)
    }

    @Test func wrongResourceType() {
        #expect(Fixture.error(Self.bundle(#"{"resourceType":"Patinet","id":"p1"}"#))
                == #"entry 1 (Patinet/p1): resourceType: "Patinet" is not a FHIR R4 resource type"#)
        #expect(Fixture.error(#"{"resourceType":"Bundel","type":"collection"}"#)
                == #"resourceType "Bundel" is not a FHIR R4 resource type"#)
        #expect(Fixture.error(#"{"type":"collection"}"#)?.contains("no resourceType") == true)
        #expect(Fixture.error(#"{"resourceType":"Bundle","type":"document","entry":[]}"#)?.contains("Bundle.type") == true)
    }

    @Test func badPersonnummer() {
        let error = Fixture.error(Self.bundle(Self.patient("19121212-1213")))
        #expect(error == #"entry 1 (Patient/p1): identifier[0].value: "19121212-1213" is not a valid personnummer: The check digit is 3, expected 2."#)
        // A samordningsnummer under the personnummer system is a mistake, not a match.
        let wrongSystem = Fixture.error(Self.bundle(Self.patient("198503724562")))
        #expect(wrongSystem?.contains("is a samordningsnummer, but the system says personnummer") == true)
        let none = Fixture.error(Self.bundle(Self.patient("4711", system: "http://example.org/mrn")))
        #expect(none?.hasPrefix("entry 1 (Patient/p1): identifier: no personnummer") == true)
    }

    @Test func referenceToAMissingResource() {
        let encounter = #"{"resourceType":"Encounter","id":"e1","status":"finished","class":{"code":"AMB"},"subject":{"reference":"urn:uuid:9d3c7a55-0000-4000-8000-000000000001"},"participant":[{"individual":{"reference":"Practitioner/d1"}}],"period":{"start":"2026-10-01T09:00:00+02:00"},"serviceProvider":{"reference":"Organization/o1"}}"#
        let error = Fixture.error(Self.bundle(Self.org, Self.doc, Self.patient("19121212-1212"), encounter))
        #expect(error == "entry 4 (Encounter/e1): subject: refers to urn:uuid:9d3c7a55-0000-4000-8000-000000000001, which is not in the file")
    }

    @Test func referenceOfTheWrongType() {
        let encounter = #"{"resourceType":"Encounter","id":"e1","status":"finished","class":{"code":"AMB"},"subject":{"reference":"Organization/o1"},"participant":[{"individual":{"reference":"Practitioner/d1"}}],"period":{"start":"2026-10-01T09:00:00+02:00"}}"#
        let error = Fixture.error(Self.bundle(Self.org, Self.doc, encounter))
        #expect(error == "entry 3 (Encounter/e1): subject: refers to entry 1 (Organization/o1), which is not a Patient")
    }

    @Test func missingFieldsAreNamed() {
        let noStart = #"{"resourceType":"Encounter","id":"e1","status":"finished","subject":{"reference":"Patient/p1"},"participant":[{"individual":{"reference":"Practitioner/d1"}}]}"#
        #expect(Fixture.error(Self.bundle(Self.doc, Self.patient("19121212-1212"), noStart))
                == "entry 3 (Encounter/e1): period.start: missing: when was the encounter?")
        let badDate = #"{"resourceType":"Patient","id":"p1","identifier":[{"system":"urn:oid:1.2.752.129.2.1.3.1","value":"191212121212"}],"name":[{"family":"Ek"}],"birthDate":"1912-13-12"}"#
        #expect(Fixture.error(Self.bundle(badDate)) == #"entry 1 (Patient/p1): birthDate: "1912-13-12" is not a date"#)
        #expect(Fixture.error(Self.bundle(#"{"resourceType":"Patient"}"#)) == "entry 1 (Patient/?): id: missing")
        let twice = Fixture.error(Self.bundle(Self.org, Self.org))
        #expect(twice == "entry 2 (Organization/o1): id: the same Organization/o1 is also entry 1 (Organization/o1)")
    }

    @Test func deleteIsRefused() {
        let text = #"{"resourceType":"Bundle","type":"transaction","entry":[{"request":{"method":"DELETE","url":"Patient/p1"}}]}"#
        #expect(Fixture.error(text)?.contains("DELETE is not supported") == true)
    }
}
