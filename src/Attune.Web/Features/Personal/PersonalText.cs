namespace Attune.Features.Personal;

internal sealed class PersonalText;
