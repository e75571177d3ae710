/// Password and session rules of the web UI, from Policies/accounts.yaml (Art. 118).
public struct AccountPolicy: Sendable, Hashable {
    /// The shortest password accepted; Art. 118 asks for more than 8 characters, so at least 9.
    public var minimumPasswordLength: Int
    /// Days after which a password must be changed before anything else can be done.
    public var passwordExpiryDays: Int
    /// Minutes of inactivity after which a session ends.
    public var sessionIdleMinutes: Int
    /// Hours after sign-in at which a session ends, used or not.
    public var sessionMaximumHours: Int
    /// Failed sign-ins allowed per username and per remote address within ``loginWindowMinutes``.
    public var loginAttempts: Int
    public var loginWindowMinutes: Int
    /// Days an API token works when `jifang users token` is given no `--expires-days`.
    public var tokenExpiryDays: Int

    public init(
        minimumPasswordLength: Int = 9, passwordExpiryDays: Int = 90, sessionIdleMinutes: Int = 30,
        sessionMaximumHours: Int = 12, loginAttempts: Int = 5, loginWindowMinutes: Int = 15,
        tokenExpiryDays: Int = 90
    ) {
        self.minimumPasswordLength = minimumPasswordLength
        self.passwordExpiryDays = passwordExpiryDays
        self.sessionIdleMinutes = sessionIdleMinutes
        self.sessionMaximumHours = sessionMaximumHours
        self.loginAttempts = loginAttempts
        self.loginWindowMinutes = loginWindowMinutes
        self.tokenExpiryDays = tokenExpiryDays
    }
}
