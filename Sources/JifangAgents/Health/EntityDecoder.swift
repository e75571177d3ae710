import JifangModel
import JifangSNMP

/// Decodes ENTITY-MIB `entPhysicalTable`.
public enum EntityDecoder {
    /// One ``PhysicalEntity`` per row that has a class; empty strings become `nil`.
    public static func decode(_ table: SNMPTable) -> [PhysicalEntity] {
        table.rows.compactMap { row in
            guard let index = row.intIndex, let classValue = row[EntityMIB.entPhysicalClass]?.int else { return nil }
            return PhysicalEntity(
                index: index,
                class: PhysicalEntity.Class(entityMIBValue: Int(classValue)),
                descr: row[EntityMIB.entPhysicalDescr]?.text,
                name: row[EntityMIB.entPhysicalName]?.text,
                containedIn: row[EntityMIB.entPhysicalContainedIn]?.int.flatMap { $0 > 0 ? Int($0) : nil },
                hardwareRev: row[EntityMIB.entPhysicalHardwareRev]?.text,
                firmwareRev: row[EntityMIB.entPhysicalFirmwareRev]?.text,
                softwareRev: row[EntityMIB.entPhysicalSoftwareRev]?.text,
                serial: row[EntityMIB.entPhysicalSerialNum]?.text,
                manufacturer: row[EntityMIB.entPhysicalMfgName]?.text,
                model: row[EntityMIB.entPhysicalModelName]?.text
            )
        }
    }

    /// The name to show for entity `index`: its name, else its description.
    static func label(_ index: Int, in entities: [PhysicalEntity]) -> String? {
        guard let entity = entities.first(where: { $0.index == index }) else { return nil }
        return entity.name ?? entity.descr
    }
}
