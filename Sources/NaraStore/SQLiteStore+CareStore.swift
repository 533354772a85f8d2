import NaraDomain

extension SQLiteStore: PatientRecordStore {}
extension SQLiteStore: CareStore {}
