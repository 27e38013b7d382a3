using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.X509;

namespace WeChatPay.Chain.Crypto;

/// <summary>An SM2 public key on sm2p256v1, parsed once by <see cref="Sm2.LoadPublicKey"/>.</summary>
public sealed class Sm2PublicKey
{
    internal Sm2PublicKey(ECPublicKeyParameters parameters) => Parameters = parameters;

    internal ECPublicKeyParameters Parameters { get; }

    /// <summary>The key as SubjectPublicKeyInfo PEM (<c>BEGIN PUBLIC KEY</c>, curve sm2p256v1), which <see cref="Sm2.LoadPublicKey"/> reads back.</summary>
    public string ExportSubjectPublicKeyInfoPem()
    {
        var parameters = new ECPublicKeyParameters("EC", Parameters.Q, Org.BouncyCastle.Asn1.GM.GMObjectIdentifiers.sm2p256v1);
        return new string(System.Security.Cryptography.PemEncoding.Write("PUBLIC KEY", SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(parameters).GetEncoded()));
    }

    /// <summary>Names the kind of key.</summary>
    public override string ToString() => "SM2 public key (sm2p256v1)";
}
