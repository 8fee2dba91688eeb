namespace Attune.Features.Rituals;

/// <summary>What the shared ritual form needs: the bound input, the templates, the page handler and an id prefix.</summary>
internal sealed record RitualFormModel(RitualInput Input, IReadOnlyList<TemplateView> Templates, string Handler, string Prefix, Guid? Id);
