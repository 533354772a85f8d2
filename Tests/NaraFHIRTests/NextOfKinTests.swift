import Foundation
import NaraDomain
import Testing
@testable import NaraFHIR

/// Next of kin as Patient.contact and the interpreter need as the core extension with
/// the preferred language, read from another system's shape and written back.
@Suite struct NextOfKinTests {
    static let patient = #"{"resourceType":"Patient","id":"p1","identifier":[{"system":"http://electronichealth.se/identifier/personnummer","value":"191212121212"}],"name":[{"family":"Tolvansson","given":["Tolvan"]}]"#

    static func read(_ body: String) throws -> Patient {
        try Fixture.read(text: patient + body + "}").patients[0].value.patient
    }

    @Test func contactsWithANameAreNextOfKin() throws {
        let p = try Self.read(#","contact":[{"relationship":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0131","code":"N","display":"Next-of-Kin"}],"text":"dotter"}],"name":{"family":"Ek","given":["Anna","Maria"]},"telecom":[{"system":"email","value":"a@b.se"},{"system":"phone","value":"070-111 22 33"}]},{"organization":{"display":"Hemtjänsten"}},{"relationship":[{"coding":[{"code":"C","display":"Emergency Contact"}]}],"name":{"text":"Bo Ek"}}]"#)
        #expect(p.nextOfKin == [NextOfKin(name: "Anna Maria Ek", relation: "dotter", phone: "070-111 22 33"),
                                NextOfKin(name: "Bo Ek", relation: "Emergency Contact")])
    }

    @Test func anInterpreterIsNeededOnlyWhenTheExtensionSaysSo() throws {
        let language = #","communication":[{"language":{"coding":[{"system":"urn:ietf:bcp:47","code":"so"}]}},{"language":{"coding":[{"system":"urn:ietf:bcp:47","code":"ar"}]},"preferred":true}]"#
        let needed = #","extension":[{"url":"http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired","valueBoolean":true}]"#
        #expect(try Self.read(language + needed).interpreter == InterpreterNeed(language: "ar"))
        #expect(try Self.read(language).interpreter == nil)
        #expect(throws: FHIRError.self) {
            try Self.read(#","communication":[{"language":{"coding":[{"system":"urn:ietf:bcp:47","code":"not a tag"}]}}]"# + needed)
        }
    }

    @Test func bothAreWrittenAndReadBack() throws {
        var batch = try Fixture.read(text: Self.patient + "}")
        batch.patients[0].value.patient.nextOfKin = [NextOfKin(name: "Anna Ek", relation: "dotter", phone: "070-1"),
                                                     NextOfKin(name: "Bo Ek", relation: "god man")]
        batch.patients[0].value.patient.interpreter = InterpreterNeed(language: "sgn-se")
        let text = FHIRWriter(batch).bundle().serialized()
        #expect(text.contains(#""code":"sgn-SE""#))
        let back = try Fixture.read(text: text).patients[0].value.patient
        #expect(back.nextOfKin == batch.patients[0].value.patient.nextOfKin)
        #expect(back.interpreter?.language == "sgn-SE")
    }

    @Test func tagsAndTypedPeopleAreChecked() {
        #expect(InterpreterNeed(language: "AR")?.language == "ar")
        #expect(InterpreterNeed(language: "x") == nil)
        #expect(InterpreterNeed(language: "ar-") == nil)
        #expect(NextOfKin(text: "Anna Ek; dotter ;070-1") == NextOfKin(name: "Anna Ek", relation: "dotter", phone: "070-1"))
        #expect(NextOfKin(text: "Anna Ek;;070") == nil)
        #expect(NextOfKin(text: "Anna Ek;dotter;") == NextOfKin(name: "Anna Ek", relation: "dotter"))
    }
}
