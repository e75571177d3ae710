import JifangModel

/// The pages a site's server offers besides monitoring and accounts: the duty log, assets and
/// lending desk, bindings, backups and the evaluation.
///
/// One list for `jifang serve` and the web benchmark, so what is measured is what is served.
public enum SiteModules {
    /// - Parameters:
    ///   - records: the records policy (Policies/records.yaml).
    ///   - policiesDirectory: where bindings.yaml, backups.yaml and rules.yaml are read.
    ///   - inventoryPath: the site inventory (switches for releasing ports, devices for backups).
    ///   - backupsPath: the backup targets file.
    public static func makers(
        records: RecordsPolicy, policiesDirectory: String, inventoryPath: String, backupsPath: String
    ) -> [@Sendable (WebServerParts) -> any WebModule] {
        RecordsModules.makers(policy: records) + [
            { BindingsModule(parts: $0, inventoryPath: inventoryPath, policiesDirectory: policiesDirectory) },
            {
                BackupsModule(
                    parts: $0, backupsPath: backupsPath, inventoryPath: inventoryPath,
                    policiesDirectory: policiesDirectory)
            },
            { EvaluationModule(parts: $0, policiesDirectory: policiesDirectory) },
        ]
    }
}
