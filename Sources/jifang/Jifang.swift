import ArgumentParser

@main
struct Jifang: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jifang",
        abstract: "Machine-room operations and compliance: device health, spec findings and alerts.",
        discussion: """
            Inventory and Policies are YAML files (see Inventory/ and Policies/). Commands that use the \
            store take --database (default: $JIFANG_DATABASE, else jifang.sqlite in the working directory).
            """,
        subcommands: [
            CheckCommand.self, PollCommand.self, AgentCommand.self, DevicesCommand.self, AlertsCommand.self,
            DiscoverCommand.self, AssetsCommand.self, LogCommand.self, DocsCommand.self, StaffCommand.self,
            BindingsCommand.self, WatchCommand.self, BackupCommand.self, EvaluateCommand.self, WaiverCommand.self,
            ServeCommand.self, UsersCommand.self,
        ]
    )
}
