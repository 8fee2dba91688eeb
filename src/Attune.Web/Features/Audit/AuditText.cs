namespace Attune.Features.Audit;

/// <summary>How each security event reads on the Security page.</summary>
internal static class AuditText
{
    public static string Describe(AuditKind kind) => kind switch
    {
        AuditKind.SignedIn => "Signed in",
        AuditKind.SignInFailed => "A sign-in failed (wrong password)",
        AuditKind.LockedOut => "Sign-in paused after too many attempts",
        AuditKind.SecondStepFailed => "A two-step code was wrong",
        AuditKind.RecoveryCodeUsed => "A recovery code was used",
        AuditKind.RevokedSessionUsed => "A signed-out device tried to continue",
        AuditKind.RateLimited => "Too many attempts from one place",
        AuditKind.SessionRevoked => "A device was signed out",
        AuditKind.OtherSessionsRevoked => "All other devices were signed out",
        AuditKind.PasswordChanged => "Password changed",
        AuditKind.TwoStepEnabled => "Two-step sign-in turned on",
        AuditKind.TwoStepDisabled => "Two-step sign-in turned off",
        AuditKind.RecoveryCodesRenewed => "New recovery codes made",
        AuditKind.PasskeyAdded => "A passkey was added",
        AuditKind.PasskeyRemoved => "A passkey was removed",
        AuditKind.Exported => "Your data was downloaded",
        AuditKind.LeftCouple => "You left your couple",
        AuditKind.AccountDeleted => "Account deleted",
        AuditKind.AuthenticatorKeyReplaced => "Two-step sign-in moved to a new authenticator app (the old one stopped working)",
        AuditKind.RefreshTokenReused => "A device was signed out: its sign-in was used from two places",
        AuditKind.PasswordPausedOnDevice => "Too many wrong passwords on one device: it had to wait before trying again",
        _ => kind.ToString(),
    };
}
