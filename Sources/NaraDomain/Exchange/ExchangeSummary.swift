/// What an import did, counted per resource type: the summary printed at the end.
public struct ExchangeSummary: Sendable, Equatable {
    public var created: [String: Int] = [:]
    public var unchanged: [String: Int] = [:]
    /// Records already in the store that the import changed (a patient's name, address,
    /// phone, protected identity or death).
    public var updated: [String: Int] = [:]
    /// Each patient changed (or, in a dry run, to be changed), field by field.
    public var changes: [PatientChange] = []
    /// Changes held back: the store's record is newer than the file's, or the policy
    /// refused the importing user. Each names the resource and why; nothing of it was written.
    public var conflicts: [String] = []
    public var skipped: [String: Int] = [:]
    /// Identifiers outside the Swedish systems that were kept as local identifiers.
    public var localIdentifiers: Int = 0
    /// Patients whose record got something new: each has a write row in the access log.
    public var patientsWritten: Int = 0

    public init() {}

    public var totalCreated: Int { created.values.reduce(0, +) }
    public var totalUnchanged: Int { unchanged.values.reduce(0, +) }
    public var totalUpdated: Int { updated.values.reduce(0, +) }
}

/// What an import changes of a patient already in the store, field by field: the lines
/// `nara import --dry-run` prints and the fields a write row names.
public struct PatientChange: Sendable, Equatable {
    public struct Field: Sendable, Equatable {
        public var name: String
        public var old: String
        public var new: String

        public init(name: String, old: String, new: String) {
            self.name = name
            self.old = old
            self.new = new
        }
    }

    /// The patient's identifier as shown (`19121212-1212`) and the resource that changes it.
    public var patient: String
    public var patientId: PatientID
    public var resource: String
    public var fields: [Field]
    /// Either side is a protected identity: the values are not printed.
    public var protectedIdentity: Bool

    public init(patient: String, patientId: PatientID, resource: String, fields: [Field], protectedIdentity: Bool) {
        self.patient = patient
        self.patientId = patientId
        self.resource = resource
        self.fields = fields
        self.protectedIdentity = protectedIdentity
    }

    /// The fields an import may change, compared as the store keeps them: name, address,
    /// phone, protected identity (with its label), death, next of kin and interpreter. Sex, birth date and the
    /// identifier follow the identifier and are not changed by a file.
    public static func fields(from old: Patient, oldLabel: String?, to new: Patient,
                              newLabel: String?) -> [Field] {
        func address(_ a: Address?) -> String {
            a.map { [$0.street, $0.postalCode, $0.city].filter { !$0.isEmpty }.joined(separator: ", ") } ?? "–"
        }
        func protection(_ p: Patient, _ label: String?) -> String {
            p.protectedIdentity ? "protected (\(label ?? "sekretessmarkering"))" : "not protected"
        }
        func death(_ p: Patient) -> String {
            p.deceased ? "deceased " + (p.deceasedOn?.iso ?? "(day unknown)") : "alive"
        }
        func kin(_ p: Patient) -> String {
            p.nextOfKin.isEmpty ? "–" : p.nextOfKin.map { [$0.name, $0.relation, $0.phone ?? ""].filter { !$0.isEmpty }
                .joined(separator: ", ") }.joined(separator: "; ")
        }
        let pairs: [(String, String, String)] = [
            ("name", old.fullName, new.fullName),
            ("address", address(old.address), address(new.address)),
            ("phone", old.phone ?? "–", new.phone ?? "–"),
            ("protection", protection(old, oldLabel), protection(new, new.protectedIdentity ? newLabel ?? oldLabel : nil)),
            ("deceased", death(old), death(new)),
            ("next of kin", kin(old), kin(new)),
            ("interpreter", old.interpreter?.language ?? "–", new.interpreter?.language ?? "–"),
        ]
        return pairs.filter { $0.1 != $0.2 }.map { Field(name: $0.0, old: $0.1, new: $0.2) }
    }
}
