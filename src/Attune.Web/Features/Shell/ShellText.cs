namespace Attune.Features.Shell;

/// <summary>
/// The shell's words: <c>ShellText.resx</c> (English, the source) and <c>ShellText.de.resx</c> beside this file.
/// Every feature has one such class; views take <c>IStringLocalizer&lt;XxxText&gt;</c> (docs/architecture.md, "Words").
/// </summary>
internal sealed class ShellText;
