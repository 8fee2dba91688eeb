namespace Attune.Features.Accounts;

/// <summary>This feature's words: <c>AccountsText.resx</c> (English) and <c>AccountsText.de.resx</c> beside this file.</summary>
internal sealed class AccountsText;
