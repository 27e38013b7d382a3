using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using WeChatPay.Chain.Tests.Support;

namespace WeChatPay.Chain.Tests.Security;

/// <summary>
/// The secrets the leak tests try to smuggle out, made at run time: the merchant private key (PKCS#8 and PKCS#1 PEM),
/// an APIv2 key, an APIv3 key, a p12 password, and a p12 file sealed with that password. <see cref="FoundIn"/> says
/// whether a text holds any of them: the keys and the password in any letter case, even with whitespace put inside,
/// and any 40-character slice of either PEM's base64.
/// </summary>
internal sealed class Secrets : IDisposable
{
    private const int Slice = 40;
    private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private readonly HashSet<string> _slices = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _sliceLookup;
    private readonly (string Name, string Lower)[] _short;

    public Secrets(int seed)
    {
        var random = new Random(seed);
        ApiV2Key = Draw(random, 32, Alphanumerics, s => s.Any(char.IsAsciiLetterUpper) && s.Any(char.IsAsciiLetterLower) && s.Any(char.IsAsciiDigit) && !s.All(char.IsAsciiHexDigit));

        // Hex, as many APIv3 keys are: a hex key also passes for a serial, so it reaches further into the checks.
        ApiV3Key = Draw(random, 32, "0123456789abcdef", s => s.Any(char.IsAsciiLetter) && s.Any(char.IsAsciiDigit));
        Password = Draw(random, 20, Alphanumerics, s => s.Any(char.IsAsciiLetterUpper) && s.Any(char.IsAsciiLetterLower) && s.Any(char.IsAsciiDigit));
        PrivateKeyPkcs8 = TestKeys.MerchantPrivatePem;
        PrivateKeyPkcs1 = TestKeys.Merchant.ExportRSAPrivateKeyPem();

        using var certificate = TestKeys.Certificate(TestKeys.Merchant, "WeChat Pay test merchant");
        MerchantCertificatePem = certificate.ExportCertificatePem();
        Directory = Path.Combine(Path.GetTempPath(), $"wechatpay-chain-leaks-{Environment.ProcessId}");
        System.IO.Directory.CreateDirectory(Directory);
        P12Path = Path.Combine(Directory, "apiclient_cert.p12");
        // One KDF round: the file is as real as any, and the thousand loads with wrong passwords stay cheap.
        using var withKey = certificate.CopyWithPrivateKey(TestKeys.Merchant);
        File.WriteAllBytes(P12Path, withKey.ExportPkcs12(new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 1), Password));
        PrivateKeyPath = Path.Combine(Directory, "apiclient_key.pem");
        File.WriteAllText(PrivateKeyPath, PrivateKeyPkcs8);
        PublicKeyPath = Path.Combine(Directory, "pub_key.pem");
        File.WriteAllText(PublicKeyPath, TestKeys.WechatpayPublicKeyPem);

        foreach (var pem in new[] { PrivateKeyPkcs8, PrivateKeyPkcs1 })
        {
            var base64 = Base64Of(pem).ToLowerInvariant();
            for (var i = 0; i + Slice <= base64.Length; i++)
            {
                _slices.Add(base64.Substring(i, Slice));
            }
        }

        _sliceLookup = _slices.GetAlternateLookup<ReadOnlySpan<char>>();
        _short = [("APIv2 key", ApiV2Key.ToLowerInvariant()), ("APIv3 key", ApiV3Key.ToLowerInvariant()), ("p12 password", Password.ToLowerInvariant())];
        All =
        [
            ("private key PEM (PKCS#8)", PrivateKeyPkcs8),
            ("private key PEM (PKCS#1)", PrivateKeyPkcs1),
            ("APIv2 key", ApiV2Key),
            ("APIv3 key", ApiV3Key),
            ("p12 password", Password),
        ];
    }

    public string ApiV2Key { get; }

    public string ApiV3Key { get; }

    public string Password { get; }

    public string PrivateKeyPkcs8 { get; }

    public string PrivateKeyPkcs1 { get; }

    public string MerchantCertificatePem { get; }

    /// <summary>A folder whose name is plausibly a path, so references into it are printed and the printing is checked too.</summary>
    public string Directory { get; }

    public string P12Path { get; }

    public string PrivateKeyPath { get; }

    public string PublicKeyPath { get; }

    /// <summary>Every secret by name, to be put where it does not belong.</summary>
    public IReadOnlyList<(string Name, string Value)> All { get; }

    /// <summary>The name of the first secret <paramref name="text"/> holds, or <see langword="null"/>.</summary>
    public string? FoundIn(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var lower = text.ToLowerInvariant();
        var compact = string.Concat(lower.Where(c => !char.IsWhiteSpace(c)));
        foreach (var (name, secret) in _short)
        {
            if (lower.Contains(secret, StringComparison.Ordinal) || compact.Contains(secret, StringComparison.Ordinal))
            {
                return name;
            }
        }

        // Only windows made wholly of base64 characters can be a slice: skip the rest without hashing them.
        var run = 0;
        for (var end = 0; end < compact.Length; end++)
        {
            run = IsBase64(compact[end]) ? run + 1 : 0;
            if (run >= Slice && _sliceLookup.Contains(compact.AsSpan(end + 1 - Slice, Slice)))
            {
                return "private key (a 40-character slice of its base64)";
            }
        }

        return null;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    /// <summary>The base64 between a PEM's armour lines, without line breaks.</summary>
    public static string Base64Of(string pem) =>
        string.Concat(pem.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal)).Select(l => l.Trim()));

    private static bool IsBase64(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '+' or '/' or '=';

    private static string Draw(Random random, int length, string alphabet, Func<string, bool> fits)
    {
        while (true)
        {
            var text = string.Create(length, (random, alphabet), static (span, state) =>
            {
                for (var i = 0; i < span.Length; i++)
                {
                    span[i] = state.alphabet[state.random.Next(state.alphabet.Length)];
                }
            });
            if (fits(text))
            {
                return text;
            }
        }
    }
}
