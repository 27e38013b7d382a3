namespace WeChatPay.Chain;

/// <summary>
/// How messages speak of a caller's value without quoting it. A secret put in the wrong place (the APIv2 key as
/// <c>Mchid</c>, PEM text after <c>file://</c>) must not reach a log through an exception or a <c>ToString()</c>, so
/// a value is described by its shape (length, character classes, "PEM text", "like a 32-character key"); a path or a
/// name is quoted only while nothing in it can be key material.
/// </summary>
internal static class Describe
{
    private const int LongestPath = 256;
    private const int LongestName = 64;

    private static readonly string[] PemLabels =
    [
        "ENCRYPTED PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "PRIVATE KEY", "RSA PUBLIC KEY", "PUBLIC KEY",
        "TRUSTED CERTIFICATE", "CERTIFICATE REQUEST", "CERTIFICATE", "X509 CRL",
    ];

    private static readonly HashSet<string> WellKnownSchemes = new(StringComparer.Ordinal)
    {
        "ftp", "ftps", "sftp", "file", "ws", "wss", "mailto", "ldap", "ldaps", "net.tcp", "net.pipe", "gopher", "news", "nntp", "telnet", "urn", "data", "ssh",
    };

    /// <summary>
    /// A noun phrase for <paramref name="value"/>'s shape: "a 10-digit number", "a 40-character hex string",
    /// "a 32-character string of letters and digits, like a 32-character key", "PEM text (PRIVATE KEY)".
    /// </summary>
    public static string Value(string? value)
    {
        if (value is null)
        {
            return "nothing";
        }

        if (value.Length == 0)
        {
            return "an empty string";
        }

        if (PemLabel(value) is { } label)
        {
            return $"PEM text ({label})";
        }

        if (value.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
        {
            return $"a {value.Length}-character file:// reference";
        }

        var trimmed = value.AsSpan().Trim();
        string text;
        if (trimmed.Length > 0 && !trimmed.ContainsAnyExcept("0123456789"))
        {
            text = $"a {trimmed.Length}-digit number";
        }
        else if (trimmed.Length > 0 && !trimmed.ContainsAnyExcept("0123456789abcdefABCDEF"))
        {
            text = $"a {value.Length}-character hex string";
        }
        else
        {
            text = $"a {value.Length}-character string of {Classes(value)}";
        }

        var lines = Lines(value);
        if (lines > 1)
        {
            text += $", over {lines} lines";
        }

        if (trimmed.Length != value.Length)
        {
            text += ", with whitespace at either end";
        }

        if (trimmed.Length == 32 && !trimmed.ContainsAnyExceptInRange('!', '~'))
        {
            text += ", like a 32-character key";
        }
        else if (trimmed.Length >= 64 && LooksLikeBase64(trimmed))
        {
            text += ", like base64 key material without its PEM armour";
        }

        return text;
    }

    /// <summary><paramref name="name"/> in quotes when nothing in it can be key material (an option, field or header name); else its shape.</summary>
    public static string Quoted(string name) => CanQuote(name) ? $"\"{name}\"" : Value(name);

    /// <summary>Whether <paramref name="name"/> may be quoted: short printable ASCII with no part that looks like a key.</summary>
    public static bool CanQuote(string name) =>
        name.Length is > 0 and <= LongestName && !name.AsSpan().ContainsAnyExceptInRange(' ', '~') && !HasKeyMaterial(name)
            && !(name.Length == 32 && !name.AsSpan().ContainsAnyExceptInRange('!', '~'));

    /// <summary>A <c>file://</c> reference as written when it is plausibly a path; else why it is not shown.</summary>
    public static string FileReference(string reference)
    {
        var why = WhyNotAPath(reference);
        if (why is null)
        {
            var local = Crypto.Rsa.LocalPath(reference);
            why = WhyNotAPath(local);
        }

        return why is null ? reference : $"a file:// reference, not shown as it {why}";
    }

    /// <summary>A plain path or a <c>file://</c> reference as written when it is plausibly a path; else why it is not shown.</summary>
    public static string Path(string path) =>
        path.StartsWith("file://", StringComparison.OrdinalIgnoreCase) ? FileReference(path)
        : WhyNotAPath(path) is { } why ? $"a path, not shown as it {why}"
        : path;

    /// <summary>Whether <paramref name="path"/> can be printed: why not, or <see langword="null"/> when it can.</summary>
    public static string? WhyNotAPath(string path)
    {
        if (path.Length == 0)
        {
            return "is empty";
        }

        if (PemLabel(path) is not null)
        {
            return "holds PEM text";
        }

        if (Lines(path) > 1)
        {
            return $"spans {Lines(path)} lines";
        }

        if (path.Length > LongestPath)
        {
            return $"is {path.Length} characters long";
        }

        // '+' and '=' belong to base64 far more often than to a file name.
        foreach (var c in path)
        {
            if (char.IsControl(c) || char.IsSurrogate(c) || c is '"' or '<' or '>' or '|' or '*' or '?' or '+' or '=' or '\uFFFD')
            {
                return "has characters a path does not have";
            }
        }

        return HasKeyMaterial(path) ? "has a part that looks like key material" : null;
    }

    /// <summary>
    /// Whether a path or name may quote a secret. Random text gives itself away where names do not: a word longer
    /// than 24 characters, six consonants in a row, or letters and digits that keep switching between small letters,
    /// capitals and digits (counted across spaces, since a key broken by whitespace is still a key). A heuristic:
    /// it errs towards describing a real path rather than printing a key.
    /// </summary>
    public static bool HasKeyMaterial(string text)
    {
        int mixedLength = 0, transitions = 0, consonants = 0, word = 0;
        var wordIsDigits = true;
        foreach (var c in text)
        {
            consonants = char.IsAsciiLetter(c) && !"aeiouAEIOU".Contains(c) ? consonants + 1 : 0;
            word = char.IsAsciiLetterOrDigit(c) ? word + 1 : 0;
            wordIsDigits = word <= 1 ? char.IsAsciiDigit(c) : wordIsDigits && char.IsAsciiDigit(c);
            if (consonants >= 6 || (word > 24 && !wordIsDigits))
            {
                return true;
            }
        }

        var start = 0;
        while (start < text.Length)
        {
            if (!char.IsAsciiLetterOrDigit(text[start]))
            {
                start++;
                continue;
            }

            var end = start;
            int length = 0, switches = 0;
            var allDigits = true;
            var previous = '\0';
            for (; end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is ' ' or '\t'); end++)
            {
                var c = text[end];
                if (c is ' ' or '\t')
                {
                    continue;
                }

                allDigits &= char.IsAsciiDigit(c);
                if (length++ > 0 && Switches(previous, c))
                {
                    switches++;
                }

                previous = c;
            }

            if (!allDigits && ((length > 24 && switches >= 2) || length > 40 || (length >= 12 && switches >= 4)))
            {
                return true;
            }

            // Only runs that switch at all count towards the density, so plain words around a key do not dilute it.
            if (switches > 0)
            {
                mixedLength += length;
                transitions += switches;
            }

            start = end;
        }

        return transitions >= 8 && transitions * 4 >= mixedLength;
    }

    /// <summary>"an https URI", "a relative URI (…)", "a URI with scheme ftp and user-info": never the host, path or user-info.</summary>
    public static string Uri(Uri uri)
    {
        if (!uri.IsAbsoluteUri)
        {
            return $"a relative URI ({Value(uri.OriginalString)})";
        }

        var scheme = uri.Scheme is "http" or "https" ? $"an {uri.Scheme} URI"
            : WellKnownSchemes.Contains(uri.Scheme) ? $"a URI with scheme {uri.Scheme}"
            : $"a URI whose scheme is {Value(uri.Scheme)}";
        return uri.UserInfo.Length > 0 ? scheme + " and user-info" : scheme;
    }

    /// <summary>Why a file could not be read, without its path (which the exception's own message carries).</summary>
    public static string IoFailure(Exception e) => e switch
    {
        FileNotFoundException => "no such file",
        DirectoryNotFoundException => "no such directory",
        UnauthorizedAccessException => "access denied",
        PathTooLongException => "the path is too long",
        ArgumentException or NotSupportedException => "not a valid path",
        _ => $"an I/O error ({e.GetType().Name})",
    };

    /// <summary>The label of the first PEM boundary in <paramref name="text"/>, from a fixed list; <see langword="null"/> when it has none.</summary>
    public static string? PemLabel(string text)
    {
        var at = text.IndexOf("-----BEGIN ", StringComparison.Ordinal);
        if (at < 0)
        {
            at = text.IndexOf("-----END ", StringComparison.Ordinal);
        }

        if (at < 0)
        {
            return null;
        }

        var rest = text.AsSpan(at).TrimStart('-');
        rest = rest[(rest.IndexOf(' ') + 1)..];
        foreach (var label in PemLabels)
        {
            if (rest.StartsWith(label + "-----", StringComparison.Ordinal))
            {
                return label;
            }
        }

        return "an unrecognised label";
    }

    private static bool Switches(char previous, char current) =>
        (char.IsAsciiDigit(previous) != char.IsAsciiDigit(current)) || (char.IsAsciiLetterLower(previous) && char.IsAsciiLetterUpper(current));

    private static int Lines(string text)
    {
        var lines = 1;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
            {
                lines++;
            }
        }

        return text.EndsWith('\n') || text.EndsWith('\r') ? lines - 1 : lines;
    }

    private static bool LooksLikeBase64(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=' || char.IsWhiteSpace(c)))
            {
                return false;
            }
        }

        return true;
    }

    private static string Classes(string value)
    {
        bool letters = false, digits = false, spaces = false, symbols = false, nonAscii = false, controls = false, surrogates = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsAsciiLetter(c))
            {
                letters = true;
            }
            else if (char.IsAsciiDigit(c))
            {
                digits = true;
            }
            else if (c is ' ' or '\t' or '\r' or '\n')
            {
                spaces = true;
            }
            else if (char.IsControl(c))
            {
                controls = true;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                nonAscii = true;
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                surrogates = true;
            }
            else if (c > '~')
            {
                nonAscii = true;
            }
            else
            {
                symbols = true;
            }
        }

        var names = new (bool Present, string Name)[]
        {
            (letters, "letters"), (digits, "digits"), (spaces, "whitespace"), (symbols, "symbols"),
            (nonAscii, "non-ASCII characters"), (controls, "control characters"), (surrogates, "unpaired surrogates"),
        }.Where(n => n.Present).Select(n => n.Name).ToList();
        return names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];
    }
}
