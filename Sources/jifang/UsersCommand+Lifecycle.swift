import ArgumentParser
import Foundation
import JifangModel
import JifangServer
import JifangStore

// Disabling, enabling, role changes and staff links: each takes effect on the account's next
// request to a running `jifang serve` on the same store, which reads the account every time.

extension UsersCommand {
    /// The stored account `username`, or a refusal that says how to find the right name.
    static func existing(_ username: String, in store: Store) throws -> Account {
        guard let account = try store.account(named: username) else {
            throw UsersError("there is no account \(username) (see `jifang users list`)")
        }
        return account
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "disable",
            abstract: "Disable an account: its web sessions end and its API tokens are refused at once.")
        @OptionGroup var common: Common
        @Argument var username: String

        func run() throws {
            let store = try common.service().store
            guard try !UsersCommand.existing(username, in: store).disabled else {
                throw UsersError("the account \(username) is disabled already")
            }
            try store.setDisabled(username: username, true, by: UsersCommand.actor)
            print("Disabled \(username): its sessions end on their next request and its tokens are refused.")
        }
    }

    struct Enable: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "enable", abstract: "Enable a disabled account again.")
        @OptionGroup var common: Common
        @Argument var username: String

        func run() throws {
            let store = try common.service().store
            guard try UsersCommand.existing(username, in: store).disabled else {
                throw UsersError("the account \(username) is not disabled")
            }
            try store.setDisabled(username: username, false, by: UsersCommand.actor)
            print("Enabled \(username).")
        }
    }

    struct Role: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "role", abstract: "Change an account's role; it applies from the account's next request.")
        @OptionGroup var common: Common
        @Argument var username: String
        @Argument(help: "administrator, auditor or technician.") var role: String

        func run() throws {
            guard let role = AccountRole(rawValue: role) else {
                throw ValidationError("\(role) is not a role (use administrator, auditor or technician)")
            }
            let store = try common.service().store
            let account = try UsersCommand.existing(username, in: store)
            guard account.role != role else { throw UsersError("\(username) is \(role.rawValue) already") }
            try store.setRole(username: username, role: role, by: UsersCommand.actor)
            print("\(username) is now \(role.rawValue) (was \(account.role.rawValue)).")
        }
    }

    struct Link: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "link",
            abstract: "Link an account to the staff member it writes the records as (duty log, assets, loans).")
        @OptionGroup var common: Common
        @Argument var username: String
        @Argument(help: "The staff id, as `jifang staff list` shows it (a name is not taken).") var staffID: String

        func run() throws {
            let store = try common.service().store
            _ = try UsersCommand.existing(username, in: store)
            try store.linkStaff(username: username, staffID: staffID, by: UsersCommand.actor)
            print("\(username) now acts as staff member \(staffID).")
        }
    }

    struct Unlink: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "unlink", abstract: "Unlink an account from its staff member: it may then only read records.")
        @OptionGroup var common: Common
        @Argument var username: String

        func run() throws {
            let store = try common.service().store
            guard let staff = try UsersCommand.existing(username, in: store).staffID else {
                throw UsersError("the account \(username) is linked to no staff member")
            }
            try store.linkStaff(username: username, staffID: nil, by: UsersCommand.actor)
            print("\(username) no longer acts as staff member \(staff).")
        }
    }
}
