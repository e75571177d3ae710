import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JifangConfig
import JifangStore
import JifangTesting
import Testing

@testable import JifangServer

/// A request the store cannot serve because of the store's state gets a status a client acts
/// on, not a bare 500.
@Suite struct StoreErrorMiddlewareTests {
    @Test func aSignInWhileAnotherProcessHoldsTheStoreIs503WithRetryAfter() async throws {
        let directory = try TemporaryDirectory(prefix: "jifang-server")
        defer { directory.remove() }
        let path = directory.appending("jifang.sqlite").path
        let store = try Store(path: path, busyTimeout: 0.2)
        let server = WebServer(
            store: store, policy: AccountPolicy(), options: .init(snapshotMaximumAge: 0, passwordRounds: 210_000))
        try await Application(router: server.router().router).test(.router) { client in
            var browser = Browser(client)
            // A failed sign-in is written to the audit trail: a write the held lock refuses.
            let holder = try SQLiteLockHolder(path)
            let busy = try await browser.signIn("nobody", password: "wrong")
            try holder.release()
            #expect(busy.status == .serviceUnavailable)
            #expect(busy.headers[.retryAfter] == "\(StoreErrorMiddleware.retryAfterSeconds)")
            #expect(String(buffer: busy.body).contains("retry"))
            #expect(!String(buffer: busy.body).contains(path))
            // The security headers still come with it.
            #expect(busy.headers[.contentSecurityPolicy] != nil)
            let refused = try await browser.signIn("nobody", password: "wrong")
            #expect(refused.status == .unauthorized)
        }
        #expect(try store.auditTrail().map(\.action) == ["login.failed"])
    }

    @Test func fullIs507AndReadOnlyIs503WithoutRetryAfterAndOthersGoOn() {
        #expect(StoreErrorMiddleware.answer(.full)?.status.code == 507)
        #expect(StoreErrorMiddleware.answer(.full)?.headers[.retryAfter] == nil)
        #expect(StoreErrorMiddleware.answer(.readOnly)?.status == .serviceUnavailable)
        #expect(StoreErrorMiddleware.answer(.readOnly)?.headers[.retryAfter] == nil)
        for code in [StoreError.Code.constraint, .corrupt, .invalidArgument, .other] {
            #expect(StoreErrorMiddleware.answer(code) == nil)
        }
    }
}
