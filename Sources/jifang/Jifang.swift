import ArgumentParser

@main
struct Jifang: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jifang",
        abstract: "Machine-room operations and compliance: device health, spec findings and alerts.",
        discussion: """
            Inventory and Policies are YAML files (see Inventory/ and Policies/). Without --inventory and \
            --policies they are $JIFANG_INVENTORY and $JIFANG_POLICIES, else ./Inventory/site.yaml and \
            ./Policies, else /etc/jifang/site.yaml and the shipped policies (/usr/share/jifang/policies), each \
            overridden by a file of the same name in /etc/jifang/policies. Commands that use the store take \
            --database (default: $JIFANG_DATABASE, else /var/lib/jifang/jifang.sqlite when installed, else \
            jifang.sqlite in the working directory).
            """,
        subcommands: [
            CheckCommand.self, PollCommand.self, AgentCommand.self, DevicesCommand.self, AlertsCommand.self,
            DiscoverCommand.self, AssetsCommand.self, LogCommand.self, DocsCommand.self, StaffCommand.self,
            BindingsCommand.self, WatchCommand.self, BackupCommand.self, EvaluateCommand.self, WaiverCommand.self,
            ServeCommand.self, UsersCommand.self,
        ]
    )

    /// Runs the command as ArgumentParser's `main` does, except that an error naming a file inside a
    /// merged policies directory names the real file instead (see ``PolicyView``).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: PolicyView.shared.realPaths(in: error))
        }
    }
}
