// Words go through IStringLocalizer<XxxText> almost everywhere (docs/architecture.md, "Languages").
global using Microsoft.Extensions.Localization;
