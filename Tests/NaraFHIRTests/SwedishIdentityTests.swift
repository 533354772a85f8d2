import Foundation
import NaraDomain
import Testing
@testable import NaraFHIR

/// A Patient resource with one identifier and the given security labels.
private func patientJSON(system: String, value: String, security: [(String, String)] = []) -> String {
    let labels = security.map { #"{"system":"\#($0.0)","code":"\#($0.1)"}"# }.joined(separator: ",")
    let meta = security.isEmpty ? "" : #""meta":{"security":[\#(labels)]},"#
    return #"{"resourceType":"Patient","id":"p1",\#(meta)"identifier":[{"system":"\#(system)","value":"\#(value)"}],"name":[{"family":"Ek","given":["Ada"]}]}"#
}

private func onlyPatient(_ text: String) throws -> ExchangedPatient {
    let batch = try Fixture.read(text: text)
    return try #require(batch.patients.first).value
}

/// The patient resource the writer makes of one exchanged patient.
private func written(_ p: ExchangedPatient) throws -> JSON {
    var batch = ExchangeBatch()
    batch.patients = [Exchanged(origin: ExchangeOrigin(position: 0, resourceType: "Patient", resourceId: nil),
                                resourceId: "p1", value: p)]
    let entries = FHIRWriter(batch).bundle()["entry"]?.array ?? []
    return try #require(entries.compactMap { $0["resource"] }.first { $0["resourceType"] == "Patient" })
}

private let pnr = "http://electronichealth.se/identifier/personnummer"

/// Protected identity in HL7 Sweden's terms, read and written.
@Suite struct ProtectedIdentityLabels {
    @Test(arguments: [
        (Systems.securityLabelSE, "sekretessmarkering"),
        (Systems.securityLabelSE, "skyddadFolkbokforing"),
        (Systems.v3Confidentiality, "R"),
        (Systems.v3Confidentiality, "V"),
    ])
    func eachLabelMarksProtection(system: String, code: String) throws {
        let p = try onlyPatient(patientJSON(system: pnr, value: "19121212-1212", security: [(system, code)]))
        #expect(p.patient.protectedIdentity)
        #expect(p.protectionLabel == code)
    }

    @Test func otherLabelsDoNot() throws {
        let p = try onlyPatient(patientJSON(system: pnr, value: "19121212-1212", security: [
            ("http://terminology.hl7.org/CodeSystem/v3-ActReason", "HTEST"), (Systems.v3Confidentiality, "N"),
            (Systems.securityLabelSE, "somethingElse"),
        ]))
        #expect(!p.patient.protectedIdentity)
        #expect(p.protectionLabel == nil)
    }

    /// HL7 Sweden's code wins over a v3 one that came beside it.
    @Test func swedishCodeIsKeptFirst() throws {
        let p = try onlyPatient(patientJSON(system: pnr, value: "19121212-1212", security: [
            (Systems.v3Confidentiality, "R"), (Systems.securityLabelSE, "skyddadFolkbokforing"),
        ]))
        #expect(p.protectionLabel == "skyddadFolkbokforing")
    }

    @Test(arguments: [
        ("skyddadFolkbokforing" as String?, "skyddadFolkbokforing", "R"),
        ("sekretessmarkering", "sekretessmarkering", "R"),
        ("V", "sekretessmarkering", "V"),
        ("R", "sekretessmarkering", "R"),
        (nil, "sekretessmarkering", "R"),
    ])
    func exportWritesHL7SwedensLabelKeepingTheCodeThatCameIn(kept: String?, swedish: String, v3: String) throws {
        let ident = try PersonIdentifier.parse("19121212-1212", today: Fixture.today)
        let patient = Patient(id: PatientID(0), identifier: ident, givenName: "Ada", familyName: "Ek", sex: .male,
                              birthDate: ident.birthDate, protectedIdentity: true)
        let r = try written(ExchangedPatient(patient: patient, protectionLabel: kept))
        let labels = r["meta"]?["security"]?.array ?? []
        #expect(labels.count == 2)
        #expect(labels.first?["system"] == .string(Systems.securityLabelSE))
        #expect(labels.first?["code"] == .string(swedish))
        #expect(labels.last?["system"] == .string(Systems.v3Confidentiality))
        #expect(labels.last?["code"] == .string(v3))
        // And the writer's output reads back as protected with the same Swedish code.
        let back = try onlyPatient(#"{"resourceType":"Bundle","type":"collection","entry":[{"resource":\#(r.serialized())}]}"#)
        #expect(back.patient.protectedIdentity)
        #expect(back.protectionLabel == swedish)
    }

    @Test func anUnprotectedPatientHasNoLabel() throws {
        let ident = try PersonIdentifier.parse("19121212-1212", today: Fixture.today)
        let patient = Patient(id: PatientID(0), identifier: ident, givenName: "Ada", familyName: "Ek", sex: .male,
                              birthDate: ident.birthDate)
        #expect(try written(ExchangedPatient(patient: patient))["meta"] == nil)
    }
}

/// Reserve numbers under their systems: HL7 Sweden's per region, Inera's for NRID.
@Suite struct ReserveNumberSystems {
    @Test func everyRegionsExampleIsReadUnderItsSystemsAndWrittenUnderItsOwn() throws {
        for format in ReserveFormat.all {
            for system in format.systems {
                let p = try onlyPatient(patientJSON(system: system, value: format.examples[0]))
                #expect(p.patient.identifier.kind == .localReserve(format.region), "\(format.name) \(system)")
                let r = try written(p)
                let identifier = r["identifier"]?.array?.first
                #expect(identifier?["system"] == .string(format.system), "\(format.name)")
                #expect(identifier?["value"] == .string(p.patient.identifier.display))
            }
        }
    }

    @Test func gavleborgIsWrittenWithItsHyphen() throws {
        let p = try onlyPatient(patientJSON(system: "urn:oid:1.2.752.74.9.9", value: "19651207-01M1"))
        #expect(p.patient.identifier.value == "1965120701M1")
        #expect(try written(p)["identifier"]?.array?.first?["value"] == "19651207-01M1")
    }

    @Test func nationalReserveByUrlOrOid() throws {
        for system in [Systems.nationalReserve, "urn:oid:1.2.752.74.9.1"] {
            let p = try onlyPatient(patientJSON(system: system, value: "98240301AA06"))
            #expect(p.patient.identifier.kind == .nationalReserve)
            #expect(p.patient.birthDate == LocalDate(year: 2024, month: 3, day: 1))
            #expect(try written(p)["identifier"]?.array?.first?["system"] == .string(Systems.nationalReserve))
        }
    }

    @Test func aWrongCheckDigitIsRefusedNamingTheField() {
        let nrid = Fixture.error(patientJSON(system: Systems.nationalReserve, value: "98240301AA05"))
        #expect(nrid?.contains("identifier[0].value") == true && nrid?.contains("check digit is 5, expected 6") == true,
                "\(nrid ?? "")")
        let stockholm = Fixture.error(patientJSON(system: "https://uid.regionstockholm.se/reservnummer", value: "991981000011"))
        #expect(stockholm?.contains("Region Stockholm reservnummer") == true, "\(stockholm ?? "")")
        let vgr = Fixture.error(patientJSON(system: "urn:oid:1.2.752.113.11.0.2.1.1.1", value: "19810829M070"))
        #expect(vgr?.contains("check digit is 0, expected 1") == true, "\(vgr ?? "")")
    }

    /// A value under a region's system is read as that region's, even where another
    /// region publishes the same shape; under another region's system it is refused.
    @Test func theSystemDecidesTheRegion() throws {
        let sormland = try onlyPatient(patientJSON(system: "urn:oid:1.2.752.266.1.1.1", value: "19810829TB1F"))
        #expect(sormland.patient.identifier.kind == .localReserve(.sormland))
        let wrong = Fixture.error(patientJSON(system: "urn:oid:1.2.752.74.9.2", value: "991981000010"))
        #expect(wrong?.contains("Region Värmland reservnummer") == true, "\(wrong ?? "")")
    }
}
