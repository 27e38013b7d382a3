using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Pkcs;

namespace WeChatPay.Chain.Crypto;

/// <summary>
/// An SM2 private key on sm2p256v1, parsed once by <see cref="Sm2.LoadPrivateKey"/> and shared by every signature.
/// Its <see cref="object.ToString"/> never shows the key.
/// </summary>
public sealed class Sm2PrivateKey
{
    internal Sm2PrivateKey(ECPrivateKeyParameters parameters)
    {
        Parameters = parameters;
        PublicKey = new Sm2PublicKey(new ECPublicKeyParameters(parameters.Parameters.G.Multiply(parameters.D).Normalize(), parameters.Parameters));
    }

    /// <summary>The public half, for verifying what this key signs.</summary>
    public Sm2PublicKey PublicKey { get; }

    internal ECPrivateKeyParameters Parameters { get; }

    /// <summary>The key as PKCS#8 PEM (<c>BEGIN PRIVATE KEY</c>, curve sm2p256v1), which <see cref="Sm2.LoadPrivateKey"/> reads back. Keep it secret.</summary>
    public string ExportPkcs8PrivateKeyPem()
    {
        var parameters = new ECPrivateKeyParameters("EC", Parameters.D, Org.BouncyCastle.Asn1.GM.GMObjectIdentifiers.sm2p256v1);
        return new string(System.Security.Cryptography.PemEncoding.Write("PRIVATE KEY", PrivateKeyInfoFactory.CreatePrivateKeyInfo(parameters).GetEncoded()));
    }

    /// <summary>Names the kind of key, never its value.</summary>
    public override string ToString() => "SM2 private key (sm2p256v1)";
}
