import JifangModel

/// Everything in a Policies/ directory, validated together.
///
/// The directory holds `classification.yaml`, `specs.yaml`, `thresholds.yaml` and
/// `retention.yaml`, and optionally `bindings.yaml`. Loading reads them all and throws the problems of every file at once.
public struct PolicySet: Sendable, Hashable {
    public var classification: ClassificationPolicy
    public var specs: SpecPolicy
    public var thresholds: ThresholdPolicy
    public var retention: RetentionPolicy
    /// Binding enforcement from the optional `bindings.yaml`; defaults (alert only) when absent.
    public var bindings = BindingPolicy()

    public init(
        classification: ClassificationPolicy, specs: SpecPolicy, thresholds: ThresholdPolicy,
        retention: RetentionPolicy
    ) {
        self.classification = classification
        self.specs = specs
        self.thresholds = thresholds
        self.retention = retention
    }

    public static let fileNames = ["classification.yaml", "specs.yaml", "thresholds.yaml", "retention.yaml"]

    /// Loads the four policy files under `directory`; errors name each file as `directory/name`.
    public static func load(directory: String) throws(ConfigErrors) -> PolicySet {
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        let documents = fileNames.map { YAMLDocument(path: "\(base)/\($0)") }
        let classification = ClassificationPolicy.read(documents[0])
        let specs = SpecPolicy.read(documents[1])
        let thresholds = ThresholdPolicy.read(documents[2])
        let retention = RetentionPolicy.read(documents[3])
        let errors = documents.flatMap(\.diagnostics.errors)
        var bindings = BindingPolicy()
        var bindingErrors: [ConfigError] = []
        do {
            bindings = try BindingPolicy.load(directory: base)
        } catch {
            bindingErrors = error.errors
        }
        guard errors.isEmpty, bindingErrors.isEmpty, let classification, let specs, let thresholds, let retention else {
            throw ConfigErrors(errors + bindingErrors)
        }
        var set = PolicySet(classification: classification, specs: specs, thresholds: thresholds, retention: retention)
        set.bindings = bindings
        return set
    }
}
