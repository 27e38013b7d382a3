using Microsoft.CodeAnalysis;

namespace WeChatPay.Chain.Analyzers;

/// <summary>The chain analyzer's diagnostics; docs/analyzer.md describes each, with an example and how to suppress it.</summary>
internal static class Descriptors
{
    private const string Category = "WeChatPay.Chain";

    public static readonly DiagnosticDescriptor UnknownPath = Warning(
        "WCP001", "Path not in the WeChat Pay catalogue", "The path {0} is not in the WeChat Pay catalogue{1}");

    public static readonly DiagnosticDescriptor VerbNotOffered = Warning(
        "WCP002", "Verb the catalogued path does not offer", "{0} {1} is not in the WeChat Pay catalogue: the path takes {2}{3}");

    public static readonly DiagnosticDescriptor UnknownField = Warning(
        "WCP003", "Field not in the operation", "\"{0}\" is not a field of {1} for {2}{3}");

    public static readonly DiagnosticDescriptor MissingRequiredField = new(
        "WCP004", "Required field missing", "{0} for {1} lacks required {2} {3}", Category, DiagnosticSeverity.Info, isEnabledByDefault: true,
        description: "The catalogue marks the field required; the platform refuses the call without it (400 PARAM_ERROR). Info: the field may be filled in later or passed another way.");

    public static readonly DiagnosticDescriptor PlaceholderWithoutValue = Warning(
        "WCP005", "Placeholder with no option", "The path {0} needs a value for {{{1}}}: pass it as option \"{1}\"{2}");

    public static readonly DiagnosticDescriptor UnknownOption = Warning(
        "WCP006", "Unknown option", "Unknown option \"{0}\" for {1}: {2}");

    public static readonly DiagnosticDescriptor MisspeltVerb = Warning(
        "WCP007", "Misspelt verb", "\"{0}\" is not a verb: invoked, it POSTs to {1}; did you mean \"{2}\"?");

    public static readonly DiagnosticDescriptor NotAwaitable = Warning(
        "WCP008", "Chain node used as a call", "A chain node is not awaitable: {0} only builds {1}; call a verb, e.g. .GetAsync(…) or .PostAsync(…)");

    public static readonly DiagnosticDescriptor OptionRefused = Warning(
        "WCP009", "Option the call refuses", "Option \"{0}\" is refused for {1}: {2}");

    private static DiagnosticDescriptor Warning(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);
}
