import JifangConfig
import JifangModel
import LibFuzzerDriver

// libfuzzer: -max_len=32768
fuzz(fuzzYAML)

/// Feeds the bytes, as UTF-8 text, to every public YAML loader (the inventory, each policy,
/// bindings, backups, calendar, compliance rules) and renders the errors a loader reports: a
/// loader may refuse the text but must neither trap nor hang.
func fuzzYAML(_ bytes: UnsafeRawBufferPointer) {
    let text = String(decoding: bytes, as: UTF8.self)
    load { () throws(ConfigErrors) in try Inventory.parse(yaml: text) }
    load { () throws(ConfigErrors) in try ClassificationPolicy.parse(yaml: text) }
    load { () throws(ConfigErrors) in try SpecPolicy.parse(yaml: text) }
    load { () throws(ConfigErrors) in try ThresholdPolicy.parse(yaml: text) }
    load { () throws(ConfigErrors) in try RetentionPolicy.parse(yaml: text) }
    load { () throws(ConfigErrors) in try RecordsPolicy.parse(yaml: text) }
    load { () throws(ConfigErrors) in try BindingPolicy.parse(yaml: text) }
    load { () throws(ConfigErrors) in try AccountPolicy.parse(yaml: text) }
    load { () throws(ConfigErrors) in try BackupPolicy.parse(yaml: text) }
    load { () throws(ConfigErrors) in try BackupInventory.parse(yaml: text) }
    load { () throws(ConfigErrors) in try BindingTable.parse(yaml: text) }
    load { () throws(ConfigErrors) in try WorkingCalendar.parse(yaml: text) }
    load { () throws(ConfigErrors) in try ComplianceRuleSet.parse(yaml: text) }
}

/// Runs one loader; what it loaded is dropped, the messages of what it refused are rendered.
private func load<T>(_ loader: () throws(ConfigErrors) -> T) {
    do {
        _ = try loader()
    } catch {
        _ = "\(error)"
    }
}
